"""The «Innlegg» tab through app.py: start from a lever, the count and the limit warning, the
similarity warning, the argument bank, the pipeline moves, sending and publishing; the register."""

from __future__ import annotations

from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.writing import letter_sending

LONG = ("Skjenketid er helsepolitikk, og legevakten ser det hver helg. " * 60).strip()


def html_of(at) -> str:
    return " ".join(element.proto.body for element in at.get("html"))


def newest_letter(db_path):
    db = connect(db_path)
    row = db.execute("select id, status, body, newspaper_id from documents "
                     "where kind in ('leserinnlegg', 'kronikk') order by id desc").fetchone()
    db.close()
    return row


def create_from_lever(at, db_path):
    at.radio(key="innlegg_start").set_value("sak").run()
    at.selectbox(key="innlegg_kommune").set_value("3301").run()
    at.selectbox(key="innlegg_sak").set_value("skjenketid_gr12").run()
    at.button(key="innlegg_opprett").click().run()
    assert not at.exception and not at.error
    return newest_letter(db_path)[0]


def test_writer_starts_from_a_lever_with_the_municipalitys_facts(brev, db_path):
    at = brev("skrivegruppe")
    doc = create_from_lever(at, db_path)
    assert next(s for s in at.selectbox if s.label == "Velg innlegg").value == doc
    assert "Innlegget er opprettet." in [s.value for s in at.success]
    text = at.text_area(key=f"innlegg_tekst_{doc}").value
    assert "i Drammen er det i dag" in text and "02:00" in text
    assert at.text_input(key=f"innlegg_sig_avsender_navn_{doc}").value == "Siri Aasen"
    assert "Siri Aasen, skribent, Trondheim" in [m.value.strip("*") for m in at.markdown]


def test_count_and_warning_over_the_papers_limit(brev, db_path):
    at = brev("skrivegruppe")
    doc = create_from_lever(at, db_path)
    paper = connect(db_path).execute(
        "select id from newspapers where name = 'Drammenspressen'").fetchone()[0]
    at.selectbox(key=f"innlegg_avis_{doc}").set_value(paper).run()
    at.text_area(key=f"innlegg_tekst_{doc}").input(LONG).run()
    assert not at.exception
    assert 'data-over="1"' in html_of(at) and "tegn for mye</div>" in html_of(at)
    assert "av 2\xa0500 tegn inkl. mellomrom" in html_of(at)
    assert any("For langt for Drammenspressen" in w.value for w in at.warning)
    at.text_area(key=f"innlegg_tekst_{doc}").input("Kort og godt.").run()
    assert 'data-over="0"' in html_of(at) and "tegn for mye</div>" not in html_of(at)
    assert not any("For langt" in w.value for w in at.warning)
    at.button(key=f"innlegg_lagre_{doc}").click().run()
    assert newest_letter(db_path)[2] == "Kort og godt."


def test_similarity_warning_names_the_sent_letter(brev, db_path):
    at = brev("skrivegruppe")
    doc = create_from_lever(at, db_path)
    demo_text = connect(db_path).execute(
        "select body from documents where title = 'Trygg natt i Oslo'").fetchone()[0]
    at.text_area(key=f"innlegg_tekst_{doc}").input(demo_text + " Takk.").run()
    warnings = [w.value for w in at.warning if "svært lik" in w.value]
    assert warnings and "Trygg natt i Oslo" in warnings[0] and "Oslo Lokalavis" in warnings[0]


def test_insert_a_paragraph_from_the_argument_bank(brev, db_path):
    at = brev("skrivegruppe")
    doc = create_from_lever(at, db_path)
    at.button(key=f"innlegg_sett_inn_{doc}").click().run()
    text = at.text_area(key=f"innlegg_tekst_{doc}").value
    chosen = at.selectbox(key=f"innlegg_argument_{doc}")
    assert not at.exception and chosen.value
    body = connect(db_path).execute("select body from arguments where id = ?",
                                    [chosen.value]).fetchone()[0]
    assert body in text and text.rstrip().endswith("[Kilde for tallene, sjekk før innsending: "
                                                   "Demodata – oppdiktet kilde]") is False


def test_leader_approves_sends_and_records_publication(brev, db_path):
    at = brev("leder", tab="Innlegg")
    doc = create_from_lever(at, db_path)
    at.text_area(key=f"innlegg_tekst_{doc}").input(LONG).run()
    at.button(key=f"innlegg_flytt_til_vurdering_{doc}").click().run()
    at.button(key=f"innlegg_flytt_godkjent_{doc}").click().run()
    assert newest_letter(db_path)[1] == "godkjent"
    paper = connect(db_path).execute(
        "select id from newspapers where name = 'Drammenspressen'").fetchone()[0]
    at.selectbox(key=f"innlegg_send_avis_{doc}").set_value(paper).run()
    at.button(key=f"innlegg_send_{doc}").click().run()
    assert any("for langt for Drammenspressen" in e.value for e in at.error)
    assert newest_letter(db_path)[1] == "godkjent"
    at.button(key=f"innlegg_flytt_utkast_{doc}").click().run()
    at.text_area(key=f"innlegg_tekst_{doc}").input(LONG[:1500]).run()
    at.button(key=f"innlegg_flytt_til_vurdering_{doc}").click().run()
    at.button(key=f"innlegg_flytt_godkjent_{doc}").click().run()
    at.selectbox(key=f"innlegg_send_avis_{doc}").set_value(paper).run()
    at.button(key=f"innlegg_send_{doc}").click().run()
    assert not at.error, [e.value for e in at.error]
    # Sending asks first; confirming (the dialog's own rerun) is exercised in the browser.
    assert any(m.value.startswith("Marker innlegget som sendt til Drammenspressen")
               for m in at.markdown)
    assert newest_letter(db_path)[1] == "godkjent"
    db = connect(db_path)
    leader = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
    letter_sending.send(db, leader, doc, paper)
    at.run()
    assert newest_letter(db_path)[1] == "sendt"
    at.radio(key=f"innlegg_svar_{doc}").set_value("publisert").run()
    at.text_input(key=f"innlegg_svar_lenke_{doc}").input("https://drammenspressen.example.org/x")
    at.button(key=f"innlegg_svar_lagre_{doc}").click().run()
    assert not at.error
    assert any(m.value.startswith("Registrere at avisen svarte «publisert»") for m in at.markdown)
    assert newest_letter(db_path)[1] == "sendt"
    letter_sending.record_answer(db, leader, doc, "publisert",
                                 link="https://drammenspressen.example.org/x")
    row = db.execute("select status, link, published_on, docx is not null from documents "
                     "where id = ?", [doc]).fetchone()
    moves = db.execute("select to_status from letter_history where document_id = ? order by id",
                       [doc]).fetchall()
    db.close()
    assert row[0] == "publisert" and row[1] == "https://drammenspressen.example.org/x" and row[3]
    assert [m[0] for m in moves] == ["utkast", "til_vurdering", "godkjent", "utkast",
                                     "til_vurdering", "godkjent", "sendt", "publisert"]


def test_writer_cannot_approve_and_sees_no_register_editing(brev):
    at = brev("skrivegruppe")
    keys = [b.key for b in at.button]
    assert not any(k and k.startswith("innlegg_flytt_godkjent") for k in keys)
    assert "avis_valgt" not in [s.key for s in at.selectbox]


def test_leader_edits_the_newspapers_register(brev, db_path):
    at = brev("leder", tab="Aviser")
    assert at.selectbox(key="avis_valgt").value == 0  # «Ny avis»
    at.text_input[[t.label for t in at.text_input].index("Navn")].input("Hardanger Folkeblad")
    at.text_input[[t.label for t in at.text_input].index(
        "E-post til debattredaksjonen")].input("ikke-en-adresse")
    submit = next(b for b in at.button if b.label == "Lagre avisen")
    submit.click().run()
    assert any("gyldig e-postadresse" in e.value for e in at.error)
    at.text_input[[t.label for t in at.text_input].index(
        "E-post til debattredaksjonen")].input("debatt@hf.example.org")
    next(b for b in at.button if b.label == "Lagre avisen").click().run()
    assert not at.error
    db = connect(db_path)
    assert db.execute("select email from newspapers where name = 'Hardanger Folkeblad'"
                      ).fetchone()[0] == "debatt@hf.example.org"
    db.close()
