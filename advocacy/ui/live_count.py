"""The character count under the letter editor, updated as the writer types.

Streamlit's text_area sends its value to the server only on blur or Ctrl+Enter (1.67 has no
per-keystroke mode: on_change is "rerun", "ignore" or a callback, all on commit). So the count
has two layers:

- the server's count (char_count, the rule that decides whether a letter may be marked sent),
  drawn on every rerun, with the over-the-limit warning; and
- a few lines of fixed JavaScript in st.html that recount in the browser on every keystroke with
  the same rule (Intl.Segmenter for grapheme clusters, the same line-break rule) and update the
  same line. The script holds no user data (only numbers we format are in the HTML), listens
  once per page on the document, and does nothing if the browser lacks it: the server count is
  always there.
"""

from __future__ import annotations

import html

import streamlit as st

from advocacy import texts
from advocacy.ui.safe_text import md
from advocacy.ui.text_limit import js_text
from advocacy.writing import char_count, reader_letters

_SCRIPT = """
<script>
(function () {
  if (window.__pavirkLiveCount) return;
  window.__pavirkLiveCount = true;
  var seg = (window.Intl && Intl.Segmenter) ? new Intl.Segmenter("nb", {granularity: "grapheme"}) : null;
  var fmt = new Intl.NumberFormat("nb-NO");
  function norm(t) { return t.replace(/\\r\\n?/g, "\\n").replace(/\\n(?:[ \\t]*\\n)+/g, "\\n").trim(); }
  function chars(t) {
    t = norm(t); if (!t) return 0;
    if (!seg) return Array.from(t).length;
    var n = 0; for (var s of seg.segment(t)) { n++; } return n;
  }
  function words(t) {
    return (t.match(/\\S+/g) || []).filter(function (w) { return /[\\p{L}\\p{N}]/u.test(w); }).length;
  }
  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!area || area.tagName !== "TEXTAREA" || !area.closest('[class*="st-key-innlegg_tekst"]')) return;
    var box = document.getElementById("pavirk-live-count");
    if (!box) return;
    var own = chars(area.value);
    var total = own ? own + Number(box.dataset.extra) : Number(box.dataset.empty);
    var limit = Number(box.dataset.limit);
    var text = fmt.format(total) + (limit ? __OF__ : "") +
      __REST__;
    if (limit && total > limit) {
      text += __OVER__;
      box.dataset.over = "1";
    } else { box.dataset.over = "0"; }
    box.textContent = text + __TYPING__;
  }, true);
})();
</script>
"""
_SCRIPT = (_SCRIPT
           .replace("__OF__", js_text(texts.LIVE_COUNT_OF, limit="fmt.format(limit)"))
           .replace("__REST__", js_text(texts.LIVE_COUNT_REST,
                                        words="fmt.format(words(area.value))"))
           .replace("__OVER__", js_text(texts.LIVE_COUNT_OVER, over="fmt.format(total - limit)"))
           .replace("__TYPING__", js_text(texts.LIVE_COUNT_TYPING)))
_STYLE = """<style>
#pavirk-live-count { font-size: 0.9rem; padding: 0.2rem 0; color: #31333f; }
#pavirk-live-count[data-over="1"] { color: #b00020; font-weight: 600; }
</style>"""


def line(size: char_count.Length) -> str:
    """"1 234 av 2 500 tegn inkl. mellomrom · 210 ord", with the excess when over."""
    text = texts.format_number(size.chars)
    if size.limit:
        text += texts.LIVE_COUNT_OF.format(limit=texts.format_number(size.limit))
    text += texts.LIVE_COUNT_REST.format(words=texts.format_number(size.words))
    if size.is_over:
        text += texts.LIVE_COUNT_OVER.format(over=texts.format_number(size.over))
    return text


def count_html(size: char_count.Length, limit: int | None, extra: int, empty: int) -> str:
    """The count's HTML: fixed style and script, numbers and the escaped line."""
    return (f'{_STYLE}<div id="pavirk-live-count" data-limit="{int(limit or 0)}" '
            f'data-extra="{int(extra)}" data-empty="{int(empty)}" '
            f'data-over="{1 if size.is_over else 0}">{html.escape(line(size))}</div>{_SCRIPT}')


def show(title: str, body: str, signature: str, limit: int | None,
         paper: str | None) -> char_count.Length:
    """Draw the count (live in the browser, exact on every rerun) and the warning when over."""
    size = reader_letters.length(title, body, signature, limit)
    extra = reader_letters.length(title, "x", signature, None).chars - 1
    empty = reader_letters.length(title, "", signature, None).chars
    st.html(count_html(size, limit, extra, empty), unsafe_allow_javascript=True)
    st.caption(texts.LETTER_COUNT_RULE)
    if size.is_over:
        st.warning(texts.LETTER_OVER_WARNING.format(
            paper=md(paper), over=texts.format_number(size.over),
            limit=texts.format_number(size.limit)), icon=":material/warning:")
    elif limit is None:
        st.caption(texts.LETTER_NO_LIMIT)
    return size
