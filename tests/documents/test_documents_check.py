"""The full check of an uploaded template, as the upload page and the CLI use it."""

from __future__ import annotations

import pytest

from advocacy.documents import (
    BUNDLED,
    SandboxViolation,
    TemplateReport,
    UploadRefused,
    check_template,
    check_template_cli,
)


def test_good_template_lists_its_fields():
    path = BUNDLED["uttalelse"].path
    report = check_template(path.name, path.read_bytes())
    assert isinstance(report, TemplateReport)
    assert report.fields == sorted(field.name for field in BUNDLED["uttalelse"].fields)
    assert report.warnings == []


def test_cli_accepts_a_good_template():
    code, lines = check_template_cli(BUNDLED["oppfolgingsbrev"].path)
    assert code == 0
    assert lines[0] == "Godkjent: oppfolgingsbrev.docx"
    assert "  {{ mottaker_navn }}" in lines


def test_cli_refuses_a_hostile_template(make_docx):
    code, lines = check_template_cli(make_docx(["{{ ''.__class__.__mro__ }}"], name="ond.docx"))
    assert code == 1
    assert lines[0] == "Avvist: ond.docx"
    assert "sikkerhetshensyn" in lines[1]


def test_cli_refuses_a_non_docx(tmp_path):
    path = tmp_path / "brev.docx"
    path.write_text("ikke word")
    code, lines = check_template_cli(path)
    assert code == 1 and "ikke et Word-dokument" in lines[1]


def test_cli_missing_file(tmp_path):
    code, lines = check_template_cli(tmp_path / "finnes-ikke.docx")
    assert code == 1 and "Fant ikke filen" in lines[0]


def test_runtime_sandbox_violation_is_refused(make_docx):
    path = make_docx(["{{ [tittel]|map(attribute='__class__')|list }}"])
    with pytest.raises(SandboxViolation):
        check_template(path.name, path.read_bytes())


def test_template_broken_only_with_samples_gets_a_warning(make_docx):
    path = make_docx(["{{ tittel.a.b }}"])
    report = check_template(path.name, path.read_bytes())
    assert report.fields == ["tittel"]
    assert report.warnings and "Prøveutfylling" in report.warnings[0]


def test_upload_refusal_comes_first(make_docx):
    path = make_docx(["Hei"])
    with pytest.raises(UploadRefused):
        check_template("mal.docm", path.read_bytes())
