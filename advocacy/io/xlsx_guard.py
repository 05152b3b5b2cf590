"""Checking an uploaded .xlsx before openpyxl parses any of it.

An .xlsx is a zip of XML parts. A hostile one may be a zip bomb, hold thousands of parts, carry
macros or embedded files, be truncated or have a bad CRC, or put a DTD with entities anywhere in
any part (deep inside the sheet, in sharedStrings, UTF-16 encoded). `check_archive` reads every
part whole, in chunks, and:

- looks for `<!DOCTYPE` / `<!ENTITY` (any case, spaces allowed) in the bytes with NULs taken out,
  so UTF-16 and UTF-32 text is searched as well as UTF-8;
- parses every part that looks like XML with expat (no handlers but the DTD ones), so a part
  that is not well-formed XML, or declares an encoding expat cannot read, is refused here with
  its name and line instead of failing somewhere inside openpyxl;
- turns every zip error (bad CRC, truncated data, unknown compression, encryption) into a
  Norwegian message naming the file and the part.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.parsers import expat

from advocacy import texts
from advocacy.errors import ValidationError

MAX_ENTRIES = 500
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO = 200
CHUNK = 1024 * 1024

DTD = re.compile(rb"<\s*!\s*(?:doctype|entity)", re.IGNORECASE)
OVERLAP = 64  # bytes kept from the previous chunk, so a match across chunks is found
# Parts that are not XML and that openpyxl never parses as XML.
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"\xd7\xcd\xc6\x9a", b"II*\x00",
                b"MM\x00*", b"\x01\x00\x00\x00")  # PNG, JPEG, GIF, BMP, WMF, TIFF, EMF
NESTED_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # a zip or an OLE compound file
EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # «<?xm» in EBCDIC: libxml2 would read it, expat cannot
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
              RuntimeError, NotImplementedError, ValueError)


class _DtdFound(Exception):
    pass


def _refuse_dtd(*_args) -> None:
    raise _DtdFound


def _looks_like_xml(name: str, head: bytes) -> bool:
    if name.lower().endswith((".xml", ".rels", ".vml")):
        return True
    if head.startswith(BINARY_MAGIC):
        return False
    if head.startswith(EBCDIC_XML):
        return True
    stripped = head.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    return stripped.startswith(b"<")


def _xml_parser() -> expat.XMLParserType:
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _check_part(filename: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Read one part whole; refuse a DTD, nested archives and XML that is not well-formed."""
    part = info.filename
    parser, tail, first = None, b"", True
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                if first:
                    first = False
                    if chunk.startswith(NESTED_MAGIC):
                        raise ValidationError(texts.XLSX_EMBEDDED.format(name=filename,
                                                                         part=part))
                    if _looks_like_xml(part, chunk[:256]):
                        parser = _xml_parser()
                visible = tail + chunk.replace(b"\x00", b"")
                if DTD.search(visible):
                    raise _DtdFound
                tail = visible[-OVERLAP:]
                if parser is not None:
                    _parse(filename, part, parser, chunk, final=False)
            if parser is not None:
                _parse(filename, part, parser, b"", final=True)
    except _DtdFound:
        raise ValidationError(texts.XLSX_DTD.format(name=filename, part=part)) from None
    except ZIP_ERRORS as exc:
        raise ValidationError(texts.XLSX_BROKEN_ZIP.format(name=filename, part=part)) from exc


def _parse(filename: str, part: str, parser, chunk: bytes, *, final: bool) -> None:
    try:
        parser.Parse(chunk, final)
    except (expat.ExpatError, ValueError) as exc:  # ValueError: an encoding expat cannot read
        raise ValidationError(texts.XLSX_BAD_XML.format(
            name=filename, part=part, line=parser.CurrentLineNumber)) from exc


def check_archive(filename: str, data: bytes) -> None:
    """Raise ValidationError (Norwegian, naming the file and the part) unless `data` is an
    .xlsx that openpyxl may be given."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as exc:
        raise ValidationError(texts.XLSX_NOT_ZIP.format(name=filename)) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ValidationError(texts.XLSX_TOO_MANY_PARTS.format(name=filename, n=len(infos)))
        if sum(info.file_size for info in infos) > MAX_UNPACKED:
            raise ValidationError(texts.XLSX_TOO_BIG_UNPACKED.format(name=filename))
        for info in infos:
            if info.file_size > 1024 * 1024 and (
                    not info.compress_size or info.file_size / info.compress_size > MAX_RATIO):
                raise ValidationError(texts.XLSX_BOMB.format(name=filename))
            if info.filename.lower().endswith("vbaproject.bin"):
                raise ValidationError(texts.XLSX_MACROS.format(name=filename))
        for info in infos:
            if not info.is_dir():
                _check_part(filename, archive, info)
