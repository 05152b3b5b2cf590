"""Where each municipality stands on the tracked levers: the levers, dated positions, status against law and goal, the map and the national sheet.

One workflow per module:
- current_positions    The current position of a municipality on a lever: the one definition every status, …
- key_dates            Key dates for a municipality's alcohol policy, and the same as an .ics calendar.
- levers               The tracked policy levers as leadership configures them: add a lever, change the goal.
- maps                 The map of Norway's 357 municipalities, coloured by status on one lever (Altair, …
- municipalities       The municipalities and their policy profile: levers, dated positions, status.
- municipality_activity What the organisation does in one municipality: meetings, letters and chapter activity.
- municipality_codes   Turning what a spreadsheet says about a municipality into a 2024 kommunenummer.
- policy_status        Where a municipality stands on a lever: its value against the law and the …
- positions            Recording a municipality's position on a lever: one at a time, or many from a …
- status_export        The national status sheet: one row per municipality, one column per lever.
"""
