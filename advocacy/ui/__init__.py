"""Streamlit pages, one file a page, and the widgets they share. Thin: widgets and calls."""
