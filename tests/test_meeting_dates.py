"""A held meeting's dates: never in the future, the follow-up never before the meeting; the
refusal names its field (the form shows it there) and nothing is written."""

import datetime as dt

import pytest

from advocacy.errors import ValidationError
from advocacy.meetings import meetings
from advocacy.meetings.meetings import MeetingInput
from tests.literal_letters import drammen_politicians

TODAY = dt.date(2026, 12, 1)


def _input(ids, **changes):
    data = dict(held_on=dt.date(2026, 11, 20), kind="mote", chapter_id=None,
                kommunenummer="3301", politician_ids=ids, summary="Om skjenketider.")
    data.update(changes)
    return MeetingInput(**data)


@pytest.fixture
def anne_and_bjorn(people):
    """Anne Ås and Bjørn Berg of Drammen (3301), the meeting's attendees."""
    return drammen_politicians(people)


def test_a_future_held_date_is_refused_at_the_date_field():
    with pytest.raises(ValidationError) as caught:
        meetings.check_dates(dt.date(2027, 12, 24), None, TODAY)
    assert caught.value.field == "held_on"
    assert caught.value.message == (
        "Møtedatoen 24. desember 2027 er i framtiden. Logg møtet når det er holdt.")


def test_a_followup_before_the_meeting_is_refused_at_the_followup_field():
    with pytest.raises(ValidationError) as caught:
        meetings.check_dates(dt.date(2026, 11, 20), dt.date(2026, 11, 19), TODAY)
    assert caught.value.field == "followup_due"
    assert caught.value.message == (
        "Oppfølgingsfristen (19. november 2026) kan ikke være før møtet (20. november 2026).")


def test_today_and_a_followup_on_the_day_are_allowed():
    assert meetings.check_dates(TODAY, TODAY, TODAY) == TODAY
    assert meetings.check_dates(TODAY, None, TODAY) == TODAY + dt.timedelta(days=14)


def test_a_missing_date_is_refused_at_the_date_field():
    with pytest.raises(ValidationError) as caught:
        meetings.check_dates(None, None, TODAY)
    assert caught.value.field == "held_on"


def test_a_future_meeting_is_not_logged(people, anne_and_bjorn):
    before = people.db["meetings"].count
    with pytest.raises(ValidationError) as caught:
        meetings.create_meeting(people.db, people.member,
                                _input(anne_and_bjorn, held_on=dt.date(2027, 12, 24)),
                                today=TODAY)
    assert caught.value.field == "held_on"
    assert people.db["meetings"].count == before


def test_a_meeting_cannot_be_moved_into_the_future(people, anne_and_bjorn):
    mid = meetings.create_meeting(people.db, people.member, _input(anne_and_bjorn),
                                  today=TODAY)
    with pytest.raises(ValidationError, match="i framtiden"):
        meetings.update_meeting(people.db, people.member, mid,
                                _input(anne_and_bjorn, held_on=dt.date(2027, 12, 24),
                                       summary="Endret."), today=TODAY)
    meeting = meetings.get_meeting(people.db, people.member, mid)
    assert (meeting["held_on"], meeting["summary"]) == ("2026-11-20", "Om skjenketider.")


def test_a_followup_before_the_meeting_is_not_saved(people, anne_and_bjorn):
    mid = meetings.create_meeting(people.db, people.member, _input(anne_and_bjorn),
                                  today=TODAY)
    with pytest.raises(ValidationError) as caught:
        meetings.update_meeting(people.db, people.member, mid,
                                _input(anne_and_bjorn, followup_due=dt.date(2026, 11, 1)),
                                today=TODAY)
    assert caught.value.field == "followup_due"
    assert meetings.get_meeting(people.db, people.member, mid)["followup_due"] == "2026-12-04"


def test_the_other_refusals_name_their_fields(people, anne_and_bjorn):
    with pytest.raises(ValidationError) as caught:
        meetings.create_meeting(people.db, people.member,
                                _input(anne_and_bjorn, summary=" "), today=TODAY)
    assert caught.value.field == "summary"
    with pytest.raises(ValidationError) as caught:
        meetings.create_meeting(people.db, people.member, _input([]), today=TODAY)
    assert caught.value.field == "politician_ids"
