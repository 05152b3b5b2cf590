"""The activity calendar, campaigns, and calendar files (.ics).

One workflow per module:
- calendar             Calendar files (.ics) for follow-ups, events and key political dates, in Norwegian time.
- campaigns            Campaigns: a goal, a period, and signatures and volunteers counted over time.
- event_list           Kalender's list of activities as a long list: search title, place and who is …
- events               The activity calendar: chapters' events and the key political dates, in one list.
- month_view           A month of calendar items as weeks (Monday first), and as an HTML grid for `st.html`.
"""
