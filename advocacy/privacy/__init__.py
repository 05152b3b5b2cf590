"""Personal data: a person's export, erasure everywhere (also in files), retention, and the papirkurv.

One workflow per module:
- erasure              Erasing a person (GDPR art. 17): remove or anonymise them everywhere, and leave no …
- erasure_docx         A person's name inside stored files: .docx copies and templates, PDF answers.
- erasure_forms        The forms a person takes in free text, as patterns an erasure finds and replaces.
- erasure_marks        What an erasure leaves behind: the mark, the erased account name, the last erasure.
- privacy              Personal data: what the app holds about one person, and who is due for erasure.
- trash                The papirkurv: removed records wait here for 30 days, and leadership can put them back.
- trash_kinds          What can go to the papirkurv, and who may send it there.
- trash_privacy        The papirkurv and personal data: an erasure reaches what is in the papirkurv too, …
"""
