"""The entities component, ``newsdesk_entities``: one :class:`~newsdesk.record.Entity` per thing named.

``nlp.add_pipe("newsdesk_entities")`` after a pipeline with a parser and NER fills
``doc._.entities``: every person, organisation, place, group… the article names, with all its
mentions clustered (full name, surname, acronym, alias, pronoun), a corrected type and the
titles the text gives it. Stages, one module each:

- :mod:`.mentions` — name spans from the model, bracketed acronyms and the gazetteer;
- :mod:`.cluster` — which mentions are one entity, its type and its name;
- :mod:`.pronouns` — "he"/"she" that can only mean one person;
- :mod:`.descriptions` — "the envoy" that can only mean one person titled so;
- :mod:`newsdesk.extract.entities.titles` — titles from the parse, and :mod:`.title_filters`, what is
  an opinion, a ranking or a forecast rather than a title;
- :mod:`.component` — the spaCy component putting it together, and :func:`~.component.entity_for_span`,
  which maps a character span (a quote's speaker) to its entity.
"""
