"""The quote stage: who said what, as the ``newsdesk_quotes`` spaCy component.

:mod:`.component` registers the factory, so ``nlp.add_pipe("newsdesk_quotes")`` works in any
spaCy pipeline with a parser and NER (``en_core_web_sm`` or larger).
"""
