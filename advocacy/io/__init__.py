"""Spreadsheets in and out: reading what volunteers really have, and the one formula-safe export.

One workflow per module:
- exports              The one way data leaves the app as a spreadsheet: CSV and Excel, safe against formulas.
- imports              Reading the spreadsheets volunteers really have, before any domain rules look at them.
- xlsx_guard           Checking an uploaded .xlsx before openpyxl parses any of it.
"""
