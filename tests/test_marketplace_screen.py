"""The marketplace screen: keys a helper presses while conveners announce topics, and the
conflicts shown as they arise (Pilot tests on a tiny host app)."""

from __future__ import annotations

import pytest
from pilot_support import screen_text, sync
from textual.app import App
from textual.coordinate import Coordinate
from textual.widgets import OptionList, Static

from facilitation.models import Block, Step
from facilitation.openspace.wall import pinned_topics
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.marketplace import AgendaWall, MarketplaceScreen
from facilitation.tui.messages import EventFileChanged


def script():
    s = sample_script(language="en")
    s.blocks[1] = Block(
        number=2,
        title="Forum ouvert",
        format="open-space",
        slots=["9:30-10:30", "10:45-11:45", "13:00-14:00"],
        spaces=["Salle A (3)", "Salle B", "Salon"],
        steps=[Step(kind="marketplace", title="Marché", minutes=30, capture="topics")],
    )
    return s


@pytest.fixture
def event(tmp_path):
    with Event.create(tmp_path / "e.db", script(), "src", "s.md") as ev:
        yield ev


class Host(App):
    def __init__(self, event, block=2):
        super().__init__()
        self.event = event
        self.block = block

    def on_mount(self) -> None:
        self.push_screen(MarketplaceScreen(self.event, self.block))


def cell(app, slot, space) -> str:
    return str(app.screen.query_one(AgendaWall).get_cell_at(Coordinate(space, slot)))


def text_of(app, selector) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_text(pilot, text):
    for char in text:
        await pilot.press(char if char != " " else "space")


def topics(event):
    return {t.title: t for t in event.list_topics(2)}


@sync
async def test_add_topics_as_conveners_speak(event):
    app = Host(event)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Transport / Luc")
        await pilot.press("enter")
        await type_text(pilot, "Logement / Marie / des idees")
        await pilot.press("enter", "escape")
        await pilot.pause()
        stored = topics(event)
        assert (stored["Transport"].slot, stored["Transport"].space) == (0, 0)
        assert stored["Transport"].convener == "Luc"
        # the cursor went on to the next free cell
        assert (stored["Logement"].slot, stored["Logement"].space) == (0, 1)
        assert stored["Logement"].description == "des idees"
        assert "Transport" in cell(app, 0, 0)
        assert "Logement" in cell(app, 0, 1)
        assert pinned_topics(event, 2) == {stored["Transport"].id, stored["Logement"].id}


@sync
async def test_conflicts_show_as_they_arise(event):
    a = event.add_topic(2, "Transport", "Luc", slot=0, space=0)
    event.add_topic(2, "Culture", "Luc", slot=1, space=0)
    app = Host(event)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "No conflicts" in text_of(app, "#conflicts")
        # move Culture (2nd slot, Salle A) to the 1st slot, Salle B: Luc in two places at once
        app.screen.query_one(AgendaWall).go_to(1, 0)
        await pilot.press("m", "down", "left", "m")
        await pilot.pause()
        assert topics(event)["Culture"].slot == 0
        shown = text_of(app, "#conflicts")
        assert "Luc is in two places at once at 9:30-10:30" in shown
        assert "Conflicts (1)" in text_of(app, "#conflicts-title")
        # swap onto Transport's cell: now the space is used once, convener still clashes
        await pilot.press("m", "up", "m")
        await pilot.pause()
        assert topics(event)["Culture"].space == 0
        assert topics(event)["Transport"].space == 1
        assert event.get_topic(a).slot == 0
        # a topic outside the slots (e.g. imported wrongly) is flagged
        event.add_topic(2, "Ailleurs", "Zoé", slot=5, space=0)
        app.screen.refresh_all()
        await pilot.pause()
        assert "outside the available slots" in text_of(app, "#conflicts")
        assert "Ailleurs" in str(
            app.screen.query_one("#tray", OptionList).get_option_at_index(0).prompt
        )


@sync
async def test_merge_withdraw_and_space_used_twice(event):
    event.add_topic(2, "Transport", "Luc", slot=0, space=0)
    event.add_topic(2, "Autobus", "Ana", slot=0, space=0)
    event.add_topic(2, "Culture", "Zoé", slot=2, space=2)
    app = Host(event)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Salle A is used twice at 9:30-10:30" in text_of(app, "#conflicts")
        # merge Autobus into Culture: select the cell (first topic is Transport)...
        wall = app.screen.query_one(AgendaWall)
        wall.go_to(0, 0)
        await pilot.press("g")
        wall.go_to(2, 2)
        await pilot.press("g")
        await pilot.pause()
        stored = topics(event)
        assert stored["Transport"].status == "merged"
        assert stored["Transport"].merged_into == stored["Culture"].id
        assert "No conflicts" in text_of(app, "#conflicts")
        wall.go_to(2, 2)
        await pilot.press("w")
        await pilot.pause()
        assert topics(event)["Culture"].status == "withdrawn"
        assert "Culture" not in cell(app, 2, 2)


@sync
async def test_suggest_agenda_key_places_unpinned_topics(event):
    people = [event.add_participant(f"P{i}") for i in range(4)]
    ids = [event.add_topic(2, f"T{i}", f"C{i}") for i in range(3)]
    for p in people:  # everyone wants T0 and T1: they must not share a slot
        event.add_interest(p, ids[0])
        event.add_interest(p, ids[1])
    app = Host(event)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        stored = {t.id: t for t in event.list_topics(2)}
        assert all(stored[i].slot is not None for i in ids)
        assert stored[ids[0]].slot != stored[ids[1]].slot
        # T0 and T1 have 4 people interested: "Salle A (3)" holds 3
        assert stored[ids[0]].space != 0 and stored[ids[1]].space != 0
        assert "0 clashes" in text_of(app, "#status")


@sync
async def test_wall_fits_a_small_terminal(event):
    for i in range(9):
        event.add_topic(
            2,
            f"A very long topic title number {i} about housing",
            f"Person {i}",
            slot=i // 3,
            space=i % 3,
        )
    app = Host(event)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        wall = app.screen.query_one(AgendaWall)
        assert wall.size.width <= 80
        text = cell(app, 0, 0)
        # the title is wrapped to the column's width, and the convener still shows
        assert text.splitlines()[0] == "A very long topic"
        assert all(len(line) <= 24 for line in text.splitlines())
        assert "Person 0" in text


@sync
async def test_f1_lists_the_marketplace_keys(event):
    from facilitation.tui.help import HelpScreen

    app = Host(event)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "Add topic" in shown and "Suggest agenda" in shown and "To tray" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


@sync
async def test_the_wall_is_drawn_again_only_when_what_it_shows_changed(event):
    """A change to the event file that leaves the wall as it was (a draft typed on a phone)
    keeps the table and its rows as they are; a topic placed elsewhere is drawn at once."""
    event.add_topic(2, "Mobility", "Ana", slot=0, space=0)
    app = Host(event)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        wall = app.screen.query_one(AgendaWall)
        rows = list(wall.rows)
        with Event.open(event.path) as phone:
            phone.save_draft("table:3", "en cours")
        app.screen.post_message(EventFileChanged())
        await pilot.pause()
        assert list(wall.rows) == rows  # the same rows: not built again
        with Event.open(event.path) as helper:
            helper.add_topic(2, "Housing", "Bo", slot=1, space=2)
        app.screen.post_message(EventFileChanged())
        await pilot.pause()
        assert list(wall.rows) != rows
        assert "Housing" in cell(app, 1, 2) and "Mobility" in cell(app, 0, 0)
        assert "Housing" in screen_text(app)
