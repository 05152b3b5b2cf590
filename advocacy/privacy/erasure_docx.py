"""A person's name inside stored files: .docx copies and templates, PDF answers.

A .docx is a zip of XML parts. Each part (document, headers, footers, footnotes, comments,
tracked changes, text boxes, document properties, relationships) is parsed and searched:
every attribute (a comment's or a change's author, a `mailto:` link), every text outside a
paragraph (document properties), and each paragraph's text joined across its runs — Word
splits a name over several `w:t` as it likes — with line breaks and tabs read as spaces. A
match is replaced by «[slettet]» in the first run it touches and cut from the others, so the
formatting stays and python-docx (and Word) still open the file. A file that cannot be read
or whose text still names the person afterwards is reported as not cleanable (`None`).

A PDF cannot be rewritten: `pdf_hit` searches its text (plain and Flate-compressed streams,
literal and UTF-16 strings) so a PDF naming the person can be dropped.
"""

from __future__ import annotations

import html
import io
import re
import urllib.parse
import zipfile
import zlib
from collections import defaultdict

from lxml import etree

from advocacy.privacy.erasure_forms import Forms, nfc
from advocacy.privacy.erasure_marks import ERASED

XML_PARTS = (".xml", ".rels", ".vml")
TEXT_TAGS = {"t", "delText", "instrText"}  # w:t, a:t (drawings), deleted text, field codes
BREAK_TAGS = {"br", "cr", "tab"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def is_docx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _paragraph(element):
    return next((a for a in element.iterancestors() if _local(a) == "p"), None)


def _stream(element, local: str) -> str:
    if local in TEXT_TAGS:
        return local
    deleted = any(_local(a) == "del" for a in element.iterancestors())
    return "delText" if deleted else "t"


def _scrub_attributes(forms: Forms, element) -> bool:
    changed = False
    for key, value in element.attrib.items():
        plain = urllib.parse.unquote(value)
        if forms.hit_text(value):
            element.set(key, forms.replace_text(value))
            changed = True
        elif plain != value and forms.hit_text(plain):
            element.set(key, urllib.parse.quote(forms.replace_text(plain), safe=":/?#@!$&'()*+,;="))
            changed = True
    return changed


def _scrub_stream(forms: Forms, segments: list) -> bool:
    """Replace every match in one stream of text [(element or None, kind)], kind "text", "break"
    (an element read as a space) or "gap" (a paragraph boundary, read as a space)."""
    for element, kind in segments:
        if kind == "text" and element.text:
            element.text = nfc(element.text)
    changed, position = False, 0
    while True:
        pieces = [(e, (e.text or "") if k == "text" else " ", k) for e, k in segments
                  if e is None or e.getparent() is not None]
        joined = "".join(p[1] for p in pieces)
        found = forms.pattern.search(joined, position)
        if found is None:
            return changed
        start, end, offset, placed = found.start(), found.end(), 0, False
        for element, text, kind in pieces:
            lo, hi = offset, offset + len(text)
            offset = hi
            if hi <= start or lo >= end or kind == "gap":
                continue
            if kind == "break":
                element.getparent().remove(element)
                continue
            keep_left = text[:max(start - lo, 0)]
            keep_right = text[max(end - lo, 0):] if hi > end else ""
            element.text = keep_left + ("" if placed else ERASED) + keep_right
            element.set(XML_SPACE, "preserve")
            placed = True
        changed, position = True, start + len(ERASED)


def _scrub_part(forms: Forms, data: bytes) -> bytes | None:
    """The part rewritten (None: it does not name the person)."""
    root = etree.fromstring(data, _PARSER)
    changed = False
    streams, last = defaultdict(list), {}
    for element in root.iter():
        local = _local(element)
        if not local:
            continue
        changed |= _scrub_attributes(forms, element)
        paragraph = _paragraph(element) if local in TEXT_TAGS | BREAK_TAGS else None
        if paragraph is None:
            if element.text and forms.hit_text(element.text):
                element.text = forms.replace_text(element.text)
                changed = True
            continue
        stream = _stream(element, local)
        if last.get(stream, paragraph) is not paragraph:
            streams[stream].append((None, "gap"))
        last[stream] = paragraph
        streams[stream].append((element, "text" if local in TEXT_TAGS else "break"))
    for segments in streams.values():
        changed |= _scrub_stream(forms, segments)
    if not changed:
        return None
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                          standalone=tree.docinfo.standalone)


def _names(forms: Forms, xml: bytes) -> bool:
    """Whether a part may name the person: as written (attributes too, also URL-encoded), and
    with its tags taken out (runs joined, and with a space between elements)."""
    text = xml.decode("utf-8", "replace")
    views = (text, urllib.parse.unquote(text),
             *(html.unescape(re.sub(r"<[^>]+>", gap, text)) for gap in ("", " ")))
    return any(forms.hit_text(view) for view in views)


def scrub_docx(forms: Forms, data: bytes) -> bytes | None:
    """The .docx with the person replaced; `data` itself when it does not name them; None when
    it cannot be read or cleaned (the caller drops it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [(info, archive.read(info)) for info in archive.infolist()]
        rewritten, changed = [], False
        for info, body in parts:
            if info.filename.lower().endswith(XML_PARTS) and _names(forms, body):
                new = _scrub_part(forms, body)
                if new is not None:
                    body, changed = new, True
                if _names(forms, body):
                    return None
            rewritten.append((info, body))
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError, EOFError,
            zlib.error):
        return None
    if not changed:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, body in rewritten:
            archive.writestr(info, body, compress_type=info.compress_type)
    return out.getvalue()


def docx_text(data: bytes) -> str:
    """The text of every XML part, paragraphs on lines of their own (for the review list)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [archive.read(n) for n in archive.namelist()
                     if n.lower().endswith(XML_PARTS)]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
        return ""
    lines = []
    for part in parts:
        text = part.decode("utf-8", "replace")
        text = re.sub(r"</(?:\w+:)?p>|<(?:\w+:)?(?:br|cr|tab)\b[^>]*>", "\n", text)
        lines += html.unescape(re.sub(r"<[^>]+>", "", text)).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


PDF_STREAM_LIMIT = 20 * 1024 * 1024
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_LITERAL = re.compile(rb"\(((?:\\.|[^\\)])*)\)")


def pdf_hit(forms: Forms, data: bytes) -> bool:
    """Whether a PDF's text names the person, as far as it can be read without a PDF library
    (a compressed stream is read up to PDF_STREAM_LIMIT bytes)."""
    chunks = [data]
    for stream in _STREAM.findall(data):
        try:
            chunks.append(zlib.decompressobj().decompress(stream, PDF_STREAM_LIMIT))
        except zlib.error:
            continue
    for chunk in chunks:
        strings = [chunk.decode("latin-1"), chunk.decode("utf-8", "ignore")]
        strings += [s.decode("latin-1") for s in _LITERAL.findall(chunk)]
        strings += [h.decode("utf-16-be", "replace")
                    for h in re.findall(rb"\xfe\xff((?:..)+?)(?=\)|$)", chunk, re.DOTALL)]
        if any(forms.hit_text(" ".join(s.split())) for s in strings):
            return True
    return False
