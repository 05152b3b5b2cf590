"""Is this draft nearly the same as a letter already sent? Papers refuse form letters.

Texts are compared as sets of word 3-shingles (three consecutive words, lower case, punctuation
dropped), and the similarity is their Jaccard index: shared shingles / all shingles. Rewording a
sentence changes only the shingles that touch it, so small edits keep a high score and a new
letter on the same topic stays low. Containment (the share of the draft found in the other
letter) is reported too: a copied letter with one extra paragraph has a lower Jaccard but a high
containment.

Speed for thousands of letters: when a letter is sent its shingle hashes are stored, but only a
fixed sample of them (hashes divisible by SAMPLE; the same shingle is always sampled or never,
so two texts' samples are comparable). Candidates are found through the index on the hash
(``letter_shingles_hash``) without reading any other letter, and only the few best candidates
are compared exactly on their full text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import regex
import sqlite_utils

SHINGLE = 3
SAMPLE = 4
WARN_AT = 0.5
CONTAINED_AT = 0.7
CANDIDATES = 5
SENT = ("sendt", "publisert", "refusert", "ingen_svar")
_WORDS = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True)
class Match:
    document_id: int
    title: str
    status: str
    newspaper: str | None
    author: str | None
    sent_on: str | None
    jaccard: float
    containment: float

    @property
    def score(self) -> float:
        return max(self.jaccard, self.containment)


def words(text: str | None) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text or "")]


def shingles(text: str | None) -> set[str]:
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big",
                          signed=True)


def sampled(text: str | None) -> set[int]:
    return {h for h in map(_hash, shingles(text)) if h % SAMPLE == 0}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def compare(a: str | None, b: str | None) -> tuple[float, float]:
    """(Jaccard, containment of a in b) of two texts' shingles."""
    sa, sb = shingles(a), shingles(b)
    return jaccard(sa, sb), (len(sa & sb) / len(sa) if sa else 0.0)


def index_letter(db: sqlite_utils.Database, document_id: int, text: str | None) -> None:
    """Store a sent letter's sampled shingles (inside the caller's write transaction)."""
    hashes = sampled(text)
    db.execute("delete from letter_shingles where document_id = ?", [document_id])
    db.conn.executemany("insert or ignore into letter_shingles (document_id, hash) values (?, ?)",
                        [(document_id, h) for h in hashes])
    db.execute("""insert into letter_fingerprints (document_id, sampled) values (?, ?)
                  on conflict (document_id) do update set sampled = excluded.sampled""",
               [document_id, len(hashes)])


def similar_letters(
    db: sqlite_utils.Database,
    text: str | None,
    *,
    exclude: Iterable[int] = (),
    threshold: float = WARN_AT,
) -> list[Match]:
    """Sent letters nearly identical to ``text``, most similar first (score ≥ threshold)."""
    draft = sampled(text)
    skip = set(exclude)
    if not draft:
        return []
    values = ",".join(str(h) for h in draft)  # integers we made: safe to inline
    rows = db.execute(
        f"""select s.document_id, count(*) as shared, f.sampled
            from letter_shingles s join letter_fingerprints f using (document_id)
            where s.hash in ({values})
            group by s.document_id""",  # noqa: S608 - integers only
    ).fetchall()
    scored = sorted(
        ((max(shared / (len(draft) + total - shared), shared / len(draft)), doc)
         for doc, shared, total in rows if doc not in skip),
        reverse=True,
    )
    wanted = [doc for estimate, doc in scored[:CANDIDATES] if estimate >= threshold * 0.6]
    matches = []
    for doc_id in wanted:
        row = _letter(db, doc_id)
        if row is None or row["status"] not in SENT:
            continue
        jac, contained = compare(text, row["text"])
        match = Match(doc_id, row["title"], row["status"], row["newspaper"], row["author"],
                      row["sent_on"], jac, contained)
        if jac >= threshold or contained >= max(threshold, CONTAINED_AT):
            matches.append(match)
    return sorted(matches, key=lambda m: m.score, reverse=True)


def _letter(db, document_id: int) -> dict | None:
    row = next(db.query(
        """select d.id, d.title, d.status, d.body, d.fields, d.sent_on, n.name as newspaper,
                  u.full_name as author
           from documents d left join newspapers n on n.id = d.newspaper_id
           left join users u on u.id = d.author_id where d.id = ?""", [document_id]), None)
    if row is None:
        return None
    return {**row, "text": letter_text(row)}


def letter_text(record: Mapping[str, Any]) -> str:
    """The words of a reader letter: its «tekst» field, else its body."""
    fields = record.get("fields") or {}
    if isinstance(fields, str):
        fields = json.loads(fields or "{}")
    return str(fields.get("tekst") or record.get("body") or "")
