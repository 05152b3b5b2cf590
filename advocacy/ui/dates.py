"""Date inputs that never change what the user typed.

`st.date_input` replaces a typed date outside its range with the nearest allowed one, without a
word, and its default range is ten years either side of the start value. So a date field gets
this wide range, and what is allowed (not in the future, not before the meeting, …) is the
domain's to say, with a message next to the field.
"""

import datetime as dt

EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
OPEN_RANGE = {"min_value": EARLIEST, "max_value": LATEST}
