"""Read a .docx (an OPC zip package) into memory and write it back out.

Why not python-docx for this: rendering a batch only changes a few XML parts. Keeping every other
part as the bytes it already is, and writing the zip directly, is what makes a batch of hundreds
of letters fast. The parts are kept in their original order so Word sees the same package.
"""

from __future__ import annotations

import io
import posixpath
import threading
import zipfile
from dataclasses import dataclass

from lxml import etree

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT = _REL_BASE + "officeDocument"
# Parts of the main document that may hold merge fields, besides the document itself.
TEMPLATED_REL_TYPES = frozenset(
    _REL_BASE + name for name in ("header", "footer", "footnotes", "endnotes")
)

# Deflate level 1: letters are small XML files; the higher levels cost time and save little.
COMPRESS_LEVEL = 1

_PARSERS = threading.local()


def parse_xml(data: bytes) -> etree._Element:
    """Parse XML without resolving entities, loading DTDs or touching the network.

    One parser per thread: Streamlit serves sessions from several threads, and lxml parser
    objects must not be shared between threads.
    """
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
    return etree.fromstring(data, parser)


@dataclass(frozen=True)
class Package:
    """The parts of a .docx in archive order: name -> bytes."""

    parts: dict[str, bytes]

    @classmethod
    def from_bytes(cls, data: bytes) -> Package:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return cls({info.filename: archive.read(info) for info in archive.infolist()})

    def main_document(self) -> str:
        """The name of the main document part (word/document.xml in practice)."""
        for target, rel_type in self._relationships("_rels/.rels", ""):
            if rel_type == OFFICE_DOCUMENT:
                return target
        return "word/document.xml"

    def templated_parts(self) -> list[str]:
        """The main document and its headers, footers, footnotes and endnotes."""
        main = self.main_document()
        rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        names = [main]
        for target, rel_type in self._relationships(rels, posixpath.dirname(main)):
            if rel_type in TEMPLATED_REL_TYPES and target in self.parts:
                names.append(target)
        return names

    def _relationships(self, rels_name: str, base: str) -> list[tuple[str, str]]:
        data = self.parts.get(rels_name)
        if data is None:
            return []
        root = parse_xml(data)
        result = []
        for rel in root.iter(f"{{{RELS_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            result.append((posixpath.normpath(path), rel.get("Type", "")))
        return result


def write_package(parts: dict[str, bytes], *, compress: bool = True) -> bytes:
    """A .docx from parts in the given order. Fixed timestamps keep the output reproducible."""
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method, compresslevel=COMPRESS_LEVEL) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)
    return buffer.getvalue()
