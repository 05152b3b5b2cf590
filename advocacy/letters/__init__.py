"""Documents made from templates: the template library, the merge fields built from records, and the `documents` records with their fate.

One workflow per module:
- document_context     Merge fields built from records: who a letter goes to and who sends it.
- document_list        Dokumenter as a long list: search the documents' words, filter by kind, status, …
- document_records     Document records: a letter, reader letter or statement made from a template, and its …
- template_library     The templates a user can fill: the bundled ones in letters/templates/ and uploaded ones.
"""
