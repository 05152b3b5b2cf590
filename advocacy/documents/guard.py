"""The upload guard: every .docx template passes here before any parser sees it.

Why: a .docx is a zip of XML files, and both halves have well-known tricks. The zip can be a bomb
(a few kilobytes that unpack to gigabytes) or carry paths such as ``../../app.py``; the XML can
declare entities that expand without end or fetch files; and Word itself will, when the letter is
opened, fetch an external template, run a DDE command or pull in another file through an INCLUDE
field. We read only the zip directory and, within the limits, the XML text, and refuse with a
Norwegian reason a volunteer can understand.

Elements and attributes are matched by their local name in any namespace, so a Strict OOXML file
(``http://purl.oclc.org/ooxml/…``) or an odd prefix hides nothing. Refused besides: DDE and
file-fetching fields however they are spelt or assembled (split over runs, in ``w:fldSimple``, the
field name built from nested ``QUOTE`` fields), embedded OLE objects and packages, embedded
documents or workbooks that carry macros whatever their content type claims, ``altChunk`` (HTML,
MHT), mail-merge data sources (``w:mailMerge``, ODBC ``connectString``), UNC network paths, and
links whose scheme is anything but http, https, mailto or tel.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import unicodedata
import zipfile
from urllib.parse import unquote

from lxml import etree

from advocacy import texts
from advocacy.documents.errors import UploadRefused
from advocacy.documents.package import parse_xml

MAX_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 1_000
MAX_UNPACKED = 60 * 1024 * 1024
MAX_RATIO = 100

W_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
MAX_EMBEDDED_DEPTH = 2
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
MAIN_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_EXTERNAL_REFUSALS = {
    "attachedTemplate": "en lenke til en ekstern mal (attachedTemplate)",
    "subDocument": "et eksternt koblet underdokument",
    "oleObject": "et eksternt koblet objekt (OLE)",
    "frame": "en ekstern ramme (frame)",
}
# Field codes that make Word run commands or fetch other files when the letter is opened.
_DANGEROUS_FIELDS = {
    "DDE": "et DDE-felt, som kan kjøre kommandoer",
    "DDEAUTO": "et DDE-felt, som kan kjøre kommandoer",
    "INCLUDETEXT": "et INCLUDETEXT-felt, som henter inn andre filer",
    "INCLUDEPICTURE": "et INCLUDEPICTURE-felt, som henter bilder utenfra",
    "INCLUDE": "et INCLUDE-felt, som henter inn andre filer",
    "IMPORT": "et IMPORT-felt, som henter inn andre filer",
    "LINK": "et LINK-felt, som kobler til andre filer",
    "DATABASE": "et DATABASE-felt, som henter data fra en database utenfra",
    "RD": "et RD-felt, som henter inn andre filer",
}
_FIELD_NAME = re.compile(r"[^A-Za-z]*([A-Za-z]+)")
_FIELD_TARGET = re.compile(r"^\s*[A-Za-z]+\s+(?:\\[a-z]\s+)*\"?([^\"\s]+)")
_QUOTE_CODES = re.compile(r"^\s*QUOTE\s+((?:\d+\s*)+)$", re.I)
_QUOTE_TEXT = re.compile(r"^\s*QUOTE\s+\"?(.*?)\"?\s*$", re.I | re.S)
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
_REFUSED_CONTENT_TYPES = {
    "oleobject": "et innebygd OLE-objekt",
    "activex": "ActiveX-kontroller",
    "vbaproject": "makroer (VBA)",
    "text/html": "HTML",
    "message/rfc822": "MHT",
    "application/xhtml+xml": "HTML",
    "multipart/related": "MHT",
}
_CONTENT_TYPE = re.compile(r'contenttype\s*=\s*"([^"]*)"')


def _refuse(reason: str) -> UploadRefused:
    return UploadRefused(f"{reason} Filen er avvist.")


def check_upload(filename: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> None:
    """Refuse (UploadRefused) anything that is not a plain, self-contained Word .docx.

    Runs on the raw bytes only: the zip directory, then each XML part (bounded by the unpacked
    size limit) as text and with a parser that resolves no entities and fetches nothing, and the
    first bytes of every other part (OLE compound files, embedded zips).
    """
    _check_name(filename)
    if len(data) > max_bytes:
        raise _refuse(
            f"Filen er for stor ({len(data) / 1_048_576:.1f} MB; grensen er {max_bytes / 1_048_576:.0f} MB)."
        )
    if not data.startswith(_ZIP_MAGIC):
        raise _refuse("Filen er ikke et Word-dokument (.docx), selv om navnet sier det.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(
            "Filen er ikke et gyldig Word-dokument (.docx); den kan være skadet."
        ) from None
    with archive:
        infos = archive.infolist()
        _check_directory(infos)
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise _refuse("Filen er ikke et Word-dokument (.docx): den mangler dokumentdelen.")
        for info in infos:
            if _is_xml(info.filename):
                _check_xml(info.filename, _read(archive, info))
            else:
                _check_binary(archive, info, 0)
        _check_content_types(_read(archive, archive.getinfo("[Content_Types].xml")))


def _check_name(filename: str) -> None:
    suffix = posixpath.splitext(filename.replace("\\", "/"))[1].lower()
    if suffix in (".docm", ".dotm"):
        raise _refuse("Filen er et Word-dokument med makroer (.docm), som kan kjøre kode.")
    if suffix != ".docx":
        raise _refuse("Bare Word-dokumenter (.docx) kan brukes som maler.")


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise _refuse(f"Filen inneholder for mange deler ({len(infos)}; grensen er {MAX_ENTRIES}).")
    seen = set()
    total = 0
    for info in infos:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if (
            name.startswith(("/", "\\"))
            or ".." in parts
            or re.match(r"^[A-Za-z]:", name)
            or any(ord(c) < 32 for c in name)
        ):
            raise _refuse("Filen inneholder en del med et ulovlig navn (sti utenfor dokumentet).")
        if name.lower() in seen:
            raise _refuse("Filen inneholder to deler med samme navn.")
        seen.add(name.lower())
        if info.flag_bits & 0x1:
            raise _refuse("Filen er kryptert eller passordbeskyttet.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse("Filen bruker en komprimering Word-dokumenter ikke bruker.")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse("Filen pakker seg ut til mye mer enn den fyller (mulig «zip-bombe»).")
        total += info.file_size
        if total > MAX_UNPACKED:
            raise _refuse(
                f"Filen er for stor når den pakkes ut (over {MAX_UNPACKED // 1_048_576} MB)."
            )
        _check_part_name(name)


def _check_part_name(name: str) -> None:
    base = posixpath.basename(name).lower()
    if base in ("vbaproject.bin", "vbadata.xml"):
        raise _refuse("Filen inneholder makroer (VBA), som kan kjøre kode.")
    if "/activex/" in f"/{name.lower()}":
        raise _refuse("Filen inneholder ActiveX-kontroller, som kan kjøre kode.")
    if base.startswith("oleobject") or (
        "/embeddings/" in f"/{name.lower()}" and base.endswith(".bin")
    ):
        raise _refuse(texts.GUARD_OLE.format(what=name))


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # zipfile never returns more than the declared size and checks the CRC, so the limits on the
    # directory bound what we read here.
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise _refuse("Filen er skadet eller ikke et gyldig Word-dokument.") from None


def _head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as stream:
            return stream.read(len(_CFB_MAGIC))
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise _refuse("Filen er skadet eller ikke et gyldig Word-dokument.") from None


def _check_binary(archive: zipfile.ZipFile, info: zipfile.ZipInfo, depth: int) -> None:
    """An OLE compound file is refused; an embedded zip (docx, xlsx …) is opened and searched
    for macros, whatever its name or content type says."""
    head = _head(archive, info)
    if head.startswith(_CFB_MAGIC):
        raise _refuse(texts.GUARD_OLE.format(what=info.filename))
    if head.startswith(_ZIP_MAGIC):
        _check_embedded_zip(info.filename, _read(archive, info), depth + 1)


def _check_embedded_zip(name: str, data: bytes, depth: int) -> None:
    if depth > MAX_EMBEDDED_DEPTH:
        raise _refuse(texts.GUARD_EMBEDDED_BROKEN.format(name=name))
    try:
        inner = zipfile.ZipFile(io.BytesIO(data))
        infos = inner.infolist()
        _check_directory(infos)
    except UploadRefused as exc:
        if "makroer" in exc.message or "ActiveX" in exc.message or "OLE" in exc.message:
            raise _refuse(texts.GUARD_EMBEDDED_MACROS.format(name=name)) from None
        raise _refuse(texts.GUARD_EMBEDDED_BROKEN.format(name=name)) from None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError):
        raise _refuse(texts.GUARD_EMBEDDED_BROKEN.format(name=name)) from None
    with inner:
        for info in infos:
            try:
                if info.filename == "[Content_Types].xml":
                    types = inner.read(info).decode("utf-8", "replace").lower()
                    if "macroenabled" in types or "vbaproject" in types:
                        raise _refuse(texts.GUARD_EMBEDDED_MACROS.format(name=name))
                elif not _is_xml(info.filename):
                    _check_binary(inner, info, depth)
            except UploadRefused as exc:
                if "OLE" in exc.message:
                    raise _refuse(texts.GUARD_EMBEDDED_MACROS.format(name=name)) from None
                raise


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _as_text(data: bytes) -> str:
    # UTF-16 XML would slip past a byte search for "<!DOCTYPE".
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        return data.decode("utf-16", "replace")
    return data.decode("utf-8", "replace")


def _check_xml(name: str, data: bytes) -> None:
    text = _as_text(data).lower()
    if "<!doctype" in text or "<!entity" in text:
        raise _refuse(f"Filen inneholder en XML-dokumenttypedefinisjon (DTD/ENTITY) i «{name}».")
    try:
        root = parse_xml(data)
    except etree.XMLSyntaxError:
        raise _refuse(f"Filen inneholder ugyldig XML i «{name}».") from None
    if name.endswith(".rels"):
        _check_relationships(name, root)
    elif name != "[Content_Types].xml":
        _check_elements(name, root, scan_values=bool(_MAYBE_PATH_OR_LINK.search(text)))
        _check_fields(name, root)


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
_MAYBE_PATH_OR_LINK = re.compile(
    r"\\\\|&#|[\"'>]\s*(?:file:)?//|file:|href|src\s*=|action\s*=|url\s*="
)


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


def _check_fields(name: str, root: etree._Element) -> None:
    for instruction, computed in _field_instructions(root):
        field = _without_invisible(instruction)
        match = _FIELD_NAME.match(field)
        field_name = match.group(1).upper() if match else ""
        if field_name in _DANGEROUS_FIELDS:
            raise _refuse(f"Malen inneholder {_DANGEROUS_FIELDS[field_name]}.")
        if computed:
            raise _refuse(texts.GUARD_COMPUTED_FIELD)
        if field_name == "HYPERLINK":
            target = _FIELD_TARGET.match(field)
            if target:
                _check_link(target.group(1), name, external=True)
        elif _UNC_IN_FIELD.search(field):
            raise _refuse(texts.GUARD_UNC_PATH.format(value=field.strip()[:80], name=name))


def _without_invisible(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


_FIELD_TAGS = tuple("{*}" + name for name in ("fldSimple", "fldChar", "instrText", "delInstrText", "t"))


class _Field:
    """An open complex field: its instruction so far, and its result text once separated."""

    def __init__(self) -> None:
        self.instruction: list[str] = []
        self.result: list[str] = []
        self.separated = False
        self.computed = False  # a nested field came before the field's name

    def text(self) -> str:
        return "".join(self.instruction)

    def value(self) -> str:
        """What the field stands for inside another field's instruction."""
        instruction = self.text()
        codes = _QUOTE_CODES.match(instruction)
        if codes:
            return "".join(chr(int(n)) for n in codes.group(1).split() if int(n) < 0x110000)
        quoted = _QUOTE_TEXT.match(instruction)
        if quoted:
            return quoted.group(1)
        return "".join(self.result)


def _field_instructions(root: etree._Element) -> list[tuple[str, bool]]:
    """Every field instruction in a part, complex fields joined across runs, with whether its
    name was built from nested fields.

    A complex field is ``fldChar begin`` … ``instrText`` runs … ``fldChar separate/end``; the
    instruction can be split over many runs ("IN" + "CLUDETEXT") and fields can nest. A nested
    field in an instruction stands for its value there (a QUOTE field for its text or character
    codes, others for their shown result), so ``{ {QUOTE "DD"}{QUOTE "E"} … }`` reads as DDE.
    """
    result: list[tuple[str, bool]] = []
    stack: list[_Field] = []
    for el in root.iter(_FIELD_TAGS):
        local = _local(el.tag)
        if local == "fldSimple":
            result.append((_attribute(el, "instr") or "", False))
        elif local == "fldChar":
            kind = (_attribute(el, "fldCharType") or "").lower()
            if kind == "begin":
                if stack and not stack[-1].separated and not stack[-1].text().strip():
                    stack[-1].computed = True
                stack.append(_Field())
            elif kind == "separate" and stack and not stack[-1].separated:
                stack[-1].separated = True
                result.append((stack[-1].text(), stack[-1].computed))
            elif kind == "end" and stack:
                field = stack.pop()
                if not field.separated:
                    result.append((field.text(), field.computed))
                if stack and not stack[-1].separated:
                    stack[-1].instruction.append(field.value())
        elif local in ("instrText", "delInstrText"):
            if stack and not stack[-1].separated:
                stack[-1].instruction.append(el.text or "")
            else:
                result.append((el.text or "", False))  # outside a field: judge it anyway
        elif local == "t" and stack and stack[-1].separated:
            stack[-1].result.append(el.text or "")
    result.extend((field.text(), field.computed) for field in stack if not field.separated)
    # A field whose instruction holds nested fields is judged again with their values in place.
    return result


def _check_content_types(data: bytes) -> None:
    text = data.decode("utf-8", "replace").lower()
    if "macroenabled" in text or "vbaproject" in text:
        raise _refuse("Filen er et Word-dokument med makroer, som kan kjøre kode.")
    for content_type in _CONTENT_TYPE.findall(text):
        for needle, what in _REFUSED_CONTENT_TYPES.items():
            if needle in content_type:
                raise _refuse(texts.GUARD_CONTENT_TYPE.format(content_type=content_type, what=what))
    if MAIN_CONTENT_TYPE.lower() not in text:
        if "template.main+xml" in text:
            raise _refuse(
                "Filen er en Word-mal (.dotx). Lagre den som vanlig dokument (.docx) først."
            )
        raise _refuse("Filen er ikke et vanlig Word-dokument (.docx).")
