"""The upload guard: every .docx template passes here before any parser sees it.

Why: a .docx is a zip of XML files, and both halves have well-known tricks. The zip can be a bomb
(a few kilobytes that unpack to gigabytes) or carry paths such as ``../../app.py``; the XML can
declare entities that expand without end or fetch files; and Word itself will, when the letter is
opened, fetch an external template, run a DDE command or pull in another file through an INCLUDE
field. We read only the zip directory and, within the limits, the XML text, and refuse with a
Norwegian reason a volunteer can understand.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from advocacy.documents.errors import UploadRefused
from advocacy.documents.package import RELS_NS, parse_xml

MAX_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 1_000
MAX_UNPACKED = 60 * 1024 * 1024
MAX_RATIO = 100

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
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
}
_FIELD_NAME = re.compile(r"[\s\"{]*([A-Za-z]+)")


def _refuse(reason: str) -> UploadRefused:
    return UploadRefused(f"{reason} Filen er avvist.")


def check_upload(filename: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> None:
    """Refuse (UploadRefused) anything that is not a plain, self-contained Word .docx.

    Runs on the raw bytes only: the zip directory, then each XML part (bounded by the unpacked
    size limit) as text and with a parser that resolves no entities and fetches nothing.
    """
    _check_name(filename)
    if len(data) > max_bytes:
        raise _refuse(
            f"Filen er for stor ({len(data) / 1_048_576:.1f} MB; grensen er {max_bytes / 1_048_576:.0f} MB)."
        )
    if not data.startswith(b"PK\x03\x04"):
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
        if posixpath.basename(name).lower() in ("vbaproject.bin", "vbadata.xml"):
            raise _refuse("Filen inneholder makroer (VBA), som kan kjøre kode.")
        if name.lower().startswith("word/activex/"):
            raise _refuse("Filen inneholder ActiveX-kontroller, som kan kjøre kode.")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # zipfile never returns more than the declared size and checks the CRC, so the limits on the
    # directory bound what we read here.
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise _refuse("Filen er skadet eller ikke et gyldig Word-dokument.") from None


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
        _check_relationships(root)
    elif name.startswith("word/"):
        _check_fields(root)


def _check_relationships(root: etree._Element) -> None:
    for rel in root.iter(f"{{{RELS_NS}}}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        external = rel.get("TargetMode", "").lower() == "external"
        if kind == "attachedTemplate":
            raise _refuse(
                f"Malen inneholder {_EXTERNAL_REFUSALS[kind]}, som Word henter når brevet åpnes."
            )
        if external and kind != "hyperlink":
            what = _EXTERNAL_REFUSALS.get(kind, "en lenke til en ekstern fil")
            raise _refuse(f"Malen inneholder {what}, som Word henter når brevet åpnes.")


def _check_fields(root: etree._Element) -> None:
    for instruction in _field_instructions(root):
        match = _FIELD_NAME.match(instruction)
        name = match.group(1).upper() if match else ""
        if name in _DANGEROUS_FIELDS:
            raise _refuse(f"Malen inneholder {_DANGEROUS_FIELDS[name]}.")


def _field_instructions(root: etree._Element) -> list[str]:
    """Every field instruction in a part, complex fields joined across runs.

    A complex field is ``fldChar begin`` … ``instrText`` runs … ``fldChar separate/end``; the
    instruction can be split over many runs ("IN" + "CLUDETEXT") and fields can nest, so we keep
    a stack of open fields.
    """
    result = [el.get(f"{_W}instr", "") for el in root.iter(f"{_W}fldSimple")]
    stack: list[list[str] | None] = []  # None: the field's instruction is complete
    for el in root.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}delInstrText"):
        if el.tag == f"{_W}fldChar":
            kind = el.get(f"{_W}fldCharType")
            if kind == "begin":
                stack.append([])
            elif kind == "separate" and stack and stack[-1] is not None:
                result.append("".join(stack[-1]))
                stack[-1] = None
            elif kind == "end" and stack:
                top = stack.pop()
                if top is not None:
                    result.append("".join(top))
        elif stack and stack[-1] is not None:
            stack[-1].append(el.text or "")
        else:
            result.append(el.text or "")  # instruction text outside a field: judge it anyway
    result.extend("".join(parts) for parts in stack if parts is not None)
    return result


def _check_content_types(data: bytes) -> None:
    text = data.decode("utf-8", "replace").lower()
    if "macroenabled" in text or "vbaproject" in text:
        raise _refuse("Filen er et Word-dokument med makroer, som kan kjøre kode.")
    if MAIN_CONTENT_TYPE.lower() not in text:
        if "template.main+xml" in text:
            raise _refuse(
                "Filen er en Word-mal (.dotx). Lagre den som vanlig dokument (.docx) først."
            )
        raise _refuse("Filen er ikke et vanlig Word-dokument (.docx).")
