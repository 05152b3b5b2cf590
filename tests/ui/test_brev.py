"""The Brev og innlegg page through app.py: fill, preview, save and send; batches; the list."""

from __future__ import annotations

import io
import zipfile

import docx

from advocacy import texts
from advocacy.db import connect
from advocacy.ui.safe_text import md
from tests.ui.conftest import open_tab


def html_of(at) -> str:
    return " ".join(element.proto.body for element in at.get("html"))


def field(at, name, template="oppfolgingsbrev", prefix="ny"):
    key = f"{prefix}_{template}_{name}"
    try:
        return at.text_input(key=key)
    except KeyError:
        return at.text_area(key=key)


def test_form_lists_fields_and_what_is_missing(brev):
    at = brev("lokallag")
    assert field(at, "avsender_navn").value == "Per Lyngstad"  # from the acting user
    assert field(at, "organisasjon").value == "IOGT Drammen"
    captions = " ".join(c.value for c in at.caption)
    assert "Flettefelt i malen:" in captions and "`mottaker_navn`" in captions
    warning = at.warning[0].value
    assert warning.startswith("Mangler verdi:") and f"«{md('Mottakerens fulle navn')}»" in warning
    assert "mottaker_navn" not in warning  # the label, not the merge-field key
    assert "«Avsenderens fulle navn»" not in warning


def test_preview_then_mark_sent_keeps_the_docx(brev, db_path):
    at = brev("lokallag")
    field(at, "mottaker_navn").input("Åse Ødegård & <Co>")
    field(at, "kommune").input("Bø")
    field(at, "krav").input("færre skjenkesteder\nflere kontroller")
    at.run()
    preview = html_of(at)
    assert "Åse Ødegård &amp; &lt;Co&gt;" in preview
    assert "<li>færre skjenkesteder</li>" in preview
    at.button(key="ny_send").click().run()
    assert not at.exception and not at.error
    assert "markert som sendt" in at.success[0].value
    db = connect(db_path)
    row = db.execute("select status, docx, docx_filename, kind from documents "
                     "where status = 'sendt' and docx is not null").fetchone()
    db.close()
    assert row[0] == "sendt" and row[3] == "oppfolgingsbrev"
    assert row[2].endswith("_oppfolgingsbrev_bo_aase-odegaard-co.docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(row[1])).paragraphs)
    assert "Åse Ødegård & <Co>" in text


def test_jinja_error_shows_the_offending_text(brev, db_path):
    from advocacy.accounts import accounts
    from advocacy.demo import demo
    from advocacy.letters import template_library

    document = docx.Document()
    document.add_paragraph("Sum: {{ antall / 0 }}")
    buffer = io.BytesIO()
    document.save(buffer)
    db = connect(db_path)
    leader = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
    template_library.save_uploaded(db, leader, "Regnestykke", "annet", "regn.docx",
                                   buffer.getvalue())
    db.close()
    at = brev("leder")
    at.selectbox(key="ny_mal").select("Regnestykke").run()
    assert not at.exception
    assert at.error, "a template error is shown as a message"
    assert "Traceback" not in at.error[0].value
    assert any("antall / 0" in code.value for code in at.code)


def test_writing_group_only_gets_reader_letter_templates(brev):
    at = brev("skrivegruppe", tab="Nytt dokument")
    assert at.selectbox(key="ny_mal").options == ["Leserinnlegg"]
    open_tab(at, "Masseutsending")
    sources = at.radio(key="masse_kilde").options
    assert "Politikere vi har møtt i en periode" not in sources


def test_batch_for_every_ordforer_in_a_county(brev):
    at = brev("leder", tab="Masseutsending")
    at.selectbox(key="masse_mal").select("leserinnlegg").run()
    at.selectbox(key="masse_fylke").select("33").run()  # Buskerud: Drammen's demo ordfører
    at.text_input(key="masse_leserinnlegg_tittel").input("Kortere skjenketid & færre skader")
    at.text_area(key="masse_leserinnlegg_tekst").input("Vi ber dere holde fast ved kl. 02.")
    at.text_input(key="masse_leserinnlegg_organisasjon").input("IOGT Norge")
    at.run()
    at.checkbox(key="masse_lagre").check()
    at.button(key="masse_lag").click().run()
    assert not at.exception and not at.error
    assert "brev er klare" in at.success[-1].value
    name, data = at.session_state["masse_zip"]
    assert name.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names and all(n.endswith(".docx") for n in names)
        first = docx.Document(io.BytesIO(archive.read(names[0])))
    assert "Kortere skjenketid & færre skader" in "\n".join(p.text for p in first.paragraphs)
    assert at.get("download_button")


def test_document_list_offers_the_stored_copy(brev):
    at = brev("lokallag")
    field(at, "mottaker_navn").input("Kari Nordmann")
    at.run()
    at.button(key="ny_send").click().run()
    open_tab(at, "Dokumenter")
    table = at.dataframe[0].value  # the document list (the newspapers come after)
    assert "Sendt" in set(table["Status"])
    options = at.selectbox(key="dok_valgt").options
    sent = next(o for o in options if "Kari Nordmann" in o)
    at.selectbox(key="dok_valgt").select(sent).run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Last ned sendt versjon (.docx)" in labels


def test_recipient_is_searched_then_chosen_and_fills_the_letter(brev, db_path):
    at = brev("lokallag")
    db = connect(db_path)
    pid, name = db.execute(
        "select id, name from politicians where kommunenummer = '3301' order by id").fetchone()
    assert at.selectbox(key="ny_mottaker").options == ["–"]  # nothing listed before a search
    at.text_input(key="ny_mottaker_sok").input(name.split()[1]).run()
    at.selectbox(key="ny_mottaker").select(pid).run()
    assert not at.exception
    assert field(at, "mottaker_navn").value == name


def test_document_list_pages_with_counts_and_filters(brev, db_path):
    db = connect(db_path)
    total = db["documents"].count
    kind, of_kind = db.execute("select kind, count(*) from documents group by kind "
                               "order by count(*) desc limit 1").fetchone()
    db.close()
    at = brev("leder", tab="Dokumenter")
    found = [c.value for c in at.caption if " av " in c.value]
    assert f"1–{min(total, 50)} av {texts.format_number(total)} dokumenter" in found
    at.selectbox(key="dok_list_f_type").set_value(kind).run()
    assert not at.exception
    tables = [t.value for t in at.dataframe if "Tittel" in t.value.columns]
    assert len(tables[0]) == min(of_kind, 50)
    assert set(tables[0]["Type"]) == {texts.DOCUMENT_KINDS[kind]}
    at.text_input(key="dok_list_text").set_value("zqxwvyintetord").run()
    assert any("Ingen dokumenter passer" in c.value for c in at.caption)
