"""The controls over a long list: search, filters, period, sort order, and the pages under it.

`ask()` draws the controls and returns the `ListQuery` the user asked for; the page fetches
(through its domain module, which owns the scope) and hands the `Page` to `pages()`, which
says how many were found and steps through them. Any change but the page starts again at page
one. State lives under the list's `key` in st.session_state, so it survives reruns, fragment
reruns and the other views of the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from advocacy import texts
from advocacy.listing import PAGE_SIZES, ListQuery, ListSpec, Page
from advocacy.ui import dates
from advocacy.ui.safe_text import md


@dataclass(frozen=True)
class Choice:
    """A filter: the spec's filter `name`, its label, and the values to choose from (value →
    label). `everyone` is the label of «no filter» («Alle kommuner»); `many` lets several be
    chosen."""

    name: str
    label: str
    options: Mapping[Any, str]
    everyone: str
    many: bool = False


def _page_key(key: str) -> str:
    return f"{key}_page"


def ask(key: str, spec: ListSpec, choices: Sequence[Choice] = (), *,
        period: str | None = None, search: str | None = None) -> ListQuery:
    """Draw the search box, the filters (`choices`, and a from–to `period` if labelled), the
    sort order and page size; returns what the user asked for, at the page they are on."""
    words, order, way = st.columns([4, 2, 2], vertical_alignment="bottom")
    text = words.text_input(md(search or texts.LIST_SEARCH), key=f"{key}_text",
                            placeholder=texts.LIST_SEARCH_PLACEHOLDER, max_chars=200)
    names = list(spec.sorts)
    sort = names[0]
    if len(names) > 1:  # one order only: its direction is the choice
        sort = order.selectbox(texts.LIST_SORT, names, key=f"{key}_sort",
                               format_func=lambda n: spec.sorts[n].label,
                               placeholder=texts.CHOOSE_ONE)
        sort = sort if sort in spec.sorts else names[0]
    ways = spec.sorts[sort].ways or (texts.LIST_ASCENDING, texts.LIST_DESCENDING)
    descending = way.selectbox(
        texts.LIST_ORDER, [False, True], key=f"{key}_desc_{sort}",
        index=1 if spec.sorts[sort].descending else 0,
        format_func=lambda d: ways[1] if d else ways[0], placeholder=texts.CHOOSE_ONE)
    filters: dict[str, Any] = {}
    start = end = None
    boxes = list(choices) + ([None] if period else [])
    for row in range(0, len(boxes), 4):
        cells = st.columns(4)
        for cell, choice in zip(cells, boxes[row:row + 4], strict=False):
            if choice is None:
                start, end = _period(cell, key, period)
            elif choice.many:
                filters[choice.name] = cell.multiselect(
                    md(choice.label), list(choice.options), key=f"{key}_f_{choice.name}",
                    format_func=lambda v, o=choice.options: o.get(v, str(v)),
                    placeholder=choice.everyone, select_all=False)
            else:
                filters[choice.name] = cell.selectbox(
                    md(choice.label), [None, *choice.options], key=f"{key}_f_{choice.name}",
                    format_func=lambda v, c=choice: c.everyone if v is None
                    else c.options.get(v, str(v)), placeholder=texts.CHOOSE_ONE)
    size = st.session_state.get(f"{key}_size", PAGE_SIZES[1])
    query = ListQuery(text=text or "", filters=filters, start=start, end=end, sort=sort,
                      descending=descending, size=size)
    state = st.session_state.get(_page_key(key))
    page = state[1] if isinstance(state, tuple) and state[0] == query.same_rows() else 1
    st.session_state[_page_key(key)] = (query.same_rows(), page)
    return ListQuery(**{**query.__dict__, "page": page})


def _period(cell, key: str, label: str) -> tuple[dt.date | None, dt.date | None]:
    chosen = cell.date_input(md(label), value=(), key=f"{key}_period", format="DD.MM.YYYY",
                             help=texts.LIST_PERIOD_HELP, **dates.OPEN_RANGE)
    days = list(chosen) if isinstance(chosen, list | tuple) else [chosen] if chosen else []
    if not days:
        return None, None
    return days[0], days[1] if len(days) > 1 else days[0]


def pages(key: str, page: Page, query: ListQuery, noun: tuple[str, str]) -> None:
    """«1–50 av 12 345 møter», and Forrige / side / Neste when there is more than one page."""
    one, many = noun
    found = texts.LIST_FOUND.format(
        first=texts.format_number(page.first), last=texts.format_number(page.last),
        total=texts.format_number(page.total), noun=one if page.total == 1 else many)
    if not page.total:
        found = texts.LIST_NONE_FOUND.format(noun=many)
    st.session_state[_page_key(key)] = (query.same_rows(), page.page)

    def go(to: int) -> None:
        st.session_state[_page_key(key)] = (query.same_rows(), to)

    def typed() -> None:
        go(int(st.session_state.get(f"{key}_goto") or 1))

    info, back, where, forward, size = st.columns([4, 1.3, 1.4, 1.3, 1.4],
                                                  vertical_alignment="center")
    info.caption(md(found))
    if page.pages > 1:
        back.button(texts.PAGE_BACK, key=f"{key}_back", disabled=page.page == 1, on_click=go,
                    args=(page.page - 1,), icon=":material/chevron_left:", width="stretch")
        st.session_state[f"{key}_goto"] = page.page
        where.number_input(texts.LIST_PAGE.format(pages=texts.format_number(page.pages)),
                           min_value=1, max_value=page.pages, step=1, key=f"{key}_goto",
                           on_change=typed)
        forward.button(texts.PAGE_NEXT, key=f"{key}_next", disabled=page.page == page.pages,
                       on_click=go, args=(page.page + 1,), icon=":material/chevron_right:",
                       width="stretch")
    size.selectbox(texts.LIST_SIZE, PAGE_SIZES, key=f"{key}_size", index=1,
                   format_func=texts.format_number, placeholder=texts.CHOOSE_ONE)
