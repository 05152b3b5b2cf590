"""The form to log or change a meeting; the same widgets for both, keyed by `prefix`."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advocacy import meetings, municipalities, politicians, texts
from advocacy.errors import AdvocacyError
from advocacy.meetings import MeetingInput


def meeting_form(
    db, user, prefix: str, initial: MeetingInput | None = None, meeting_id: int | None = None
) -> int | None:
    """Show the form; on a valid submit save and return the meeting id (None otherwise).

    Chapter and municipality sit outside the form: changing them must refresh the choice of
    politicians, and widgets inside a form only report when it is submitted.
    """
    chapters = meetings.chapter_choices(db, user)
    if not chapters:
        st.info(texts.NOT_ALLOWED)
        return None
    chapter_ids = list(chapters)
    start_chapter = initial.chapter_id if initial else (user.chapter_id or chapter_ids[0])
    chapter_id = st.selectbox(
        "Lokallag", chapter_ids, format_func=chapters.get, key=f"{prefix}_chapter",
        index=chapter_ids.index(start_chapter) if start_chapter in chapter_ids else 0,
        disabled=len(chapter_ids) == 1,
    )
    all_municipalities = municipalities.names(db)
    knrs = list(all_municipalities)
    start_knr = initial.kommunenummer if initial else meetings.chapter_municipality(db, chapter_id)
    kommunenummer = st.selectbox(
        "Kommune", knrs, format_func=lambda k: f"{all_municipalities[k]} ({k})",
        index=knrs.index(start_knr) if start_knr in knrs else 0, key=f"{prefix}_kommune")
    people = {p["id"]: politicians.label(p)
              for p in politicians.list_politicians(db, user, kommunenummer=kommunenummer)}
    levers = {x["id"]: x["name"] for x in municipalities.levers(db)}
    owners = meetings.owner_choices(db, chapter_id)
    today = dt.date.today()
    with st.form(f"{prefix}_form", clear_on_submit=False):
        left, right = st.columns(2)
        held_on = left.date_input("Dato", value=initial.held_on if initial else today,
                                  max_value=today, format="DD.MM.YYYY", key=f"{prefix}_date")
        kinds = list(texts.MEETING_KINDS)
        kind = right.selectbox("Type kontakt", kinds, format_func=texts.MEETING_KINDS.get,
                               index=kinds.index(initial.kind) if initial else 0,
                               key=f"{prefix}_kind")
        chosen = st.multiselect(
            "Politikere til stede", list(people), format_func=lambda p: people[p],
            default=[p for p in (initial.politician_ids if initial else []) if p in people],
            key=f"{prefix}_politicians", placeholder="Velg én eller flere politikere")
        ours = st.text_input("Våre deltakere", value=initial.our_participants if initial else "",
                             key=f"{prefix}_ours", placeholder="F.eks. Kari Nordmann og Ola Vik")
        lever_ids = st.multiselect(
            "Saker som ble tatt opp", list(levers), format_func=levers.get,
            default=initial.lever_ids if initial else [], key=f"{prefix}_levers")
        topics = st.text_input("Tema", value=initial.topics if initial else "",
                               key=f"{prefix}_topics", placeholder="F.eks. skjenketider")
        summary = st.text_area("Sammendrag", value=initial.summary if initial else "",
                               key=f"{prefix}_summary")
        asks = st.text_area("Det vi ba om (ett krav per linje)",
                            value=initial.asks if initial else "", key=f"{prefix}_asks")
        promises = st.text_area("Det som ble lovet eller avtalt",
                                value=initial.promises if initial else "",
                                key=f"{prefix}_promises")
        outcome = st.text_input("Utfall", value=initial.outcome if initial else "",
                                key=f"{prefix}_outcome")
        left, right = st.columns(2)
        due = left.date_input(
            "Oppfølging innen", value=initial.followup_due if initial else None,
            format="DD.MM.YYYY", key=f"{prefix}_due",
            help=f"Tomt: {meetings.FOLLOWUP_DAYS} dager etter møtet.")
        owner_ids = list(owners)
        start_owner = initial.followup_owner_id if initial else user.id
        owner = right.selectbox(
            "Ansvarlig for oppfølgingen", owner_ids, format_func=owners.get,
            index=owner_ids.index(start_owner) if start_owner in owner_ids else 0,
            key=f"{prefix}_owner")
        submitted = st.form_submit_button("Lagre møtet", type="primary")
    if not submitted:
        return None
    data = MeetingInput(
        held_on=held_on, kind=kind, chapter_id=chapter_id, kommunenummer=kommunenummer,
        politician_ids=chosen, summary=summary, our_participants=ours, lever_ids=lever_ids,
        topics=topics, asks=asks, promises=promises, outcome=outcome, followup_due=due,
        followup_owner_id=owner,
    )
    try:
        if meeting_id is not None:
            meetings.update_meeting(db, user, meeting_id, data)
            return meeting_id
        return meetings.create_meeting(db, user, data)
    except AdvocacyError as exc:
        st.error(exc.message)
        return None
