"""One Streamlit page script per menu entry (st.navigation in app.py); their parts live beside this folder in advocacy/ui/.

One workflow per module:
- administrasjon       Administrasjon (leadership): users, chapters, the change log, backups and personal data.
- brev                 Brev og innlegg: make a letter from a template, the writing group's reader letters …
- kalender             Kalender: the activity calendar (list and month view, .ics export) and the campaigns.
- kommuner             Kommuner: the 357 municipalities, searchable by name or number, filterable by …
- maler                Maler: the document templates and their merge fields; leadership uploads new ones.
- moter                Møter: log meetings with politicians, follow them up and write the follow-up letter.
- oversikt             Oversikt: where the country stands on each lever (map, key figures, per county), …
- personvern           Personvern: what Påvirk stores, why, for how long and whom to ask; and one's own data.
- politikere           Politikere: the directory of local politicians, their stances, meetings and letters.
- uttalelser           Uttalelser: draft, adopt, send and archive position statements and resolutions.
"""
