"""Showing what users typed as text: names and notes may hold HTML, script or Markdown.

`md()` is the one way user text reaches anything Streamlit renders as Markdown (st.markdown,
st.caption, headers, alerts, toasts, widget, tab and expander labels, radio options): every
character that opens a construct of Markdown, GFM or LaTeX there (anywhere, or at a line's
start) is backslash-escaped, so images, links, HTML, headings, lists, quotes, tables and
`$…$` are shown as the characters typed; indentation becomes no-break spaces (no code
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

# Characters that open a construct wherever they stand (emphasis, code, links and images,
# HTML and autolinks, strikethrough and fences, math, tables), and entities such as `&lt;`.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>~$|])|&(?=#?\w+;)")
# Constructs that only a line's start opens: headings, quotes, lists, setext underlines.
_LINE_START = re.compile(r"^(?:([#>+=-])|(\d{1,9})([.)]))", re.MULTILINE)
# Patterns matched on the text after escapes are resolved: a scheme before `//` (`https://`),
# a colon before a name or shortcode (`:material/…:`, `:red[…]`, `:smile:`, `:+1:`), `www.`
# and the `@` of an e-mail address.
_AFTER_ESCAPES = (
    (re.compile(r"(?<=[^\W\d_]):(?=//)"), WORD_JOINER + ":"),
    (re.compile(r":(?=[^\W\d_]|[\w+-]+:)"), ":" + WORD_JOINER),
    (re.compile(r"(?<=www)\.", re.IGNORECASE), WORD_JOINER + "."),
    (re.compile(r"@(?=[-\w]+\.[-\w])"), "@" + WORD_JOINER),
)


def _escape(match: re.Match) -> str:
    return "\\" + match.group(0)


def _escape_line_start(match: re.Match) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def md(value: object) -> str:
    """Text escaped for st.markdown and widget labels: shown literally, never interpreted.
    Line breaks stay line breaks; ordinary prose comes back unchanged."""
    text = str(value if value is not None else "").replace("\r\n", "\n").replace("\r", "\n")
    for pattern, replacement in _AFTER_ESCAPES:
        text = pattern.sub(replacement, text)
    # Indentation as no-break spaces: four spaces at a line's start would make a code block.
    text = _INDENT.sub(lambda m: NO_BREAK_SPACE * len(m.group().expandtabs(4)), text)
    text = _ANYWHERE.sub(_escape, text)
    text = _LINE_START.sub(_escape_line_start, text)
    return text.replace("\n", "  \n")


def code(value: object) -> str:
    """Text shown as inline code (a field or column name): Markdown inside a code span is not
    interpreted, so the fence only has to be longer than any run of backticks in the text."""
    text = " ".join(str(value if value is not None else "").split())
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"
