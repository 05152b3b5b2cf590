"""Where a reader letter starts: a skeleton that follows the writing norms, or a lever with the
municipality's own facts filled in (its current value, the legal limit, the organisation's goal).

The norms (DOMAIN.md § 3): the main point first, address a named person or body, one issue per
piece, end with a clear demand. The texts are starting points; the writer rewrites them.
"""

from __future__ import annotations

import sqlite_utils

from advocacy import texts
from advocacy.errors import ValidationError
from advocacy.policy import municipalities

SKELETON = (
    "[Hovedpoenget i én setning: hva vil du at {mottaker} skal gjøre?]\n\n"
    "[Hvorfor dette er viktig nå: en sak, et vedtak eller en dato.]\n\n"
    "[Ett eller to argumenter med kilde. Hent gjerne godkjente avsnitt fra argumentbanken.]\n\n"
    "Derfor ber vi {mottaker} om å [et tydelig krav]."
)


def skeleton(kommune: str | None = None) -> tuple[str, str]:
    """(title, text) of a blank letter that follows the norms."""
    mottaker = f"kommunestyret i {kommune}" if kommune else "politikerne"
    return "[Tittel: standpunktet ditt]", SKELETON.format(mottaker=mottaker)


def lever_facts(db: sqlite_utils.Database, lever_id: str, kommunenummer: str) -> dict:
    """One lever's row of the municipality's profile (value, law, goal, status, date, source)."""
    place = municipalities.get_municipality(db, kommunenummer)
    if place is None:
        raise ValidationError(texts.MUNICIPALITY_UNKNOWN.format(value=kommunenummer))
    row = next((r for r in municipalities.profile(db, kommunenummer)
                if r["lever_id"] == lever_id), None)
    if row is None:
        raise ValidationError(texts.ARGUMENT_LEVER_UNKNOWN.format(value=lever_id))
    return {**row, "kommune": place["visningsnavn"]}


def from_lever(db: sqlite_utils.Database, lever_id: str, kommunenummer: str) -> tuple[str, str]:
    """(title, text) of a draft about one lever in one municipality, with its facts filled in.

    The facts come as sentences the writer can keep; the bracketed parts are for the writer.
    """
    facts = lever_facts(db, lever_id, kommunenummer)
    kommune, lever, value, goal = facts["kommune"], facts["lever"], facts["value"], facts["goal"]
    name = lever[0].lower() + lever[1:]
    section = facts.get("section") or ""
    law_ref = f" (alkoholloven {section})" if section.startswith("§") else (
        f" ({section})" if section else "")
    if value:
        when = f", vedtatt {texts.format_date(facts['decided_on'])}" if facts["decided_on"] else ""
        first = f"{lever}: i {kommune} er det i dag {value}{when}."
    else:
        first = f"{lever}: [hva har {kommune} vedtatt? Ikke registrert i Påvirk ennå.]"
    law = []
    if facts["legal_normal"]:
        law.append(f"normalordningen i loven er {facts['legal_normal']}")
    if facts["legal_max"] and facts["goal_rule"] == "at_least":
        law.append(f"loven krever minst {facts['legal_max']}")
    elif facts["legal_max"]:
        law.append(f"lovens ytterste grense er {facts['legal_max']}")
    paragraphs = [f"[Hovedpoenget i én setning: hva vil du at kommunestyret i {kommune} skal "
                  "gjøre?]", first]
    if law:
        paragraphs.append(f"Til sammenligning: {', og '.join(law)}{law_ref}.")
    if goal:
        paragraphs.append("[Hvorfor: ett eller to argumenter med kilde, gjerne fra "
                          "argumentbanken.]")
    if goal and facts["status"] != "oppfyller":
        paragraphs.append(f"Derfor ber vi kommunestyret i {kommune} om å endre dette til "
                          f"{goal}.")
        title = f"{kommune} bør velge {goal}: {name}"
    elif goal:
        paragraphs.append(f"Derfor ber vi kommunestyret i {kommune} om å holde fast ved "
                          f"{value}.")
        title = f"Hold fast ved {value} i {kommune}: {name}"
    else:
        paragraphs.append(f"Derfor ber vi kommunestyret i {kommune} om å [et tydelig krav].")
        title = f"{lever} i {kommune}"
    if facts["source"]:
        paragraphs.append(f"[Kilde for tallene, sjekk før innsending: {facts['source']}]")
    return title, "\n\n".join(paragraphs)
