"""The directory of politicians: who they are, where, in which role, and where they stand.

One workflow per module:
- politician_import    Importing politicians from the spreadsheets volunteers really have.
- politician_list      Politikere as a long list: search by name (case and accents folded, æøå kept), …
- politicians          The directory of local politicians: who they are, where, in which role, and how to …
- stances              Where a politician stands on the organisation's levers and topics, with date and source.
"""
