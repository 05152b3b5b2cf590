"""Norwegian formats beyond Babel: times in Norwegian time (Europe/Oslo), the d3 format locale
the charts use (nb-NO), and the status symbols that need no emoji font."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as _babel_datetime

OSLO = ZoneInfo("Europe/Oslo")
NBSP = "\u00a0"

# The number and time locale of every chart (Vega's `config.locale`, d3-format and
# d3-time-format definitions): «10 001», «1,5», «12 %», «jul. 2026».
CHART_LOCALE = {
    "number": {
        "decimal": ",",
        "thousands": NBSP,
        "grouping": [3],
        "currency": ["", f"{NBSP}kr"],
        "percent": f"{NBSP}%",
        "minus": "\u2212",
    },
    "time": {
        "dateTime": "%A %e. %B %Y kl. %H:%M",
        "date": "%d.%m.%Y",
        "time": "%H:%M:%S",
        "periods": ["", ""],
        "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
        "shortDays": ["søn.", "man.", "tir.", "ons.", "tor.", "fre.", "lør."],
        "months": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                   "september", "oktober", "november", "desember"],
        "shortMonths": ["jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.",
                        "sep.", "okt.", "nov.", "des."],
    },
}
OF_TOTAL = "{part} av {total}"  # «12 av 357»

CHART_COUNT_FORMAT = ",d"  # whole numbers with thousands separator
CHART_PERCENT_FORMAT = ".0%"  # «12 %» with the locale's percent sign
CHART_MONTH_FORMAT = "%b %Y"  # «jul. 2026»
CHART_DATE_FORMAT = "%d.%m.%Y"
CHART_YEAR_FORMAT = "%Y"

# Status as a symbol from basic fonts (no emoji font needed) and a word.
STATUS_SYMBOLS = {
    "oppfyller": "●",
    "delvis": "▲",
    "langt_unna": "✕",
    "ukjent": "○",
    "ingen_mal": "–",
}


def status_with_symbol(code: str, text: str) -> str:
    """«● oppfyller målet»: the status's symbol, then its words."""
    return f"{STATUS_SYMBOLS.get(code, '•')} {text}"


def to_oslo(value: dt.datetime | str | None) -> dt.datetime | None:
    """A stored moment (ISO text or datetime) in Norwegian time, without its zone (for
    tables). The schema stores moments in UTC with their zone («…Z», «+00:00»); a time without
    a zone is one a user typed (an event's start) and is Norwegian time already. None for empty
    or unreadable values; a bare date is no moment and gives None too."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        if len(value) <= 10:
            return None
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if value.tzinfo is None:
        return value
    return value.astimezone(OSLO).replace(tzinfo=None)


def oslo_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """The Norwegian calendar day of a stored moment; a bare date as it is."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return to_oslo(value).date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) > 10 and (moment := to_oslo(text)) is not None:
        return moment.date()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def format_timestamp(value: dt.datetime | str | None) -> str:
    """A stored moment for lists and logs, in Norwegian time: «02.12.2026 kl. 20:16»."""
    local = to_oslo(value)
    if local is None:
        return ""
    return _babel_datetime(local, "dd.MM.y 'kl.' HH:mm", locale="nb")


TIMESTAMP_COLUMN_FORMAT = "DD.MM.YYYY [kl.] HH:mm"  # the same, for Streamlit's tables
