"""Where a municipality stands on a lever: its value against the law and the organisation's goal.

Values are stored as text (`positions.value`); this module reads them per lever `value_type`,
puts them on a scale that can be compared, and gives a status. It is pure: no database, no
Streamlit, so the rule is tested on literal cases and the pages, the map and the export share it.

**Closing times pass midnight.** Serving and sales hours are the time an activity must *end*.
On the evening-to-night scale used here a time before 06:00 is after midnight: "24:00" (and
"00:00") is midnight, "01:00" an hour later, "02:00" later still, and "06:00" is the early
morning. So 02:00 is later (more liberal) than 24:00 and 01:00, and 03:00 is the legal outer limit
for serving (alkoholloven § 4-4).

**The status rule** (per lever, per value type, with `goal_rule`):

- *ukjent*: no value recorded, or a value that cannot be read for this lever's type.
- *ingen mål*: the organisation has set no goal for this lever (a figure to know, not to judge).
- *oppfyller målet*: `at_most` value ≤ goal; `at_least` value ≥ goal; `equals` value = goal
  (yes/no and text compared without case); `on_or_after` date on or after the goal date.
- *delvis*: the goal is not met, but the value is close: at most half-way from the goal towards
  the legal limit (when the law sets a limit beyond the goal), otherwise within a fixed tolerance:
  60 minutes for closing times, 3 years for years (Ungdata runs about every third year), one
  council term (4 years) for dates, half the goal for counts. Yes/no and text have no "delvis".
- *langt unna*: the goal is not met and the value is not close.
- *over lovens grense* is a separate flag: for `at_most` levers the value is beyond `legal_max`
  (the legal maximum); for `at_least` levers `legal_max` holds the legal *minimum* (kontroller per
  sted: at least 3) and the flag means below it. A value over the legal limit is always
  *langt unna*, whatever the tolerance says.

A weekend lever (id ending in `_helg`) that a municipality has not decided separately takes the
weekday value of the same group: the municipality does not differentiate, so the weekday rule
holds every night. Sales hours on Saturdays have their own legal normal time and do not inherit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from advocacy import texts
from advocacy.errors import ValidationError

VALUE_TYPES = ("closing_time", "boolean", "count", "date", "year", "text")
GOAL_RULES = ("at_most", "at_least", "equals", "on_or_after")

# The hour at which "tonight" ends: a closing time earlier than this is after midnight.
NIGHT_ENDS_HOUR = 6

MEETS, PARTLY, FAR, UNKNOWN, NO_GOAL = "oppfyller", "delvis", "langt_unna", "ukjent", "ingen_mal"
STATUS_ORDER = (MEETS, PARTLY, FAR, UNKNOWN, NO_GOAL)

# Tolerance for "delvis" when the law gives no limit beyond the goal.
TOLERANCE = {"closing_time": 60, "year": 3, "date": 4 * 365 + 1}

WEEKEND_SUFFIX = "_helg"

_TIME_RE = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:[:.](\d{2}))?$")
_YES = {"ja", "j", "yes", "y", "true", "sann", "1", "x"}
_NO = {"nei", "n", "no", "false", "usann", "0"}


@dataclass(frozen=True)
class Status:
    code: str  # one of STATUS_ORDER
    over_legal_limit: bool = False
    inherited: bool = False  # weekend value taken from the weekday lever

    @property
    def label(self) -> str:
        return texts.STATUS_LABELS[self.code]

    @property
    def text(self) -> str:
        """The label, with the legal flag: "langt unna – over lovens grense"."""
        parts = [self.label]
        if self.over_legal_limit:
            parts.append(texts.STATUS_OVER_LIMIT)
        return " – ".join(parts)


# --- Reading values -------------------------------------------------------------------------

def closing_minutes(text: str) -> int:
    """Minutes on the evening-to-night scale: "18:00" → 1080, "24:00" → 1440, "02:00" → 1560.

    Accepts "2", "02", "2:30", "02.30", "kl. 02"; "00:00" is the same as "24:00". Raises
    ValueError for anything that is not a time of day.
    """
    match = _TIME_RE.match(str(text).strip().lower())
    if not match:
        raise ValueError(text)
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError(text)
    total = hours * 60 + minutes
    if hours < NIGHT_ENDS_HOUR:
        total += 24 * 60
    return total


def format_closing(minutes: int) -> str:
    """The canonical text of a closing time: 1440 → "24:00", 1560 → "02:00"."""
    if minutes == 24 * 60:
        return "24:00"
    hours, rest = divmod(minutes % (24 * 60), 60)
    return f"{hours:02d}:{rest:02d}"


def _date(text: str) -> dt.date:
    text = str(text).strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text[:10] if fmt == "%Y-%m-%d" else text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _number(text: str) -> Decimal:
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not number.is_finite():
        raise ValueError(text)
    return number


def comparable(value_type: str, text: str | None):
    """The value on a scale that orders it, or None if it is empty or cannot be read."""
    if text is None or str(text).strip() == "":
        return None
    try:
        if value_type == "closing_time":
            return closing_minutes(text)
        if value_type == "count":
            return _number(text)
        if value_type == "year":
            year = int(_number(text))
            return year if 1900 <= year <= 2200 else None
        if value_type == "date":
            return _date(text)
        if value_type == "boolean":
            word = str(text).strip().lower()
            return "ja" if word in _YES else "nei" if word in _NO else None
        return str(text).strip().casefold()
    except (ValueError, ArithmeticError):
        return None


def normalise(value_type: str, text: str | None) -> str:
    """The canonical stored text of a value, or ValidationError naming what is expected."""
    value = comparable(value_type, text)
    if value is None:
        raise ValidationError(texts.VALUE_INVALID[value_type].format(value=text or ""))
    if value_type == "closing_time":
        return format_closing(value)
    if value_type == "count":
        if value < 0:
            raise ValidationError(texts.VALUE_INVALID[value_type].format(value=text))
        return format(value.normalize(), "f")
    if value_type == "date":
        return value.isoformat()
    if value_type in ("year", "boolean"):
        return str(value)
    return str(text).strip()


def display(value_type: str, text: str | None) -> str:
    """A value as the pages show it: dates in Norwegian, times as HH:MM, numbers with comma."""
    value = comparable(value_type, text)
    if value is None:
        return "" if text is None else str(text)
    if value_type == "date":
        return texts.format_date(value)
    if value_type == "count":
        return texts.format_number(value)
    if value_type == "closing_time":
        return format_closing(value)
    if value_type == "boolean":
        return value
    return str(text).strip()


# --- The rule -------------------------------------------------------------------------------

def _gap(value_type: str, a, b) -> float:
    """How far a is from b, in the type's unit (minutes, years, days, count)."""
    if value_type == "date":
        return abs((a - b).days)
    return abs(float(a) - float(b))


def _tolerance(value_type: str, goal, legal) -> float | None:
    if legal is not None and _gap(value_type, legal, goal) > 0:
        return _gap(value_type, legal, goal) / 2
    if value_type == "count":
        return abs(float(goal)) / 2
    return TOLERANCE.get(value_type)


def status(lever: dict, value: str | None, *, inherited: bool = False) -> Status:
    """The status of `value` for `lever` (a row of the levers table). See the module docstring."""
    value_type, rule = lever["value_type"], lever.get("goal_rule")
    current = comparable(value_type, value)
    if current is None:
        return Status(UNKNOWN, inherited=inherited)
    legal = comparable(value_type, lever.get("legal_max"))
    over = False
    if legal is not None and value_type not in ("boolean", "text"):
        if rule == "at_least":
            over = current < legal
        elif rule in ("at_most", None):
            over = current > legal
    goal = comparable(value_type, lever.get("goal"))
    if goal is None or rule not in GOAL_RULES:
        return Status(NO_GOAL, over, inherited)
    if rule == "equals":
        met = current == goal
    elif rule == "at_most":
        met = current <= goal
    else:  # at_least, on_or_after
        met = current >= goal
    if met and not over:
        return Status(MEETS, over, inherited)
    if over or rule == "equals" or value_type in ("boolean", "text"):
        return Status(FAR, over, inherited)
    # The law's limit only widens "delvis" if it lies beyond the goal on the losing side.
    beyond = legal is not None and ((rule == "at_most" and legal > goal)
                                    or (rule != "at_most" and legal < goal))
    tolerance = _tolerance(value_type, goal, legal if beyond else None)
    if tolerance is not None and _gap(value_type, current, goal) <= tolerance:
        return Status(PARTLY, over, inherited)
    return Status(FAR, over, inherited)


def weekday_lever(lever_id: str) -> str | None:
    """The weekday lever a weekend lever falls back to ("skjenketid_gr12_helg" → "…_gr12")."""
    return lever_id[: -len(WEEKEND_SUFFIX)] if lever_id.endswith(WEEKEND_SUFFIX) else None


def with_fallback(values: dict[str, dict | None]) -> dict[str, tuple[dict | None, bool]]:
    """{lever_id: current position or None} → {lever_id: (position, inherited)}.

    A weekend lever without its own position takes the weekday lever's position.
    """
    result = {}
    for lever_id, position in values.items():
        base = weekday_lever(lever_id)
        if position is None and base and values.get(base) is not None:
            result[lever_id] = (values[base], True)
        else:
            result[lever_id] = (position, False)
    return result
