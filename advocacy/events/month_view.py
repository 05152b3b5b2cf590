"""A month of calendar items as weeks (Monday first), and as an HTML grid for `st.html`.

Every piece of user text is escaped here: a title like "<script>" shows as text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
from collections.abc import Iterable

from advocacy import texts
from advocacy.events.events import KEY_DATE, kind_label


def step_month(first: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after (or before, when negative) `first`'s month:
    one step back from January 2027 is December 2026."""
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_weeks(year: int, month: int, items: Iterable[dict]) -> list[list[dict]]:
    """[[{"date", "in_month", "items"}, … 7 days], …] covering the month's weeks."""
    by_day: dict[dt.date, list[dict]] = {}
    for item in items:
        by_day.setdefault(item["date"], []).append(item)
    return [
        [{"date": day, "in_month": day.month == month, "items": by_day.get(day, [])}
         for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]


STYLE = """<style>
.pavirk-month{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.85rem}
.pavirk-month th{padding:4px;text-align:left;border-bottom:2px solid #ccc}
.pavirk-month td{vertical-align:top;height:6.5em;border:1px solid #ddd;padding:3px}
.pavirk-month td.out{color:#aaa;background:#fafafa}.pavirk-month td.today{background:#fff7d6}
.pavirk-month .day{font-weight:600}.pavirk-month .item{display:block;margin-top:2px;
padding:1px 3px;border-radius:3px;background:#e3eef6;overflow:hidden;text-overflow:ellipsis;
white-space:nowrap}.pavirk-month .key{background:#f6e3e3}
</style>"""


def month_html(year: int, month: int, items: Iterable[dict], today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    head = "".join(f"<th>{html.escape(day)}</th>" for day in texts.WEEKDAYS_SHORT)
    rows = []
    for week in month_weeks(year, month, items):
        cells = []
        for day in week:
            classes = " ".join(c for c in ("" if day["in_month"] else "out",
                                           "today" if day["date"] == today else "") if c)
            entries = "".join(_entry(item) for item in day["items"])
            cells.append(f'<td class="{classes}"><span class="day">{day["date"].day}</span>'
                         f"{entries}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = html.escape(texts.format_month(year, month))
    return (f'{STYLE}<table class="pavirk-month"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _entry(item: dict) -> str:
    time = texts.format_time(item["start"]) if not item["all_day"] else ""
    label = f"{time} {item['title']}".strip()
    tooltip = " – ".join(p for p in (kind_label(item["kind"]), item["chapter"], item["place"]) if p)
    css = "item key" if item["kind"] == KEY_DATE else "item"
    return (f'<span class="{css}" title="{html.escape(tooltip, quote=True)}">'
            f"{html.escape(label)}</span>")
