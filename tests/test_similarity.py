"""Near-identical letters are found among those already sent; different ones are not."""

import random

from advocacy.db import write
from advocacy.writing import letter_sending, newspapers, reader_letters, similarity
from tests.conftest import statements_run

BASE = ("Når bystyret i Drammen nå skal vurdere skjenketidene, ber vi dem se på tallene fra "
        "legevakten. De fleste voldsskadene i sentrum skjer etter klokka ett om natta. "
        "Forskning fra norske byer viser at hver ekstra time gir flere voldssaker. Derfor ber "
        "vi bystyret om å holde fast ved klokka 02 som siste skjenketid.")
EDITED = BASE.replace("Drammen", "Bergen").replace("bystyret", "byrådet")
OTHER = ("Ungdom trenger møteplasser uten alkohol. Ungdata viser at de fleste unge ikke drikker, "
         "men de mangler steder å være om kvelden. Åpne ungdomshuset i helgene.")


def test_scores():
    assert similarity.compare(BASE, BASE) == (1.0, 1.0)
    jaccard, _ = similarity.compare(BASE, EDITED)
    assert 0.5 <= jaccard < 1.0
    assert similarity.compare(BASE, OTHER)[0] < 0.05
    contained = similarity.compare(BASE, BASE + " " + OTHER + " " + OTHER.upper())
    assert contained[1] == 1.0 and contained[0] < 0.8
    assert similarity.shingles("Hei, hei!") == {"hei hei"}


def test_warns_about_a_sent_letter_and_names_it(people):
    db, writer = people.db, people.writer
    paper = newspapers.save_newspaper(db, people.leader, {"name": "Elvebyen", "area": "Drammen"})
    doc = reader_letters.new_letter(db, writer, title="Skjenketid og legevakt", text=BASE)
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, people.leader, doc, "godkjent")
    assert similarity.similar_letters(db, EDITED) == []  # not sent yet: nothing to warn about
    letter_sending.send(db, writer, doc, paper)
    matches = reader_letters.similar_sent(db, None, EDITED)
    assert [(m.document_id, m.title, m.status, m.newspaper, m.author) for m in matches] == [
        (doc, "Skjenketid og legevakt", "sendt", "Elvebyen", "Siv Skriver")]
    assert 0.5 <= matches[0].score < 1
    assert reader_letters.similar_sent(db, None, OTHER) == []
    # A new version of the same letter is not a form letter of itself.
    version = reader_letters.new_version(db, writer, doc)
    assert doc not in [m.document_id for m in reader_letters.similar_sent(db, version, BASE)]


def test_fast_for_thousands_of_letters(db):
    words = ("skjenketid vold legevakt bystyret kontroller ungdom arena plan kommune alkohol "
             "helse trygghet natt sentrum forskning tall krav politikk frivillige barn").split()
    db.execute("insert into users (username, full_name, role, password_hash) "
               "values ('x', 'X', 'leder', 'x')")
    rng = random.Random(6)
    rows = []
    for n in range(3000):
        text = " ".join(rng.choice(words) for _ in range(350))
        rows.append({"id": n + 1, "kind": "leserinnlegg", "title": f"Brev {n}", "body": text,
                     "status": "sendt", "fields": "{}"})
    db["documents"].insert_all(rows)
    with write(db):  # as sending does: inside the caller's write transaction
        for row in rows:
            similarity.index_letter(db, row["id"], row["body"])
    with statements_run(db) as said:
        matches = similarity.similar_letters(db, rows[1234]["body"])
    assert [(m.document_id, m.jaccard) for m in matches] == [(1235, 1.0)]
    # Fast because of the work it does not do: one look-up of the sampled hashes through their
    # index, then the full text of the few best candidates only, never of the other letters.
    queries = [s for s in said if not s.startswith(("SAVEPOINT", "RELEASE"))]
    assert len(queries) <= 1 + similarity.CANDIDATES
    lookup, *read = queries
    assert "from letter_shingles" in lookup and "documents" not in lookup
    plan = " ".join(row[3] for row in db.execute("explain query plan " + lookup))
    assert "INDEX letter_shingles_hash" in plan, plan
    assert read and all("from documents d" in s and "where d.id = " in s for s in read)
    assert read[0].endswith("where d.id = 1235")
