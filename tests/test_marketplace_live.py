"""The marketplace while it runs: a time slot or a space added or removed live (stored in the
event, followed by the wall, the projector, the suggestion and the synthesis), names of
interested people matched or refused, and the votes table's Home/End."""

from __future__ import annotations

import pytest
from pilot_support import screen_text, sync, wait_for

from facilitation.models import Block, Step
from facilitation.openspace.names import match_names
from facilitation.openspace.wall import build_problem, load_wall
from facilitation.store import Event, Participant
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.marketplace import AgendaWall, ConvergenceScreen, MarketplaceScreen
from facilitation.tui.projector import make_projector_app

SIZE = (110, 32)


def script():
    s = sample_script(language="en")
    s.blocks[1] = Block(
        number=2,
        title="Forum ouvert",
        format="open-space",
        slots=["9:30-10:30", "10:45-11:45"],
        spaces=["Salle A", "Salle B"],
        steps=[Step(kind="marketplace", title="Marché", minutes=30, capture="topics")],
    )
    return s


@pytest.fixture
def event(tmp_path, clock):
    with Event.create(tmp_path / "e.db", script(), "src", "s.md", clock=clock) as ev:
        ev.write_timer(ev.read_timer().with_(step_index=5), "goto")  # the marketplace
        yield ev


async def type_text(pilot, text):
    await pilot.press(*[c if c != " " else "space" for c in text])


@sync
async def test_a_slot_added_live_appears_on_the_wall_and_the_projector(event, clock):
    event.add_topic(2, "Logement", "Marie", slot=1, space=1)
    console = make_console_app(event, clock=clock, watch=False)
    with Event.open(event.path, clock=clock) as screen:
        projector = make_projector_app(screen, clock=clock)
        async with console.run_test(size=SIZE) as c, projector.run_test(size=(120, 30)) as p:
            await c.press("m", "t")
            await type_text(c, "15:00-16:00")
            await c.press("enter")
            await c.pause()
            assert isinstance(console.screen, MarketplaceScreen)
            assert "15:00-16:00" in screen_text(console)
            assert "added" in screen_text(console)
            await wait_for(p, lambda: "15:00-16:00" in screen_text(projector), seconds=5)
            assert "15:00-16:00" in screen_text(projector)
            await c.press("r")
            await type_text(c, "Salon (12)")
            await c.press("enter")
            await c.pause()
            wall = load_wall(event, 2)
            assert wall.slots[-1] == "15:00-16:00" and wall.spaces[-1] == "Salon"
            assert wall.capacities[-1] == 12
            # the cursor on (slot 0, space 0): removing slot 0 moves Logement to slot 0
            console.screen.query_one(AgendaWall).go_to(0, 0)
            await c.press("T")
            await c.pause()
            topic = event.list_topics(2)[0]
            assert (topic.slot, topic.space) == (0, 1)
            assert load_wall(event, 2).slots == ["10:45-11:45", "15:00-16:00"]
            await wait_for(p, lambda: "9:30-10:30" not in screen_text(projector), seconds=5)
            console.screen.query_one(AgendaWall).go_to(0, 1)
            await c.press("R")  # Logement is there: asked first
            await c.pause()
            assert "Its topic goes back to the tray" in screen_text(console)
            await c.press("y")
            await c.pause()
            topic = event.list_topics(2)[0]
            assert (topic.slot, topic.space) == (None, None)
    with Event.open(event.path) as again:  # a fresh process: the script says the same
        block = again.script.block(2)
        assert block.slots == ["10:45-11:45", "15:00-16:00"]
        assert block.spaces == ["Salle A", "Salon (12)"]
        assert build_problem(again, load_wall(again, 2)).slots == 2


def test_interested_names_are_matched_or_refused():
    people = [
        Participant(1, "Marie Roy"),
        Participant(2, "Luc Caron"),
        Participant(3, "Luc Gagnon"),
        Participant(4, "Zoé Tremblay"),
    ]
    found = match_names("marie roy, Zoe, Luc, Paul Inconnu, +Nadia Simard", people)
    assert found.found == {"marie roy": 1, "Zoe": 4}
    assert found.ambiguous == {"Luc": ["Luc Caron", "Luc Gagnon"]}
    assert found.unknown == ["Paul Inconnu"]
    assert found.new == ["Nadia Simard"]


@sync
async def test_interests_typed_on_the_marketplace_never_create_people_silently(event, clock):
    event.add_participants([Participant(0, "Marie Roy"), Participant(0, "Luc Caron")])
    topic = event.add_topic(2, "Logement", "Marie", slot=0, space=0)
    console = make_console_app(event, clock=clock, watch=False)
    async with console.run_test(size=SIZE) as pilot:
        await pilot.press("m", "i")
        await type_text(pilot, "marie, Paul Inconnu")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(console)
        assert "1 interest recorded." in text
        assert "Not on the participant list: Paul Inconnu" in text
    assert [p.name for p in event.list_participants()] == ["Marie Roy", "Luc Caron"]
    assert [i.topic_id for i in event.list_interests()] == [topic]


@sync
async def test_home_and_end_in_the_votes_table(event, clock):
    for n in range(8):
        event.add_topic(2, f"Topic {n}", "")
    console = make_console_app(event, clock=clock, watch=False)
    async with console.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(console.screen, ConvergenceScreen)
        table = console.screen.query_one("#ranking")
        await pilot.press("end")
        assert table.cursor_row == 7
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("right")  # the console's next step, from the votes too
        await pilot.pause()
        assert event.read_timer().status == "ended"  # the marketplace was the last step


@sync
async def test_an_action_can_come_from_a_free_proposal(event, clock, tmp_path):
    from textual.widgets import Select

    from facilitation.synthesis import write_synthesis
    from facilitation.tui.marketplace.actions import ActionForm

    event.add_topic(2, "Logement", "Marie", slot=0, space=0)
    event.set_votes(2, 5, proposal="Un marché public l'été")
    console = make_console_app(event, clock=clock, watch=False)
    async with console.run_test(size=SIZE) as pilot:
        await pilot.press("x", "a")
        await pilot.pause()
        form = console.screen
        assert isinstance(form, ActionForm)
        labels = [label for label, _value in form.topics]
        assert "Un marché public l'été (proposal)" in labels
        await type_text(pilot, "Trouver un terrain")
        form.query_one("#f-topic", Select).value = "Un marché public l'été"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Un marché public l'été" in screen_text(console)  # the actions table
    (action,) = event.list_actions(2)
    assert (action.title, action.topic_id, action.proposal) == (
        "Trouver un terrain",
        None,
        "Un marché public l'été",
    )
    out = tmp_path / "synthese.md"
    write_synthesis(event, out, lang="en")
    assert "Trouver un terrain (Un marché public l'été)" in out.read_text(encoding="utf-8")
