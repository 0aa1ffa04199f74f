"""Open Space topics, reports, votes, interests, actions; join codes; drafts."""

from __future__ import annotations

import pytest

from facilitation.store import Event
from facilitation.store.sample import sample_script


@pytest.fixture
def event(tmp_path):
    with Event.create(tmp_path / "e.db", sample_script(), "src", "s.md") as ev:
        yield ev


def test_topics(event):
    a = event.add_topic(2, "Transport", convener="Luc", description="Les autobus")
    b = event.add_topic(2, "Transport en commun", convener="Marie")
    c = event.add_topic(2, "Culture")
    event.place_topic(a, 0, 1)
    event.merge_topic(b, a)
    event.withdraw_topic(c)
    topics = {t.id: t for t in event.list_topics(2)}
    assert (topics[a].slot, topics[a].space, topics[a].status) == (0, 1, "active")
    assert (topics[b].status, topics[b].merged_into) == ("merged", a)
    assert topics[c].status == "withdrawn"
    assert [t.id for t in event.list_topics(2, include_inactive=False)] == [a]
    event.update_topic(a, title="Mobilité")
    assert event.get_topic(a).title == "Mobilité"
    with pytest.raises(KeyError):
        event.place_topic(999, 0, 0)


def test_reports_keep_revisions(event):
    topic = event.add_topic(2, "Logement")
    assert event.report(topic) is None
    assert event.save_report(topic, author="Ana", convener="Ana", key_points="- un") == 1
    assert event.save_report(topic, author="Bob", key_points="- un\n- deux") == 2
    report = event.report(topic)
    assert report.convener == "Ana" and report.key_points == "- un\n- deux"
    assert report.revision == 2 and report.author == "Bob"
    history = event.report_history(topic)
    assert [r.key_points for r in history] == ["- un", "- un\n- deux"]
    assert [r.topic_id for r in event.list_reports(2)] == [topic]


def test_votes(event):
    topic = event.add_topic(2, "Logement")
    event.set_votes(2, 5, topic_id=topic)
    assert event.add_votes(2, 2, topic_id=topic) == 7
    event.add_votes(2, proposal="Un guichet unique")
    votes = event.list_votes(2)
    assert [(v.topic_id, v.proposal, v.count) for v in votes] == [
        (topic, None, 7),
        (None, "Un guichet unique", 1),
    ]
    with pytest.raises(ValueError):
        event.set_votes(2, 1)


def test_interests_and_actions(event):
    person = event.add_participant("Ana")
    topic = event.add_topic(2, "Logement")
    event.add_interest(person, topic)
    event.add_interest(person, topic)  # twice is once
    assert [(i.participant_id, i.topic_id) for i in event.list_interests(topic_id=topic)] == [
        (person, topic)
    ]
    event.remove_interest(person, topic)
    assert event.list_interests() == []
    action = event.add_action(2, "Créer un comité", topic_id=topic, lead="Ana", deadline="juin")
    event.update_action(action, partners="Ville, CLD")
    got = event.list_actions(2)[0]
    assert (got.title, got.lead, got.partners, got.deadline) == (
        "Créer un comité",
        "Ana",
        "Ville, CLD",
        "juin",
    )
    event.delete_action(action)
    assert event.list_actions() == []


def test_join_codes(event, tmp_path):
    codes = event.table_codes()
    assert sorted(codes) == [1, 2, 3, 4]
    assert len(set(codes.values())) == 4
    with Event.open(tmp_path / "e.db") as other:
        assert other.table_codes() == codes  # made once, then stable
        assert other.table_for_code(codes[3].lower()) == 3
    fac = event.facilitator_code()
    assert event.facilitator_code() == fac
    assert event.code_role(fac) == ("facilitator", None)
    assert event.table_for_code(fac) is None
    assert event.table_for_code("nope") is None
    assert sorted(event.table_codes(6)) == [1, 2, 3, 4, 5, 6]


def test_drafts(event):
    event.save_draft("b1/r1/t2/ana", "je tape")
    event.save_draft("b1/r1/t2/ana", "je tape encore", note_id=None)
    event.save_draft("b1/r1/t3/bob", "autre")
    assert event.get_draft("b1/r1/t2/ana").text == "je tape encore"
    assert [d.key for d in event.list_drafts("b1/r1/t2/")] == ["b1/r1/t2/ana"]
    event.save_draft("b1/r1/t3/bob", "")
    assert event.get_draft("b1/r1/t3/bob") is None
    event.drop_draft("b1/r1/t2/ana")
    assert event.list_drafts() == []


def test_a_draft_keeps_its_tags(event):
    event.save_draft("b1/r1/t2/ana", "une idée", tags=["housing", " youth ", "housing"])
    assert event.get_draft("b1/r1/t2/ana").tags == ["housing", "youth"]
    # Kept as given, checked only when the note is saved: a draft is never refused.
    event.save_draft("b1/r1/t2/ana", "une idée encore", 4, ["gone-from-the-codebook"])
    draft = event.get_draft("b1/r1/t2/ana")
    assert (draft.text, draft.note_id, draft.tags) == (
        "une idée encore",
        4,
        ["gone-from-the-codebook"],
    )
    event.save_draft("b1/r1/t2/ana", "sans étiquette")  # the callers that know no tags
    assert event.list_drafts()[0].tags == []
