"""What a .docx part points at or embeds, for the upload guard (guard.py).

Relationships (external templates, frames, OLE, mail-merge sources, altChunk, packages), elements
(embedded objects, ``altChunk``, mail merge, ODBC ``connectString``) in any namespace, and link
targets: a UNC network path is refused anywhere, and a link whose scheme is anything but http,
https, mailto or tel. Also the small helpers the guard modules share (``_refuse``, local names).
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from urllib.parse import unquote

from lxml import etree

from advocacy import texts
from advocacy.documents.errors import UploadRefused

W_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
_EXTERNAL_REFUSALS = {
    "attachedTemplate": "en lenke til en ekstern mal (attachedTemplate)",
    "subDocument": "et eksternt koblet underdokument",
    "oleObject": "et eksternt koblet objekt (OLE)",
    "frame": "en ekstern ramme (frame)",
}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Two slashes (four backslashes in a field code) and a host: file:///C:/x is a local file.
_UNC = re.compile(r"^\s*(?:file:)?(?:[\\/]{2}|\\{4})(?![\\/])[^\\/\s:]+[\\/]", re.I)
_UNC_IN_FIELD = re.compile(r"(?:^|[\s\"])(?:file:)?(?:[\\/]{2}|\\{4})(?![\\/])[^\\/\s\":]+[\\/]", re.I)
_LINK_ATTRIBUTES = frozenset({"href", "src", "action", "url"})
# Parts whose text is what the letter says; elsewhere (settings, web settings …) text is config.
_CONTENT_PARTS = re.compile(r"(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
_OLE_ELEMENTS = {
    "OLEObject": "o:OLEObject",
    "objectEmbed": "w:objectEmbed",
    "objectLink": "w:objectLink",
}
_MAIL_MERGE_ELEMENTS = {
    "mailMerge": "w:mailMerge",
    "connectString": "en ODBC-tilkobling (connectString)",
    "odso": "w:odso",
}
_MAIL_MERGE_RELATIONSHIPS = frozenset({"mailmergesource", "mailmergeheadersource", "recipientdata"})


def _refuse(reason: str) -> UploadRefused:
    return UploadRefused(f"{reason} Filen er avvist.")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag: object) -> str:
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _attribute(element: etree._Element, local: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == local:
            return value
    return None


def _normalised(target: str) -> str:
    """A link target as a browser or Word would read it: entities and %-escapes decoded, all
    whitespace, control and invisible format characters dropped, lower case."""
    text = unquote(html.unescape(html.unescape(target)))
    return "".join(
        c for c in text if not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf"))
    ).lower()


def _check_link(target: str, where: str, *, external: bool) -> None:
    """Refuse a UNC path and, for links, every scheme but http, https, mailto and tel."""
    if _UNC.match(target) or _UNC.match(_normalised(target)):
        raise _refuse(texts.GUARD_UNC_PATH.format(value=target.strip()[:80], name=where))
    normalised = _normalised(target)
    if normalised.startswith("#"):
        return  # a place in the letter itself
    match = _SCHEME.match(normalised)
    if match and len(match.group(1)) == 1:
        match = None  # a drive letter (C:), judged below as a local file
    if external:
        if not match or match.group(1) not in _LINK_SCHEMES:
            scheme = f"{match.group(1)}:" if match else "lokal fil"
            raise _refuse(texts.GUARD_LINK_SCHEME.format(scheme=scheme, name=where))
    elif match or re.match(r"^[a-z]:", normalised):
        raise _refuse(texts.GUARD_LINK_SCHEME.format(scheme=normalised.split(":")[0] + ":", name=where))


def _check_relationships(name: str, root: etree._Element) -> None:
    source = posixpath.basename(name)[: -len(".rels")]
    from_chart = "/charts/" in f"/{name}"
    for rel in root.iter():
        if _local(rel.tag) != "Relationship":
            continue
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        kind_key = kind.lower()
        target = rel.get("Target", "")
        external = rel.get("TargetMode", "").strip().lower() == "external"
        if kind_key == "attachedtemplate":
            raise _refuse(
                f"Malen inneholder {_EXTERNAL_REFUSALS['attachedTemplate']}, som Word henter når brevet åpnes."
            )
        if kind_key in _MAIL_MERGE_RELATIONSHIPS:
            raise _refuse(texts.GUARD_MAIL_MERGE.format(what=f"«{kind}» i «{name}»"))
        if kind_key == "afchunk":
            raise _refuse(texts.GUARD_ALTCHUNK.format(name=target or source))
        if kind_key == "hyperlink":
            _check_link(target, name, external=True)
            continue
        if external:
            what = _EXTERNAL_REFUSALS.get(kind, "en lenke til en ekstern fil")
            raise _refuse(f"Malen inneholder {what}, som Word henter når brevet åpnes.")
        if kind_key == "oleobject":
            raise _refuse(texts.GUARD_OLE.format(what=target))
        if kind_key == "package" and not from_chart:
            raise _refuse(texts.GUARD_PACKAGE.format(name=target))
        if kind_key in ("control", "activexcontrol", "activexcontrolbinary"):
            raise _refuse("Filen inneholder ActiveX-kontroller, som kan kjøre kode.")
        _check_link(target, name, external=False)


_ELEMENT_TAGS = tuple(
    "{*}" + name for name in ("object", "altChunk", *_OLE_ELEMENTS, *_MAIL_MERGE_ELEMENTS)
)
_LINK_XPATH = etree.XPath(
    "//@*[" + " or ".join(f"local-name()='{name}'" for name in sorted(_LINK_ATTRIBUTES)) + "]"
)
_ALL_ATTRIBUTES = etree.XPath("//@*")
_ALL_TEXT = etree.XPath("//text()")
# In the lower-cased text of a part: what a network path or a link attribute needs to exist
# (a character reference could spell either, so any one sends the part to the full walk).
_PLAIN_SIGNS = ("\\\\", "&#", "file:", "href")
_SLASHES_AFTER_QUOTE = re.compile(r"[\"'>]\s*//")
_ASSIGNED_LINK = re.compile(r"(?:src|action|url)\s*=")


def maybe_path_or_link(text: str) -> bool:
    """Whether the lower-cased part ``text`` may hold a network path or a link: any of
    ``\\\\``, ``&#``, ``file:``, ``href``, a quote or ``>`` before ``//``, or ``src``, ``action``
    or ``url`` before ``=``. Plain substring tests first, each pattern only where its letters
    occur: one alternation over the whole part stops at every quote of a large styles.xml."""
    return (any(sign in text for sign in _PLAIN_SIGNS)
            or ("//" in text and _SLASHES_AFTER_QUOTE.search(text) is not None)
            or (any(word in text for word in ("src", "action", "url"))
                and _ASSIGNED_LINK.search(text) is not None))


def _check_elements(name: str, root: etree._Element, *, scan_values: bool = True) -> None:
    """Embedded objects, altChunk, mail merge and network paths, in any namespace.

    ``scan_values`` False skips the walk over every attribute and text, for a part whose text
    holds nothing that could be a network path or a link (styles have thousands of attributes).
    """
    for element in root.iter(_ELEMENT_TAGS):
        local = _local(element.tag)
        if local == "object":
            if _namespace(element.tag) in W_NAMESPACES:
                raise _refuse(texts.GUARD_OLE.format(what=f"w:object i «{name}»"))
        elif local in _OLE_ELEMENTS:
            raise _refuse(texts.GUARD_OLE.format(what=f"{_OLE_ELEMENTS[local]} i «{name}»"))
        elif local == "altChunk":
            raise _refuse(texts.GUARD_ALTCHUNK.format(name=name))
        else:
            what = f"{_MAIL_MERGE_ELEMENTS[local]} i «{name}»"
            raise _refuse(texts.GUARD_MAIL_MERGE.format(what=what))
    if not scan_values:
        return
    for value in _ALL_ATTRIBUTES(root):
        if _UNC.match(value):
            raise _refuse(texts.GUARD_UNC_PATH.format(value=value.strip()[:80], name=name))
    for value in _LINK_XPATH(root):
        if _SCHEME.match(_normalised(value)):
            _check_link(value, name, external=True)
    if not _CONTENT_PARTS.search(name):
        for text in _ALL_TEXT(root):
            if _UNC.match(text):
                raise _refuse(texts.GUARD_UNC_PATH.format(value=text.strip()[:80], name=name))
