"""Login sessions that survive a reload and a new tab."""

SESSION_ENDED = "Du er logget ut. Logg inn igjen for å fortsette."
