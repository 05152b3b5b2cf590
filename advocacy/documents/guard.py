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

This module reads the package: the zip directory, embedded zips and OLE files, content types,
and sends each XML part on to guard_links.py (relationships, elements, link targets) and
guard_fields.py (field codes).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from advocacy import texts
from advocacy.documents.errors import UploadRefused
from advocacy.documents.guard_fields import _check_fields
from advocacy.documents.guard_links import (
    W_NAMESPACES,  # noqa: F401 - re-exported: it was defined here
    _check_elements,
    _check_relationships,
    _refuse,
    maybe_path_or_link,
)
from advocacy.documents.package import parse_xml

MAX_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 1_000
MAX_UNPACKED = 60 * 1024 * 1024
MAX_RATIO = 100
MAX_EMBEDDED_DEPTH = 2
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
MAIN_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
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
        _check_elements(name, root, scan_values=maybe_path_or_link(text))
        _check_fields(name, root)


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
