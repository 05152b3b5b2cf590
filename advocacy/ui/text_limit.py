"""A free-text field with its limit: a count under it, live as the user types, and a warning.

No `max_chars`: Streamlit would cut a longer paste without a word (see «No silent change of what
was typed»). The text is kept whole, the count turns red over the limit, and the domain refuses
it on save with a message naming the field. Like ui/live_count.py, the count is drawn by the
server on every rerun and updated in the browser on every keystroke by a few lines of fixed
JavaScript (numbers only, no user data in the HTML).
"""

from __future__ import annotations

import html
import json
import re
import string

import streamlit as st

from advocacy import texts

_SCRIPT = """
<script>
(function () {
  if (window.__pavirkTextLimit) return;
  window.__pavirkTextLimit = true;
  var fmt = new Intl.NumberFormat("nb-NO");
  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!area || (area.tagName !== "TEXTAREA" && area.tagName !== "INPUT")) return;
    var holder = area.closest('[class*="st-key-"]');
    if (!holder) return;
    var m = holder.className.match(/st-key-([A-Za-z0-9_-]+)/);
    var box = m && document.getElementById("pavirk-limit-" + m[1]);
    if (!box) return;
    var n = Array.from(area.value.trim()).length, limit = Number(box.dataset.limit);
    var text = __COUNT__;
    if (n > limit) { text += __OVER__; box.dataset.over = "1"; }
    else { box.dataset.over = "0"; }
    box.textContent = text;
  }, true);
})();
</script>
"""


def js_text(template: str, **expressions: str) -> str:
    """A texts format string as a JavaScript expression: its words as string literals, each
    `{name}` as the expression given for it (so the browser says what the server says)."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(json.dumps(literal, ensure_ascii=False))
        if name:
            parts.append(expressions[name])
    return " + ".join(parts)


_SCRIPT = _SCRIPT.replace("__COUNT__", js_text(
    texts.LIMIT_COUNT, n="fmt.format(n)", limit="fmt.format(limit)")).replace(
    "__OVER__", js_text(texts.LIMIT_OVER, over="fmt.format(n - limit)"))
_STYLE = """<style>
.pavirk-limit { font-size: 0.85rem; color: #555; margin-top: -0.6rem; }
.pavirk-limit[data-over="1"] { color: #b00020; font-weight: 600; }
</style>"""
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def line(n: int, limit: int) -> str:
    """«1 234 av 20 000 tegn», with the excess when over."""
    text = texts.LIMIT_COUNT.format(n=texts.format_number(n), limit=texts.format_number(limit))
    if n > limit:
        text += texts.LIMIT_OVER.format(over=texts.format_number(n - limit))
    return text


def count_html(key: str, n: int, limit: int) -> str:
    """The count's HTML: fixed style and script, numbers, the escaped line and a checked key."""
    box_id = f"pavirk-limit-{key}" if _SAFE_KEY.match(key) else ""
    return (f'{_STYLE}<div class="pavirk-limit" id="{html.escape(box_id)}" '
            f'data-limit="{int(limit)}" data-over="{1 if n > limit else 0}">'
            f'{html.escape(line(n, limit))}</div>{_SCRIPT}')


def show(key: str, value: str | None, limit: int) -> None:
    """The count for the text widget with `key` (drawn right under it)."""
    n = len((value or "").strip())
    st.html(count_html(key, n, limit), unsafe_allow_javascript=True)

