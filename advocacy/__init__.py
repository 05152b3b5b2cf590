"""Påvirk: advocacy tracking and letter writing for Norwegian organisations.

The process keeps Norwegian time (Europe/Oslo): «today» (`datetime.date.today()`, due dates,
overdue follow-ups, the file names of exports) is the Norwegian day on a server whose clock
runs in UTC. Stored moments are UTC whatever this says (`advocacy.clock`).
"""

import os
import time

os.environ["TZ"] = "Europe/Oslo"
time.tzset()

__version__ = "0.1.0"
