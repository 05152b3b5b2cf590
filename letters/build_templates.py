"""Build the bundled Norwegian letter templates in letters/templates/ from code.

Run from the repository root: ``python letters/build_templates.py``.

Why from code: the templates are reviewed like code, rebuilt identically (fixed dates and zip
timestamps), and a change of wording is a one-line diff. python-docx writes the layout; the merge
fields are docxtpl tags (``{{ felt }}``; ``{%p … %}`` for paragraph-level loops and conditions,
each in a paragraph of its own). Field names and samples are in advocacy/documents/fields.py.

The package python-docx starts from carries ~800 KB of Word 2010 leftovers (a second styles part,
a thumbnail, customXml, hundreds of unused styles). They are pruned here, because every letter of
a batch copies them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advocacy.documents.package import write_package  # noqa: E402

OUT = ROOT / "letters" / "templates"
FONT = "Calibri"  # LibreOffice shows the metric-compatible Carlito where Calibri is missing
ACCENT = RGBColor(0x1F, 0x4E, 0x5A)
GREY = RGBColor(0x59, 0x59, 0x59)
FIXED_TIME = dt.datetime(2026, 1, 1, 12, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
KEEP_STYLES = {
    "Normal",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
    "ListParagraph",
    "ListNumber",
    "ListBullet",
}
DROP_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")


def new_document(title: str):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)

    _set_document_defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for name in ("List Number", "List Bullet"):
        doc.styles[name].paragraph_format.space_after = Pt(3)

    _style(doc, "Brevhode", size=16, bold=True, color=ACCENT, after=0)
    _style(doc, "Avsenderinfo", size=9, color=GREY, after=18)
    _style(doc, "Adresse", after=0)
    _style(doc, "Datolinje", after=18, align=WD_ALIGN_PARAGRAPH.RIGHT, before=18)
    _style(doc, "Emne", size=12, bold=True, after=12)
    _style(doc, "Etikett", size=9, color=GREY, after=2, caps=True)
    _style(doc, "Tittel", size=20, bold=True, color=ACCENT, after=12)
    _style(doc, "Opphav", italic=True, color=GREY, after=12)
    _style(doc, "Signatur", after=0)
    _style(doc, "Etterskrift", size=9, after=0, before=0)

    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "Påvirk", "Påvirk"
    props.language, props.revision = "nb-NO", 1
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.comments = props.keywords = props.subject = ""
    return doc


def _set_document_defaults(doc) -> None:
    """Calibri and Norwegian bokmål for spelling, set at the root instead of the theme."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts"))
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "nb-NO")
    lang.set(qn("w:eastAsia"), "nb-NO")


def _style(
    doc,
    name,
    *,
    size=None,
    bold=False,
    italic=False,
    color=None,
    after=None,
    before=None,
    align=None,
    caps=False,
):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    if size:
        font.size = Pt(size)
    font.bold, font.italic, font.all_caps = bold or None, italic or None, caps or None
    if color is not None:
        font.color.rgb = color
    fmt = style.paragraph_format
    if after is not None:
        fmt.space_after = Pt(after)
    if before is not None:
        fmt.space_before = Pt(before)
    if align is not None:
        fmt.alignment = align
    return style


def para(doc, text="", style=None, *runs):
    """A paragraph; ``runs`` are extra (text, bold) pieces after ``text``."""
    paragraph = doc.add_paragraph(text, style)
    for run_text, bold in runs:
        paragraph.add_run(run_text).bold = bold
    return paragraph


def bottom_border(paragraph, color="1F4E5A") -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4"), ("w:color", color)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def oppfolgingsbrev():
    doc = new_document("Oppfølgingsbrev")
    bottom_border(para(doc, "{{ organisasjon }}", "Brevhode"))
    para(
        doc,
        "{{ avsender_navn }}{% if avsender_telefon %}  ·  Telefon {{ avsender_telefon }}"
        "{% endif %}{% if avsender_epost %}  ·  {{ avsender_epost }}{% endif %}",
        "Avsenderinfo",
    )
    para(doc, "{{ mottaker_navn }}", "Adresse")
    para(doc, "{{ mottaker_rolle }}", "Adresse")
    para(doc, "{{ kommune }} kommune", "Adresse")
    para(doc, "{{ sted }}, {{ dato }}", "Datolinje")
    para(doc, "Oppfølging etter møtet {{ motedato }} om {{ tema }}", "Emne")
    para(doc, "Kjære {{ mottaker_navn }}")
    para(doc, "Takk for et godt og nyttig møte {{ motedato }}. Til stede var {{ deltakere }}.")
    para(doc, "{{ droftet }}")
    # Optional parts disappear whole when empty: no dangling lead-in or "Telefon". The lead-in
    # ends with a colon, so whatever the user wrote (a sentence or a note) reads right after it.
    para(doc, "{%p if avtalt %}")
    para(doc, "Dette ble avtalt i møtet: {{ avtalt }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if krav %}")
    para(doc, "Vi ber derfor om:")
    para(doc, "{%p for k in krav %}")
    para(doc, "{{ k }}", "List Number")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{{ neste_steg }}").paragraph_format.space_before = Pt(6)
    para(doc, "Med vennlig hilsen").paragraph_format.space_after = Pt(30)
    para(doc, "", "Signatur", ("{{ avsender_navn }}", True))
    para(doc, "{{ avsender_rolle }}{% if avsender_rolle and organisasjon %}, {% endif %}"
         "{{ organisasjon }}", "Signatur")
    para(doc, "{%p if avsender_telefon %}")
    para(doc, "Telefon {{ avsender_telefon }}", "Signatur")
    para(doc, "{%p endif %}")
    para(doc, "{%p if kopi %}")
    para(doc, "", "Etterskrift", ("Kopi: ", True), ("{{ kopi }}", False)
         ).paragraph_format.space_before = Pt(18)
    para(doc, "{%p endif %}")
    para(doc, "{%p if vedlegg %}")
    para(doc, "", "Etterskrift", ("Vedlegg: ", True), ("{{ vedlegg }}", False)
         ).paragraph_format.space_before = Pt(6)
    para(doc, "{%p endif %}")
    return doc


def leserinnlegg():
    doc = new_document("Leserinnlegg")
    para(doc, "Leserinnlegg", "Etikett")
    para(doc, "{{ tittel }}", "Tittel")
    para(doc, "{{ tekst }}").paragraph_format.space_after = Pt(8)
    signature = para(
        doc,
        "",
        None,
        ("{{ avsender_navn }}", True),
        # Only the parts that are filled in: no «, ,» when the role or place is empty.
        ("{% if avsender_rolle %}, {{ avsender_rolle }}{% endif %}"
         "{% if organisasjon %}, {{ organisasjon }}{% endif %}"
         "{% if sted %}, {{ sted }}{% endif %}", False),
    )
    signature.paragraph_format.space_before = Pt(12)
    return doc


def uttalelse():
    doc = new_document("Uttalelse")
    para(doc, "Uttalelse", "Etikett")
    para(doc, "{{ tittel }}", "Tittel")
    para(doc, "{{ vedtatt_av }} {{ vedtaksdato }}:", "Opphav")
    para(doc, "", None, ("{{ standpunkt }}", True))
    para(doc, "{{ begrunnelse }}")
    para(doc, "Vi ber {{ krav_mottaker }} om å:")
    para(doc, "{%p for k in krav %}")
    para(doc, "{{ k }}", "List Bullet")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if forbehold %}")
    para(doc, "{{ forbehold }}").paragraph_format.space_before = Pt(6)
    para(doc, "{%p endif %}")
    contact = para(doc, "", None, ("Kontaktperson: ", True), ("{{ kontaktperson }}", False))
    contact.paragraph_format.space_before = Pt(12)
    return doc


def _pruned(data: bytes) -> dict[str, bytes]:
    """The package without Word 2010 leftovers and unused styles."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {
            i.filename: archive.read(i)
            for i in archive.infolist()
            if not i.filename.startswith(DROP_PARTS)
        }
    for name in ("_rels/.rels", "word/_rels/document.xml.rels"):
        parts[name] = re.sub(
            rb'<Relationship [^>]*Target="[^"]*(stylesWithEffects|thumbnail|'
            rb'customXml)[^"]*"[^>]*/>',
            b"",
            parts[name],
        )
    parts["[Content_Types].xml"] = re.sub(
        rb'<Override PartName="/(word/stylesWithEffects|customXml|docProps/thumbnail)[^>]*/>',
        b"",
        parts["[Content_Types].xml"],
    )
    parts["word/styles.xml"] = _prune_styles(parts["word/styles.xml"])
    return parts


def _prune_styles(data: bytes) -> bytes:
    root = etree.fromstring(data)
    ns = {"w": W}
    latent = root.find("w:latentStyles", ns)
    if latent is not None:
        root.remove(latent)
    styles = {s.get(f"{{{W}}}styleId"): s for s in root.findall("w:style", ns)}
    keep = {sid for sid, s in styles.items() if sid in KEEP_STYLES or s.get(f"{{{W}}}customStyle")}
    pending = list(keep)
    while pending:  # keep what the kept styles are based on or linked to
        for ref in styles[pending.pop()].xpath("w:basedOn|w:link|w:next", namespaces=ns):
            target = ref.get(f"{{{W}}}val")
            if target in styles and target not in keep:
                keep.add(target)
                pending.append(target)
    for sid, style in styles.items():
        if sid not in keep:
            root.remove(style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return write_package(_pruned(buffer.getvalue()))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in (
        ("oppfolgingsbrev", oppfolgingsbrev),
        ("leserinnlegg", leserinnlegg),
        ("uttalelse", uttalelse),
    ):
        path = OUT / f"{name}.docx"
        path.write_bytes(build(make()))
        print(f"{path.relative_to(ROOT)}  ({path.stat().st_size:,} byte)")


if __name__ == "__main__":
    main()
