"""Hostile templates, each built here: a real python-docx document, then its XML edited in the zip.

Every case asserts the refusal (UploadRefused or TemplateError), a Norwegian message naming what
was found, no traceback, that saving it leaves the templates table as it was, and that
``check-template`` on the command line gives the same verdict as the Maler page's check.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from advocacy.accounts import accounts
from advocacy.documents import (
    PreparedTemplate,
    SandboxViolation,
    TemplateError,
    UploadRefused,
    check_template,
    check_template_cli,
)
from advocacy.documents.diagnostics import compile_part
from advocacy.documents.sandbox import LetterEnvironment, SandboxRefusal, make_environment
from advocacy.errors import AdvocacyError
from advocacy.letters import template_library
from advocacy.startup import open_database
from tests.test_cli import run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
ENGLISH = re.compile(r"Traceback|Error|Exception|error|unexpected|not found|No filter")


def make_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs or ("Kjære {{ mottaker_navn }}",):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read_part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def edit(data: bytes, changes=None, *, add=None) -> bytes:
    """The package with parts changed (name -> function of the old bytes) and parts added."""
    changes = changes or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename in changes:
                blob = changes[info.filename](blob)
            dst.writestr(info.filename, blob)
        for name, blob in (add or {}).items():
            dst.writestr(name, blob)
    return out.getvalue()


def in_body(xml: str, data: bytes | None = None) -> bytes:
    data = data or make_docx()
    return edit(
        data,
        {"word/document.xml": lambda b: b.replace(b"<w:body>", b"<w:body>" + xml.encode(), 1)},
    )


def with_rel(kind: str, target: str, *, external: bool, part="word/_rels/document.xml.rels",
             data: bytes | None = None) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="rId99" Type="{REL}{kind}" Target="{target}"{mode}/>'
    return edit(
        data or make_docx(),
        {part: lambda b: b.replace(b"</Relationships>", rel.encode() + b"</Relationships>")},
    )


def with_content_type(data: bytes, part: str, content_type: str) -> bytes:
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    return edit(
        data, {"[Content_Types].xml": lambda b: b.replace(b"</Types>", override.encode() + b"</Types>")}
    )


def in_settings(xml: str) -> bytes:
    return edit(
        make_docx(),
        {"word/settings.xml": lambda b: re.sub(
            rb"<w:settings[^>]*>", lambda m: m.group(0) + xml.encode(), b, count=1)},
    )


def complex_field(*pieces: str) -> str:
    """A complex field: each piece is instruction text, or "{" / "}" to open / close a nested
    field (with an empty result)."""
    runs = ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>']
    for piece in pieces:
        if piece == "{":
            runs.append('<w:r><w:fldChar w:fldCharType="begin"/></w:r>')
        elif piece == "}":
            runs.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        else:
            runs.append(f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>')
    runs.append('<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>resultat</w:t></w:r>')
    runs.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return "<w:p>" + "".join(runs) + "</w:p>"


def strict(data: bytes) -> bytes:
    return edit(data, {"word/document.xml": lambda b: b.replace(W.encode(), STRICT_W.encode())})


def zipped(files: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in files.items():
            archive.writestr(name, blob)
    return out.getvalue()


MACRO_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'
)
PLAIN_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def upload_cases():
    """(id, filename, bytes, words the message must hold)."""
    dde = '<w:p><w:fldSimple w:instr=" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot; "><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>'
    yield "dde-fldsimple", in_body(dde), "DDE-felt"
    yield "dde-fldsimple-lower", in_body(dde.replace("DDEAUTO", "dDeAuTo")), "DDE-felt"
    yield "dde-split-runs", in_body(complex_field(" D", "DE", "AUTO c:\\\\cmd.exe")), "DDE-felt"
    yield "dde-nested-quote-text", in_body(
        complex_field("{", ' QUOTE "DDE" ', "}", ' "c:\\\\windows\\\\cmd.exe" "/k calc" ')
    ), "DDE-felt"
    yield "dde-nested-quote-codes", in_body(
        complex_field("{", " QUOTE 68 68 69 65 85 84 79 ", "}", ' "c:\\\\cmd.exe" ')
    ), "DDE-felt"
    yield "dde-two-nested-quotes", in_body(
        complex_field("{", ' QUOTE "DD" ', "}", "{", ' QUOTE "E" ', "}", " cmd ")
    ), "DDE-felt"
    yield "field-name-from-other-field", in_body(
        complex_field("{", " MERGEFIELD navn ", "}", " cmd ")
    ), "satt sammen av andre felt"
    yield "dde-strict-namespace", strict(in_body(dde)), "DDE-felt"
    yield "dde-strict-split", strict(in_body(complex_field(" dd", "e cmd"))), "DDE-felt"
    yield "dde-uppercase-fldchar", in_body(
        complex_field(" DDE cmd").replace('fldCharType="begin"', 'fldCharType="BEGIN"')
    ), "DDE-felt"
    yield "dde-fullwidth", in_body(complex_field(" ＤＤＥ cmd")), "DDE-felt"
    yield "dde-in-header-part", edit(
        make_docx(),
        add={"word/glossary/document.xml": f'<w:document xmlns:w="{W}"><w:body>{dde}</w:body></w:document>'},
    ), "DDE-felt"
    ole = (
        '<w:p><w:r><w:object xmlns:o="urn:schemas-microsoft-com:office:office" w:dxaOrig="1" w:dyaOrig="1">'
        '<o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" DrawAspect="Icon" '
        'ObjectID="_1" r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
        "</w:object></w:r></w:p>"
    )
    yield "ole-object-element", in_body(ole), "OLE-objekt"
    yield "ole-object-strict", strict(in_body(ole)), "OLE-objekt"
    yield "ole-bin-part", edit(make_docx(), add={"word/embeddings/oleObject1.bin": CFB}), "OLE-objekt"
    yield "ole-relationship", with_rel("oleObject", "embeddings/x.dat", external=False), "OLE-objekt"
    yield "ole-compound-file-as-png", edit(make_docx(), add={"word/media/image9.png": CFB}), "OLE-objekt"
    clean_inner = zipped({"[Content_Types].xml": PLAIN_TYPES, "xl/workbook.xml": "<workbook/>"})
    yield "package-relationship", edit(
        with_rel("package", "embeddings/Dokument.xlsx", external=False),
        add={"word/embeddings/Dokument.xlsx": clean_inner},
    ), "innebygd fil (pakke)"
    yield "embedded-workbook-vba-plain-type", edit(
        make_docx(),
        add={"word/embeddings/Regneark1.xlsx": zipped(
            {"[Content_Types].xml": PLAIN_TYPES, "xl/workbook.xml": "<workbook/>",
             "xl/vbaProject.bin": CFB})},
    ), "makroer"
    yield "embedded-workbook-macro-type", edit(
        make_docx(),
        add={"word/media/bilde.png": zipped({"[Content_Types].xml": MACRO_TYPES, "xl/workbook.xml": "<w/>"})},
    ), "makroer"
    yield "embedded-docm-in-docx-in-docx", edit(
        make_docx(),
        add={"word/embeddings/ytre.docx": zipped({
            "[Content_Types].xml": PLAIN_TYPES,
            "word/embeddings/indre.docx": zipped({"[Content_Types].xml": MACRO_TYPES}),
        })},
    ), "makroer"
    yield "altchunk-element", in_body(
        '<w:altChunk r:id="rId98" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
    ), "altChunk"
    yield "altchunk-relationship", edit(
        with_rel("aFChunk", "afchunk.mht", external=False),
        add={"word/afchunk.mht": b"MIME-Version: 1.0\r\n\r\n<html><script>x</script></html>"},
    ), "altChunk"
    yield "altchunk-html-content-type", with_content_type(
        edit(make_docx(), add={"word/del.html": b"<html></html>"}), "word/del.html", "text/html"
    ), "HTML"
    yield "mht-content-type", with_content_type(
        edit(make_docx(), add={"word/del.mht": b"x"}), "word/del.mht", "message/rfc822"
    ), "MHT"
    yield "mail-merge", in_settings(
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="odbc"/>'
        '<w:query w:val="SELECT * FROM x"/></w:mailMerge>'
    ), "utskriftsfletting"
    yield "odbc-connect-string", in_settings(
        '<w:mailMerge><w:connectString w:val="DSN=Excel Files;DBQ=c:\\data.xlsx"/></w:mailMerge>'
    ), "utskriftsfletting"
    yield "mail-merge-strict", edit(
        in_settings('<w:mailMerge><w:dataType w:val="odbc"/></w:mailMerge>'),
        {"word/settings.xml": lambda b: b.replace(W.encode(), STRICT_W.encode())},
    ), "utskriftsfletting"
    yield "mail-merge-source-relationship", with_rel(
        "mailMergeSource", "data.xlsx", external=False, part="word/_rels/document.xml.rels"
    ), "utskriftsfletting"
    yield "unc-in-relationship", with_rel("image", "\\\\angriper\\del\\x.png", external=False), "nettverkssti"
    yield "unc-in-settings-attribute", in_settings(
        '<w:attachedTemplate w:val="\\\\angriper\\del\\mal.dotm"/>'
    ), "nettverkssti"
    yield "unc-in-settings-text", in_settings(
        "<w:mailMergeDataPath>\\\\angriper\\del\\data.xlsx</w:mailMergeDataPath>"
    ), "nettverkssti"
    yield "database-field", in_body(
        complex_field(' DATABASE \\d "C:\\\\data.mdb" \\s "select * from x" ')
    ), "DATABASE-felt"
    yield "unc-in-any-field", in_body(complex_field(' ADDIN "\\\\\\\\angriper\\\\del\\\\x" ')), "nettverkssti"
    yield "unc-includepicture-field", in_body(
        complex_field(' IMPORT "\\\\\\\\angriper\\\\del\\\\p.png" ')
    ), "IMPORT-felt"
    for label, target in [
        ("javascript", "javascript:alert(1)"),
        ("javascript-case", "JaVaScRiPt:alert(1)"),
        ("javascript-whitespace", "java&#x09;script:alert(1)"),
        ("javascript-newline-lead", " &#x0A;javascript:alert(1)"),
        ("javascript-double-entity", "&amp;#106;avascript:alert(1)"),
        ("javascript-percent", "%6Aavascript:alert(1)"),
        ("javascript-zero-width", "java&#x200B;script:alert(1)"),
        ("vbscript", "vbscript:msgbox(1)"),
        ("file", "file:///C:/Windows/System32/calc.exe"),
        ("file-case", "FiLe:///C:/x.exe"),
        ("local-path", "C:\\Windows\\calc.exe"),
        ("ms-protocol", "ms-msdt:/id PCWDiagnostic"),
    ]:
        yield f"hyperlink-{label}", with_rel("hyperlink", target, external=True), "lenke av typen"
    yield "hyperlink-unc", with_rel("hyperlink", "\\\\angriper\\del\\x.exe", external=True), "nettverkssti"
    yield "hyperlink-file-unc", with_rel("hyperlink", "FiLe://angriper/del/x.exe", external=True), "nettverkssti"
    yield "hyperlink-field-javascript", in_body(
        complex_field(' HYPERLINK "javascript:alert(1)" ')
    ), "lenke av typen"
    yield "internal-relationship-with-scheme", with_rel(
        "image", "file:///etc/passwd", external=False
    ), "lenke av typen"
    yield "vml-href-javascript", in_body(
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" href="javascript:alert(1)"/>'
        "</w:pict></w:r></w:p>"
    ), "lenke av typen"
    yield "external-file-image", with_rel("image", "file:///etc/passwd", external=True), "ekstern fil"


def template_cases():
    """(id, paragraphs of the template, words the message must hold)."""
    yield "unknown-filter", ["{{ mottaker_navn|finnesikke }}"], "ukjent filter «finnesikke»"
    yield "unknown-filter-in-branch", ["{% if x %}{{ x|finnesikke }}{% endif %}"], "ukjent filter"
    yield "unknown-test", ["{% if x is rart %}ja{% endif %}"], "ukjent test «rart»"
    yield "unknown-filter-by-name", ["{{ [x]|map('finnesikke')|join }}"], "ukjent filter"
    yield "deep-parens", ["{{ " + "(" * 3000 + "x" + ")" * 3000 + " }}"], "nestet for dypt"
    yield "deep-brackets", ["{{ " + "[" * 3000 + "]" * 3000 + " }}"], "nestet for dypt"
    yield "deep-braces", ["{{ " + "{'a':" * 500 + "1" + "}" * 500 + " }}"], "nestet for dypt"
    yield "deep-ifs", ["{% if x %}" * 3000 + "{% endif %}" * 3000], "nestet for dypt"
    yield "deep-ifs-paragraphs", ["{%p if x %}"] * 300 + ["tekst"] + ["{%p endif %}"] * 300, "nestet for dypt"
    yield "long-filter-chain", ["{{ x" + "|lower" * 5000 + " }}"], "nestet for dypt"
    yield "long-operator-chain", ["{{ " + " + ".join(["x"] * 3000) + " }}"], "nestet for dypt"
    yield "long-boolean-chain", ["{% if " + " or ".join(["x"] * 3000) + " %}ja{% endif %}"], "nestet for dypt"
    yield "assertion-after-parse", ["{% for loop in x %}{% endfor %}"], "Malen har en feil"
    yield "block-twice", ["{% block a %}{% endblock %}{% block a %}{% endblock %}"], "Malen har en feil"
    yield "syntax", ["{% if x %}uten slutt"], "ikke avsluttet"
    for name in ("safe", "forceescape", "xmlattr", "urlize", "tojson"):
        yield f"escape-{name}", [f"{{{{ x|{name} }}}}"], f"«|{name}»"
    yield "escape-map-safe", ["{{ [x]|map('safe')|join }}"], "«|safe»"
    yield "escape-map-dynamic", ["{{ [x]|map(y)|join }}"], "regner ut navnet"
    yield "escape-filter-block", ["{% filter safe %}{{ x }}{% endfilter %}"], "«|safe»"
    yield "autoescape-false", ["{% autoescape false %}{{ x }}{% endautoescape %}"], "autoescape false"
    yield "autoescape-dynamic", ["{% autoescape y %}{{ x }}{% endautoescape %}"], "autoescape"
    yield "escape-translate", ["{{ (x|e).translate({88: '<'}) }}"], "«.translate»"
    yield "center-huge", ["{{ x|center(300000000) }}"], "«|center»"
    yield "center-keyword", ["{{ x|center(width=300000000) }}"], "«|center»"
    yield "indent-huge", ["{{ x|indent(300000000) }}"], "«|indent»"
    yield "percent-width", ["{{ '%0300000000d' % 1 }}"], "«%»"
    yield "percent-precision", ["{{ '%.300000000f' % 1 }}"], "«%»"
    yield "format-filter-width", ["{{ '%0300000000d'|format(1) }}"], "«|format»"
    yield "brace-format-width", ["{{ '{:>300000000}'.format(x) }}"], "«.format»"
    yield "ljust-huge", ["{{ x.ljust(300000000) }}"], "«.ljust»"
    yield "zfill-huge", ["{{ x.zfill(300000000) }}"], "«.zfill»"
    yield "truncate-huge", ["{{ x|truncate(1000000000) }}"], "«|truncate»"
    yield "wordwrap-huge", ["{{ x|wordwrap(1000000000) }}"], "«|wordwrap»"
    yield "batch-huge", ["{{ [x]|batch(300000000, 0)|list }}"], "300000000 deler i «|batch»"
    yield "slice-huge", ["{{ [x]|slice(300000000)|list }}"], "300000000 deler i «|slice»"
    yield "python-internals", ["{{ x.__class__ }}"], "__class__"
    yield "endless-macro", ["{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}"], "uten ende"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """One real database file and a leader for the whole module (a hundred cases share it: each
    only reads it and asserts it stays as it was)."""
    database = open_database(tmp_path_factory.mktemp("maler") / "advocacy.db")
    leader = accounts.get_user(database, accounts.create_user(database, "sjef", "leder", "passord123"))
    yield database, leader
    database.close()


def assert_norwegian(message: str, words: str) -> None:
    assert words in message, message
    assert not ENGLISH.search(message), message
    assert message.startswith(("Malen", "Filen")), message


def assert_refused_everywhere(db, leader, tmp_path, filename, data, words, kind):
    """One verdict from the page's check, the save and the command line; nothing stored."""
    with pytest.raises(kind) as info:
        template_library.check_upload(filename, data)  # what the Maler page calls
    message = info.value.message
    assert isinstance(info.value, AdvocacyError)
    assert_norwegian(message, words)
    before = db.execute("select * from templates").fetchall()
    with pytest.raises(AdvocacyError) as saved:
        template_library.save_uploaded(db, leader, "Fiendtlig mal", "annet", filename, data)
    assert saved.value.message == message
    assert db.execute("select * from templates").fetchall() == before
    path = tmp_path / filename
    path.write_bytes(data)
    code, lines = check_template_cli(path)
    assert (code, lines) == (1, [f"Avvist: {filename}", message])
    return message


@pytest.mark.parametrize(("case", "data", "words"), [c for c in upload_cases()], ids=[c[0] for c in upload_cases()])
def test_hostile_upload_is_refused_with_a_reason(store, tmp_path, case, data, words):
    message = assert_refused_everywhere(*store, tmp_path, "mal.docx", data, words, UploadRefused)
    assert message.endswith("Filen er avvist.")


@pytest.mark.parametrize(
    ("case", "paragraphs", "words"), list(template_cases()), ids=[c[0] for c in template_cases()]
)
def test_hostile_template_code_is_refused_with_a_reason(store, tmp_path, case, paragraphs, words):
    data = make_docx(*paragraphs)
    assert_refused_everywhere(*store, tmp_path, "mal.docx", data, words, TemplateError)


def test_the_command_line_prints_the_same_refusal(tmp_path):
    for name, data in [
        ("dde.docx", in_body(complex_field("{", ' QUOTE "DDE" ', "}", " cmd "))),
        ("safe.docx", make_docx("{{ mottaker_navn|safe }}")),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        result = run("check-template", str(path))
        with pytest.raises(AdvocacyError) as info:
            check_template(name, data)
        assert result.returncode == 1
        assert result.stderr.splitlines() == [f"Avvist: {name}", info.value.message]
        assert "Traceback" not in result.stderr + result.stdout


def test_widths_computed_from_values_are_refused_when_filling():
    template = PreparedTemplate(
        make_docx("{{ 'x'|center(bredde|int) }}", "{{ '%*d' % (bredde|int, 1) }}"), filename="mal.docx"
    )
    assert template.render({"bredde": "20"})
    with pytest.raises(SandboxViolation) as info:
        template.render({"bredde": "300000000"})
    assert "300000000 tegn i «|center»" in info.value.message
    assert "avsnittet «{{ 'x'|center(bredde|int) }}»" in info.value.message


@pytest.mark.parametrize("source", ["{{ tekst|replace('', fyll) }}", "{{ tekst.replace('', fyll) }}"])
def test_replace_that_would_grow_without_bound_is_stopped_when_filling(source):
    template = PreparedTemplate(make_docx(source), filename="mal.docx")
    assert template.render({"tekst": "ab", "fyll": "-"})
    with pytest.raises(SandboxViolation) as info:
        template.render({"tekst": "a" * 5_000, "fyll": "b" * 1_000})
    assert "over 1000000 tegn med «" in info.value.message
    assert info.value.message.endswith("Malen er avvist.")


def test_doubling_text_is_stopped_when_filling():
    macro = (
        "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}"
        "{% endmacro %}{{ d(start, 40) }}"
    )
    template = PreparedTemplate(make_docx(macro), filename="mal.docx")
    with pytest.raises(SandboxViolation) as info:
        template.render({"start": "ab"})
    assert "over 1000000 tegn med «~»" in info.value.message


@pytest.mark.parametrize(
    "source",
    [
        "{{ x|safe }}",
        "{{ x|forceescape }}",
        "{{ {'a': x}|xmlattr }}",
        "{{ x|urlize }}",
        "{{ x|tojson }}",
        "{{ [x]|map('safe')|join }}",
        "{% filter safe %}{{ x }}{% endfilter %}",
        "{% autoescape false %}{{ x }}{% endautoescape %}",
        "{% autoescape y %}{{ x }}{% endautoescape %}",
        "{{ (x|e).translate({88: '<'}) }}",
    ],
)
def test_escaping_cannot_be_turned_off_when_filling_either(source):
    """Defence in depth: even without the static check, the environment refuses while filling."""
    template = make_environment().from_string(source)
    with pytest.raises(SandboxRefusal):
        template.render(x="<w:p>X", y=False)


def test_ordinary_filters_and_formats_still_work():
    data = make_docx(
        "{{ navn|upper }} {{ '%5d' % 3 }} {{ navn|center(20) }} {{ (navn ~ navn)|length }}",
        "{{ '{:>10}'.format(navn) }} {{ navn|truncate(3, true, '') }} {{ navn|e }}",
        "{% for k in krav %}{{ loop.index }}. {{ k|wordwrap(40) }}{% endfor %}",
    )
    output = PreparedTemplate(data, filename="mal.docx").render({"navn": "Åse & <Per>", "krav": ["a"]})
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(output)).paragraphs)
    assert "ÅSE & <PER>" in text
    assert "Åse & <Per>" in text


def test_a_clean_embedded_chart_workbook_is_accepted(tmp_path):
    """Charts keep their data in an embedded workbook; without macros it is no threat."""
    inner = zipped({"[Content_Types].xml": PLAIN_TYPES, "xl/workbook.xml": "<workbook/>"})
    chart_rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_RELS}">'
        f'<Relationship Id="rId1" Type="{REL}package" '
        'Target="../embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>'
    )
    data = edit(
        make_docx(),
        add={
            "word/embeddings/Microsoft_Excel_Worksheet.xlsx": inner,
            "word/charts/_rels/chart1.xml.rels": chart_rels,
            "word/charts/chart1.xml": '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
        },
    )
    report = check_template("mal.docx", data)
    assert report.fields == ["mottaker_navn"]


def test_ordinary_links_and_fields_are_accepted():
    data = with_rel("hyperlink", "https://iogt.no/lokallag", external=True)
    data = with_rel("hyperlink", "mailto:post@iogt.no", external=True, data=data)
    data = with_rel("hyperlink", "#Vedlegg", external=True, data=data)
    data = in_body(complex_field(' HYPERLINK "https://iogt.no" '), data)
    data = in_body(complex_field(" IF ", "{", " MERGEFIELD navn ", "}", ' = "x" "ja" "nei" '), data)
    assert check_template("mal.docx", data).fields == ["mottaker_navn"]


def test_a_good_template_is_stored(store):
    """The same path stores a harmless template, so 'unchanged' above means refused."""
    db, leader = store
    before = db.execute("select count(*) from templates").fetchone()[0]
    template_library.save_uploaded(db, leader, "Vanlig mal", "annet", "vanlig.docx", make_docx())
    assert db.execute("select count(*) from templates").fetchone()[0] == before + 1


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (ValueError("intern feil"), "kunne ikke gjøres klar"),
        (SyntaxError("too many nested parentheses"), "nestet for dypt"),
        (RecursionError("maximum recursion depth exceeded"), "nestet for dypt"),
        (MemoryError(), "nestet for dypt"),
    ],
)
def test_whatever_the_compiler_raises_is_a_norwegian_refusal(failure, words):
    class Failing(LetterEnvironment):
        def from_string(self, *args, **kwargs):
            raise failure

    with pytest.raises(TemplateError) as info:
        compile_part(Failing(), "{{ x }}")
    assert_norwegian(info.value.message, words)
    assert info.value.__cause__ is None and info.value.__suppress_context__
