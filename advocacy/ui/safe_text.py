"""Showing what users typed as text: names and notes may hold HTML, script or Markdown.

`md()` is the one way user text reaches anything Streamlit renders as Markdown (st.markdown,
st.caption, headers, alerts, toasts, widget, tab and expander labels, radio options): every
ASCII punctuation mark that Markdown, GFM, LaTeX or Streamlit's directives give a meaning is
backslash-escaped, so images, links, HTML, headings, lists, quotes, tables, `$…$` and
`:color[…]` are shown as the characters typed; indentation becomes no-break spaces (no code
block). Some constructs are found in the text *after* escapes are resolved (GFM's bare
`https://…`, `www.…` and e-mail autolinks, Streamlit's `:material/…:` icons and emoji
shortcodes): those get an invisible word joiner (U+2060) where it breaks the pattern, so
nothing typed becomes a link, an icon or a fetch. `code()` shows a name as inline code.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
NO_BREAK_SPACE = "\u00a0"
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; these are the ones with
# a meaning somewhere in Streamlit's Markdown (GFM, remark-math, remark-directive, entities).
_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=])")
# Patterns matched on the resolved text: a scheme's colon (`https:`, `mailto:`), a colon
# before a name (`:material/…:`, `:smile:`, `:+1:`, `:red[…]`), `www.` and the `@` of an address.
_AFTER_ESCAPES = (
    (re.compile(r"(?<=[^\W\d_]):"), WORD_JOINER + ":"),
    (re.compile(r":(?=[\w+-])"), ":" + WORD_JOINER),
    (re.compile(r"(?<=www)\.", re.IGNORECASE), WORD_JOINER + "."),
    (re.compile(r"@(?=\w)"), "@" + WORD_JOINER),
)


def md(value: object) -> str:
    """Text escaped for st.markdown and widget labels: shown literally, never interpreted.
    Line breaks stay line breaks."""
    text = str(value if value is not None else "").replace("\r\n", "\n").replace("\r", "\n")
    for pattern, replacement in _AFTER_ESCAPES:
        text = pattern.sub(replacement, text)
    # Indentation as no-break spaces: four spaces at a line's start would make a code block.
    text = _INDENT.sub(lambda m: NO_BREAK_SPACE * len(m.group().expandtabs(4)), text)
    return _PUNCTUATION.sub(r"\\\1", text).replace("\n", "  \n")


def code(value: object) -> str:
    """Text shown as inline code (a field or column name): Markdown inside a code span is not
    interpreted, so the fence only has to be longer than any run of backticks in the text."""
    text = " ".join(str(value if value is not None else "").split())
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"
