"""newsdesk's vocabularies: word lists, label sets and name keys shared by the stages, without spaCy.

The extract stage, the store and the web desk all need some of the same words ("Mr" before
a name, the stance classes, which labels are places) and the same way of folding a name to a
key. They live here, importing only the standard library and :mod:`newsdesk.record`, so that
a stage that does not run spaCy imports them instead of keeping a copy that drifts.
Long lists are data files in ``newsdesk/data``, checked when they are read (:mod:`.wordlists`).
"""
