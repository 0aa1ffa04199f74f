"""Convergence (dot votes, ranked, ties) and action planning screens."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.widgets import DataTable, Input

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.marketplace import ActionsScreen, ConvergenceScreen


class Host(App):
    def __init__(self, screen):
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        self.push_screen(self.first)


def rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def test_votes_are_ranked_with_ties(tmp_path):
    async def scenario():
        with Event.create(tmp_path / "e.db", sample_script("en"), "s", "s.md") as event:
            a = event.add_topic(2, "Transport")
            event.add_topic(2, "Culture")
            event.set_votes(2, 2, topic_id=a)
            app = Host(ConvergenceScreen(event, 2))
            async with app.run_test(size=(90, 24)) as pilot:
                assert rows(app)[0][:3] == ["1", "2", "Transport"]
                # three dots for Culture (second row): it goes first
                await pilot.press("down", "plus", "plus", "plus")
                await pilot.pause()
                assert rows(app)[0][:3] == ["1", "3", "Culture"]
                # a free proposal with 3 votes: tied with Culture
                await pilot.press("n")
                app.screen.query_one(Input).value = "Table jeunesse / 3"
                await pilot.press("enter")
                await pilot.pause()
                assert [r[:3] for r in rows(app)[:2]] == [
                    ["1=", "3", "Culture"],
                    ["1=", "3", "Table jeunesse"],
                ]
                assert rows(app)[2][:2] == ["3", "2"]
            counts = {v.proposal or v.topic_id: v.count for v in event.list_votes(2)}
            assert counts["Table jeunesse"] == 3

    asyncio.run(scenario())


def test_action_plan_linked_to_topic(tmp_path):
    async def scenario():
        with Event.create(tmp_path / "e.db", sample_script("en"), "s", "s.md") as event:
            topic = event.add_topic(2, "Logement")
            app = Host(ActionsScreen(event, 2))
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.press("a")
                await pilot.pause()
                form = app.screen
                form.query_one("#f-title", Input).value = "Inventaire des logements"
                form.query_one("#f-lead", Input).value = "Marie"
                form.query_one("#f-partners", Input).value = "Ville, OMH"
                form.query_one("#f-first_step", Input).value = "Appeler l'OMH"
                form.query_one("#f-deadline", Input).value = "15 juin"
                from textual.widgets import Select

                form.query_one("#f-topic", Select).value = topic
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert rows(app)[0] == [
                    "Inventaire des logements",
                    "Marie",
                    "Ville, OMH",
                    "Appeler l'OMH",
                    "15 juin",
                    "Logement",
                ]
                await pilot.press("d", "d")
                await pilot.pause()
            assert event.list_actions(2) == []

    asyncio.run(scenario())


def test_the_ranking_is_filled_again_only_when_the_votes_changed(tmp_path):
    """A draft saved on a phone changes the event file, not the ranking: the table keeps its
    rows (and the cursor); a vote from the room reorders it at once."""
    from pilot_support import sync

    from facilitation.tui.messages import EventFileChanged

    @sync
    async def scenario():
        with Event.create(tmp_path / "e.db", sample_script("en"), "s", "s.md") as event:
            a = event.add_topic(2, "Transport")
            b = event.add_topic(2, "Culture")
            event.set_votes(2, 2, topic_id=a)
            app = Host(ConvergenceScreen(event, 2))
            async with app.run_test(size=(90, 24)) as pilot:
                await pilot.press("down")
                table = app.screen.query_one(DataTable)
                drawn = list(table.rows.values())  # the rows themselves, not their keys
                event.save_draft("table:1", "en cours")
                app.screen.post_message(EventFileChanged())
                await pilot.pause()
                assert all(a is b for a, b in zip(table.rows.values(), drawn, strict=True))
                assert table.cursor_row == 1
                event.set_votes(2, 5, topic_id=b)
                app.screen.post_message(EventFileChanged())
                await pilot.pause()
                assert rows(app)[0][:3] == ["1", "5", "Culture"]

    scenario()
