"""`python -m advocacy letters` and `check-template` as a user runs them: real processes."""

from __future__ import annotations

import io
import zipfile

import docx

from advocacy.documents import BUNDLED
from tests.test_cli import run

HEADINGS = ("navn;rolle;kommune;motedato;tema;deltakere;droftet;avtalt;krav;neste_steg;"
            "avsender_navn;avsender_rolle;organisasjon;avsender_telefon;avsender_epost;sted")


def recipients_csv(tmp_path, *rows: str, encoding="utf-8-sig"):
    path = tmp_path / "mottakere.csv"
    path.write_bytes("\n".join([HEADINGS, *rows]).encode(encoding))
    return path


ROW_1 = ("Åse Ødegård;ordfører;Bø;12.03.2026;skjenketider;Åse & Per;Vi drøftet <tider>;"
         "sender vi tallene;færre skjenkesteder|flere kontroller;Ny runde i april;"
         "Kari Nordmann;leder;IOGT Bø;912 34 567;kari@example.org;Bø")
ROW_2 = ("Per Hansen;varaordfører;Ås;2026-03-13;kontroller;Per;Vi drøftet kontroller;"
         "sender vi rapporten;flere kontroller;Møte i mai;"
         "Kari Nordmann;leder;IOGT Ås;912 34 567;kari@example.org;Ås")


def test_letters_writes_one_docx_per_row(tmp_path):
    out = tmp_path / "brev.zip"
    result = run("letters", "--template", "oppfolgingsbrev",
                 "--recipients", str(recipients_csv(tmp_path, ROW_1, ROW_2)), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "2 brev er lagret" in result.stdout
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert len(names) == 2
        assert names[0].endswith("_oppfolgingsbrev_bo_aase-odegaard.docx")
        assert names[1].endswith("_oppfolgingsbrev_aas_per-hansen.docx")
        texts = ["\n".join(p.text for p in docx.Document(io.BytesIO(archive.read(n))).paragraphs)
                 for n in names]
    assert "Åse Ødegård" in texts[0] and "Vi drøftet <tider>" in texts[0]
    assert "12. mars 2026" in texts[0] and "flere kontroller" in texts[0]
    assert "{{" not in texts[0] and "{%" not in texts[0]
    assert "Per Hansen" in texts[1] and "13. mars 2026" in texts[1]


def test_letters_refuses_bad_rows_and_writes_nothing(tmp_path):
    out = tmp_path / "brev.zip"
    bad = ROW_2.replace("2026-03-13", "13/13/2026").replace("Per Hansen", "")
    result = run("letters", "--template", "oppfolgingsbrev",
                 "--recipients", str(recipients_csv(tmp_path, ROW_1, bad)), "--out", str(out))
    assert result.returncode == 1
    assert "Rad 3, kolonne «navn»" in result.stderr
    assert "Rad 3, kolonne «motedato»: «13/13/2026» er ikke en gyldig dato" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_letters_reports_missing_columns(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("navn;kommune\nKari;Bø\n", encoding="utf-8")
    out = tmp_path / "brev.zip"
    result = run("letters", "--template", "leserinnlegg", "--recipients", str(path),
                 "--out", str(out))
    assert result.returncode == 1
    assert "mangler en kolonne for flettefeltet «tittel»" in result.stderr
    assert not out.exists()


def test_letters_unknown_template(tmp_path):
    result = run("letters", "--template", "finnes-ikke", "--recipients",
                 str(recipients_csv(tmp_path, ROW_1)), "--out", str(tmp_path / "x.zip"),
                 "--db", str(tmp_path / "ingen.db"))
    assert result.returncode == 1 and result.stderr.startswith("Feil: ")


def test_check_template_good_and_hostile(tmp_path):
    good = run("check-template", str(BUNDLED["uttalelse"].path))
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines()[0] == "Godkjent: uttalelse.docx"
    assert "  {{ vedtatt_av }}" in good.stdout.splitlines()
    document = docx.Document()
    document.add_paragraph("{{ mottaker_navn.__class__.__init__.__globals__ }}")
    hostile = tmp_path / "ond.docx"
    document.save(hostile)
    bad = run("check-template", str(hostile))
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[0] == "Avvist: ond.docx"
    assert "Traceback" not in bad.stderr
