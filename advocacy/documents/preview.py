"""A letter as HTML, to show on a page with ``st.html`` before it is downloaded.

Why sanitise mammoth's output: mammoth escapes the text, but it copies hyperlink targets and
embeds images, and a template can carry a ``javascript:`` link. ``st.html`` puts the HTML straight
into the page, so only an allow-list of plain formatting tags and safe links survives here, and
whatever a user typed (``<script>`` included) is shown as text.
"""

from __future__ import annotations

import html
import io
import re
from html.parser import HTMLParser

import mammoth

_ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sup", "sub", "h1", "h2", "h3", "h4", "h5",
    "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "blockquote",
}  # fmt: skip
_VOID_TAGS = {"br", "img"}
_SAFE_HREF = re.compile(r"^(https?:|mailto:|#)", re.I)
_SAFE_IMG = re.compile(r"^data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*$", re.I)
_DROP_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}

# The bundled templates' own paragraph styles, shown as headings.
STYLE_MAP = """
p[style-name='Tittel'] => h1:fresh
p[style-name='Brevhode'] => h2:fresh
p[style-name='Emne'] => h3:fresh
"""

# Styles scoped to the page container, so the preview cannot restyle the app around it.
PAGE_STYLE = """<style>
.pavirk-page{background:#fff;color:#1a1a1a;max-width:21cm;margin:0 auto;padding:2.5cm 2.5cm;
box-shadow:0 1px 6px rgba(0,0,0,.25);font-family:Calibri,Carlito,"Segoe UI",Arial,sans-serif;
font-size:11pt;line-height:1.35;box-sizing:border-box;min-height:29.7cm}
.pavirk-page p{margin:0 0 6pt}.pavirk-page h1,.pavirk-page h2{color:#1f4e5a}
.pavirk-page table{border-collapse:collapse}.pavirk-page td,.pavirk-page th{padding:2pt 4pt}
.pavirk-page a{color:#1f4e5a}.pavirk-page h3{font-size:12pt}
</style>"""


def html_here(docx_bytes: bytes) -> str:
    """The document as safe HTML inside a page-like container, converted in this process.

    The pages call worker.to_html (``documents.to_html``), which runs this in a bounded worker:
    a letter just under the output cap can take mammoth many seconds.
    """
    result = mammoth.convert_to_html(io.BytesIO(docx_bytes), style_map=STYLE_MAP)
    return f'{PAGE_STYLE}<div class="pavirk-page">{sanitize(result.value)}</div>'


def sanitize(markup: str) -> str:
    """Keep only allow-listed tags and safe ``href``/``src``; escape all text."""
    cleaner = _Cleaner()
    cleaner.feed(markup)
    cleaner.close()
    return "".join(cleaner.out)


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_CONTENT:
            self._dropping += 1
            return
        if tag not in _ALLOWED_TAGS or self._dropping:
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            if tag == "a" and name == "href" and _SAFE_HREF.match(value.strip()):
                kept.append(f' href="{html.escape(value.strip())}" rel="noopener noreferrer"')
            elif tag == "img" and name == "src" and _SAFE_IMG.match(value):
                kept.append(f' src="{html.escape(value)}"')
            elif tag == "img" and name == "alt":
                kept.append(f' alt="{html.escape(value)}"')
            elif tag in ("td", "th") and name in ("colspan", "rowspan") and value.isdigit():
                kept.append(f' {name}="{value}"')
        self.out.append(f"<{tag}{''.join(kept)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_CONTENT:
            self._dropping = max(self._dropping - 1, 0)
        elif tag in _ALLOWED_TAGS and tag not in _VOID_TAGS and not self._dropping:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.out.append(html.escape(data))
