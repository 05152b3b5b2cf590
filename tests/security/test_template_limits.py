"""Hostile templates are stopped by hard limits outside the sandbox and refused in Norwegian.

Each template is built here as a real .docx (python-docx) whose paragraphs hold the Jinja code.
A short limit (ADVOCACY_TEMPLATE_SECONDS) keeps the suite quick; each case asserts the refusal,
the message, that it came within the limit, that nothing was written and that the next normal
letter is made (the stopped worker was replaced).
"""

from __future__ import annotations

import hashlib
import io
import pickle
import re
import sys
import time

import docx
import pytest

from advocacy.documents import (
    BUNDLED,
    MissingFields,
    PreparedTemplate,
    SandboxViolation,
    TemplateError,
    UnsafeContext,
    check_template_cli,
    render_batch,
    to_html,
)
from advocacy.documents.errors import TemplateLimitExceeded
from advocacy.errors import AdvocacyError
from advocacy.letters import template_library
from tests.test_cli import run
from tests.ui.conftest import brev  # noqa: F401 - the Brev og innlegg page as a fixture

LIMIT = 1.0
SLACK = 6.0  # start-up of a worker and a busy machine
REFUSED = "Malen bruker for mye tid/minne"
THREE_LOOPS = ("{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
               "x{% endfor %}{% endfor %}{% endfor %}")
SPIN = ("{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
        "{% endfor %}{% endfor %}{% endfor %}")

HOSTILE = {
    "tre-lokker": [THREE_LOOPS],
    "makro": ["{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}",
              "{{ f(60) }}"],
    "topptekst": {"paragraphs": ["Hei {{ navn }}"], "header": THREE_LOOPS},
    "center": ["{{ 'x'|center(300000000) }}"],
    "format": ["{{ '%0300000000d'|format(1) }}"],
    "join": ["{% for i in range(1000) %}{{ range(1000)|join('y' * 100000) }}{% endfor %}"],
    "dobling": ["{% set x = 'x' * 100000 %}{% for i in range(1000) %}{% set y = x ~ x %}"
                "{% set z = y ~ y %}{{ z ~ z }}{% endfor %}"],
}


# Widths the sandbox caps itself (sandbox.py) may be refused there first, with its own reason.
CAPPED_IN_THE_SANDBOX = {"center", "format"}
# Builds a string of some 500 MB and prints only its length: no output cap, no width, no `~`.
MEMORY_HOG = ("{% set s = range(1000)|join('y' * 100000) %}{% set t = [s, s, s, s]|join(s) %}"
              "{{ t|length }}")


@pytest.fixture(autouse=True)
def short_limit(monkeypatch):
    monkeypatch.setenv("ADVOCACY_TEMPLATE_SECONDS", str(LIMIT))


def make_docx(paragraphs, header=None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def hostile(name: str) -> bytes:
    spec = HOSTILE[name]
    if isinstance(spec, dict):
        return make_docx(spec["paragraphs"], header=spec["header"])
    return make_docx(spec)


def assert_refused(exc: AdvocacyError, started: float) -> None:
    assert isinstance(exc, TemplateLimitExceeded)
    assert REFUSED in exc.message
    assert "Traceback" not in exc.message and "Error" not in exc.message
    assert time.monotonic() - started < LIMIT + SLACK


def assert_normal_letter_works() -> None:
    template = BUNDLED["oppfolgingsbrev"]
    data = PreparedTemplate(template.path).render(template.sample_context())
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert template.sample_context()["mottaker_navn"] in text


def template_rows(db) -> list:
    return db.execute("select id, name, sha256 from templates order by id").fetchall()


@pytest.fixture
def library(people):
    """`people` with one good template of the leader's, uploaded from a literal .docx."""
    good = make_docx(["Hei {{ mottaker_navn }}"])
    template_library.save_uploaded(people.db, people.leader, "Egen mal", "annet", "egen.docx", good)
    return [(1, "Egen mal", hashlib.sha256(good).hexdigest())]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_upload_is_stopped_refused_and_not_stored(name, people, library):
    assert template_rows(people.db) == library
    started = time.monotonic()
    with pytest.raises(TemplateError) as info:
        template_library.save_uploaded(people.db, people.leader, f"Farlig {name}", "annet",
                                       f"{name}.docx", hostile(name))
    if name in CAPPED_IN_THE_SANDBOX and not isinstance(info.value, TemplateLimitExceeded):
        assert info.value.message and "Traceback" not in info.value.message
    else:
        assert_refused(info.value, started)
    assert template_rows(people.db) == library
    assert_normal_letter_works()


@pytest.mark.parametrize("name", ["tre-lokker", "join"])
def test_check_template_cli_refuses_with_the_same_words(name, tmp_path):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(hostile(name))
    started = time.monotonic()
    code, lines = check_template_cli(path)
    assert code == 1
    assert lines[0] == f"Avvist: {name}.docx"
    assert REFUSED in lines[1]
    assert time.monotonic() - started < LIMIT + SLACK


def test_check_template_command_is_stopped_in_a_real_process(tmp_path):
    path = tmp_path / "makro.docx"
    path.write_bytes(hostile("makro"))
    started = time.monotonic()
    result = run("check-template", str(path), env={"ADVOCACY_TEMPLATE_SECONDS": str(LIMIT)})
    assert result.returncode == 1
    assert REFUSED in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert time.monotonic() - started < LIMIT + SLACK + 5  # plus the interpreter's start


def test_page_and_command_line_give_the_same_verdict(tmp_path):
    """The Maler page calls template_library.check_upload, the CLI check_template_cli: both
    reach check.check_template, so the same file gets the same verdict and the same words."""
    files = {
        "god.docx": BUNDLED["leserinnlegg"].path.read_bytes(),
        "feil.docx": make_docx(["{% if x %}uten slutt"]),
        "forbudt.docx": make_docx(["{{ ''.__class__ }}"]),
        "ikke-word.docx": b"dette er ikke en zip",
        "lokker.docx": hostile("tre-lokker"),
    }
    for filename, data in files.items():
        path = tmp_path / filename
        path.write_bytes(data)
        code, lines = check_template_cli(path)
        try:
            report = template_library.check_upload(filename, data)
        except AdvocacyError as exc:
            assert code == 1, filename
            assert lines == [f"Avvist: {filename}", exc.message]
        else:
            assert code == 0, filename
            assert lines[0] == f"Godkjent: {report.filename}"
            assert [line.strip() for line in lines[2:2 + len(report.fields)]] == [
                f"{{{{ {field} }}}}" for field in report.fields]
    assert "Godkjent" in check_template_cli(tmp_path / "god.docx")[1][0]
    assert REFUSED in check_template_cli(tmp_path / "lokker.docx")[1][1]


RUNS_AWAY_FOR_BERGEN = make_docx([
    "Kjære {{ mottaker_navn }} i {{ kommune }}",
    "{% if kommune == 'Bergen' %}" + SPIN + "{% endif %}",
])


def test_a_fill_that_runs_away_is_stopped_and_the_next_one_works():
    prepared = PreparedTemplate(RUNS_AWAY_FOR_BERGEN, filename="bergen.docx")
    ok = prepared.render({"mottaker_navn": "Kari", "kommune": "Oslo"})
    assert "Kjære Kari i Oslo" in docx.Document(io.BytesIO(ok)).paragraphs[0].text
    started = time.monotonic()
    with pytest.raises(TemplateLimitExceeded) as info:
        prepared.render({"mottaker_navn": "Kari", "kommune": "Bergen"})
    assert_refused(info.value, started)
    again = prepared.render({"mottaker_navn": "Per", "kommune": "Oslo"})
    assert "Kjære Per i Oslo" in docx.Document(io.BytesIO(again)).paragraphs[0].text


def test_a_batch_stops_at_the_recipient_it_runs_away_for():
    contexts = [{"mottaker_navn": "Kari Nordmann", "kommune": "Oslo"},
                {"mottaker_navn": "Per Hansen", "kommune": "Drammen"},
                {"mottaker_navn": "Åse Vik", "kommune": "Bergen"},
                {"mottaker_navn": "Ola Dahl", "kommune": "Tromsø"}]
    progress = []
    started = time.monotonic()
    with pytest.raises(TemplateLimitExceeded) as info:
        render_batch(RUNS_AWAY_FOR_BERGEN, contexts, lambda c: "brev.docx",
                     progress=lambda done, total: progress.append((done, total)))
    assert_refused(info.value, started)
    assert info.value.message.startswith(f"Brev nr. 3 (Åse Vik, Bergen): {REFUSED}")
    assert progress == [(1, 4), (2, 4)]
    data = render_batch(RUNS_AWAY_FOR_BERGEN, [contexts[0], contexts[3]], lambda c: "brev.docx")
    assert data[:2] == b"PK"


def test_letters_command_names_the_recipient_and_writes_nothing(tmp_path):
    template = tmp_path / "bergen.docx"
    template.write_bytes(RUNS_AWAY_FOR_BERGEN)
    recipients = tmp_path / "mottakere.csv"
    recipients.write_text("navn;kommune\nKari Nordmann;Oslo\nÅse Vik;Bergen\nOla Dahl;Tromsø\n",
                          encoding="utf-8")
    out = tmp_path / "brev.zip"
    result = run("letters", "--template", str(template), "--recipients", str(recipients),
                 "--out", str(out), env={"ADVOCACY_TEMPLATE_SECONDS": str(LIMIT)})
    assert result.returncode == 1
    assert f"Brev nr. 2 (Åse Vik, Bergen): {REFUSED}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()


def test_page_batch_names_the_recipient_and_keeps_nothing(brev, db_path, leader_of_app):  # noqa: F811
    leader_of_app(RUNS_AWAY_FOR_BERGEN)
    at = brev("leder", tab="Masseutsending")
    at.selectbox(key="masse_mal").select("Bergen-mal").run()
    at.radio(key="masse_kilde").set_value("motte").run()
    assert not at.exception and not at.error
    assert "Bergen" in " ".join(c.value for c in at.caption)
    from advocacy.db import connect

    db = connect(db_path)
    documents = db.execute("select count(*) from documents").fetchone()[0]
    at.checkbox(key="masse_lagre").check()
    at.button(key="masse_lag").click().run(timeout=LIMIT + 30)
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(re.match(rf"Brev nr\. \d+ \([^)]*Bergen\): {REFUSED}", e) for e in errors), errors
    assert "masse_zip" not in at.session_state
    assert db.execute("select count(*) from documents").fetchone()[0] == documents
    db.close()


def test_page_preview_is_stopped_and_the_next_keystroke_previews(brev, leader_of_app):  # noqa: F811
    leader_of_app(RUNS_AWAY_FOR_BERGEN)
    at = brev("leder")
    at.selectbox(key="ny_mal").select("Bergen-mal").run()
    at.text_input(key="ny_Bergen-mal_mottaker_navn").input("Åse Vik")
    at.text_input(key="ny_Bergen-mal_kommune").input("Bergen")
    started = time.monotonic()
    at.run(timeout=LIMIT + 30)
    assert not at.exception
    assert any(REFUSED in e.value for e in at.error), [e.value for e in at.error]
    assert time.monotonic() - started < LIMIT + SLACK + 5  # plus the page itself
    at.text_input(key="ny_Bergen-mal_kommune").input("Oslo")
    at.run()
    assert not at.exception and not at.error
    html = " ".join(element.proto.body for element in at.get("html"))
    assert "Kjære Åse Vik i Oslo" in html


@pytest.fixture
def leader_of_app(db_path, app):
    """Store an uploaded template «Bergen-mal» in the app's database (it passes the check:
    with the sample values it does not run away)."""
    from advocacy.accounts import accounts
    from advocacy.db import connect
    from advocacy.demo import demo

    def upload(data: bytes) -> None:
        db = connect(db_path)
        user = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
        template_library.save_uploaded(db, user, "Bergen-mal", "annet", "bergen.docx", data)
        db.close()

    return upload


def test_a_preview_that_takes_too_long_is_stopped(monkeypatch):
    """60,000 short paragraphs stay under the output cap, but mammoth needs many seconds for
    them: the preview's conversion is bounded like the fill. (The fill that makes them is
    given time of its own: on a busy machine it alone can take the default limit.)"""
    monkeypatch.setenv("ADVOCACY_TEMPLATE_SECONDS", "60")
    many = PreparedTemplate(make_docx([
        "{%p for i in range(1000) %}", "{%p for j in range(60) %}", "Avsnitt {{ i }}.{{ j }}",
        "{%p endfor %}", "{%p endfor %}"])).render({})
    monkeypatch.setenv("ADVOCACY_TEMPLATE_SECONDS", str(LIMIT))
    started = time.monotonic()
    with pytest.raises(TemplateLimitExceeded) as info:
        to_html(many)
    assert_refused(info.value, started)
    template = BUNDLED["leserinnlegg"]
    html = to_html(PreparedTemplate(template.path).render(template.sample_context()))
    assert "pavirk-page" in html


def test_memory_limit_is_a_refusal(monkeypatch):
    monkeypatch.setenv("ADVOCACY_TEMPLATE_MEMORY_MB", "300")
    monkeypatch.setenv("ADVOCACY_TEMPLATE_SECONDS", "20")
    started = time.monotonic()
    with pytest.raises(TemplateLimitExceeded) as info:
        PreparedTemplate(make_docx([MEMORY_HOG])).render({})
    assert REFUSED in info.value.message and "300 MB" in info.value.message
    assert time.monotonic() - started < 20
    monkeypatch.delenv("ADVOCACY_TEMPLATE_MEMORY_MB")
    assert_normal_letter_works()


def test_output_limit_is_a_refusal(monkeypatch):
    monkeypatch.setenv("ADVOCACY_TEMPLATE_OUTPUT_MB", "1")
    with pytest.raises(TemplateLimitExceeded) as info:
        PreparedTemplate(make_docx(["{{ 'x' * 100000 }}"] * 20)).render({})
    assert REFUSED in info.value.message and "1 MB" in info.value.message
    fine = PreparedTemplate(make_docx(["{{ 'x' * 100000 }}"] * 5)).render({})
    assert len(fine) > 0
    six = "{{ 'x' * 100000 }}" * 6  # 600,000 characters in the header and as many in the body
    with pytest.raises(TemplateLimitExceeded):
        PreparedTemplate(make_docx([six], header=six)).render({})
    assert PreparedTemplate(make_docx([six])).render({})[:2] == b"PK"


def test_refusals_cross_the_process_boundary_whole():
    for error in (TemplateError("Feil", excerpt="avsnitt", detail="teknisk"),
                  MissingFields(["b", "a"]), UnsafeContext("Ikke tekst", path="krav[2]"),
                  TemplateLimitExceeded(f"{REFUSED}: stoppet", detail="x")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert copy.__dict__ == error.__dict__ and str(copy) == str(error)
    with pytest.raises(MissingFields) as info:
        PreparedTemplate(make_docx(["{{ a }} {{ b }}"])).render({})
    assert info.value.fields == ["a", "b"]
    with pytest.raises(SandboxViolation) as info:  # raised in the worker, arrives as itself
        PreparedTemplate(make_docx(["Tekst", "{{ x|attr('upper') }}"]))
    assert info.value.excerpt


def test_a_killed_worker_process_is_replaced():
    from advocacy.documents import worker

    prepared = PreparedTemplate(BUNDLED["leserinnlegg"].path)
    prepared.render(BUNDLED["leserinnlegg"].sample_context())
    pids = {w.process.pid for w in worker._POOL._idle}
    for w in list(worker._POOL._idle):
        w.process.kill()
        w.process.join()
    data = prepared.render(BUNDLED["leserinnlegg"].sample_context())
    assert data[:2] == b"PK"
    assert pids.isdisjoint(w.process.pid for w in worker._POOL._idle)


def test_worker_runs_at_lower_priority():
    from advocacy.documents import worker

    PreparedTemplate(BUNDLED["leserinnlegg"].path)
    pid = worker._POOL._idle[0].process.pid
    stat = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    assert int(stat[16]) >= 10  # the nice value


def test_the_cpu_limit_stops_a_worker_the_caller_would_wait_longer_for():
    """RLIMIT_CPU is the backstop behind the caller's timeout: a worker left to run is killed
    by the kernel (SIGXCPU) once it has used its budget, and that too reads as a refusal."""
    import signal

    from advocacy.documents import worker
    from advocacy.documents.limits import Limits

    data = make_docx([SPIN])  # pure CPU, no output: no other cap can stop it before the kernel
    spinning = worker._Worker()
    try:
        spinning.send(("check", Limits(seconds=1, memory_mb=1024, output_mb=10),
                       ("0" * 64, "lokker.docx", data)))
        with pytest.raises(TemplateLimitExceeded) as info:
            spinning.receive(time.monotonic() + 60, 1)
        assert REFUSED in info.value.message
        assert spinning.process.exitcode == -signal.SIGXCPU
    finally:
        spinning.kill()


def test_warm_starts_a_worker_in_the_background():
    from advocacy.documents import worker

    for idle in list(worker._POOL._idle):
        idle.process.kill()
        idle.process.join()
    worker.warm()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if any(w.process.is_alive() for w in worker._POOL._idle):
            break
        time.sleep(0.1)
    assert any(w.process.is_alive() for w in worker._POOL._idle)


def test_a_worker_does_not_run_the_callers_main_script_again(tmp_path):
    """multiprocessing would re-run the parent's main script in each worker (for a Streamlit
    server: Streamlit itself); ours starts without it."""
    from advocacy.db import ROOT

    script = tmp_path / "main_script.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "print('main script ran', flush=True)\n"
        "from advocacy.documents import BUNDLED, PreparedTemplate\n"
        "template = BUNDLED['leserinnlegg']\n"
        "PreparedTemplate(template.path).render(template.sample_context())\n"
        "print('letter made', flush=True)\n", encoding="utf-8")
    import subprocess

    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("main script ran") == 1
    assert "letter made" in result.stdout
