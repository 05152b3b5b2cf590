"""Texts for unsaved text kept as drafts."""

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as _babel_datetime

DRAFT_RESTORED = "Ulagret tekst fra {when} er hentet tilbake."
DRAFT_DISCARD = "Forkast den ulagrede teksten"
DRAFT_KEY_INVALID = "Ugyldig nøkkel for et utkast: «{key}»."
DRAFT_TOO_LARGE = "Teksten er for lang til å mellomlagres (over {kb} kB)."

_OSLO = ZoneInfo("Europe/Oslo")


def format_draft_time(when: dt.datetime, now: dt.datetime | None = None) -> str:
    """«1. desember kl. 21.14» in Norwegian time; the year only when it is not this year."""
    local = when.astimezone(_OSLO)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(_OSLO)
    fmt = "d. MMMM 'kl.' HH.mm" if local.year == now.year else "d. MMMM y 'kl.' HH.mm"
    return _babel_datetime(local, fmt, locale="nb")
