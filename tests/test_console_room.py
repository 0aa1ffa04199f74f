"""The console follows what the phones bring in: interests and session reports written by
another connection (the phones' server) show on the marketplace screen after the change
notice, and the codes dialog lists the room's and the conveners' codes beside the tables'."""

from __future__ import annotations

from pilot_support import screen_text, sync, wait_for

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.store.web_access import WebStore
from facilitation.tui.console import make_console_app
from facilitation.tui.marketplace import MarketplaceScreen

MARKETPLACE = 5  # the sample script's marketplace step (block 2)


def make(tmp_path, step: int = MARKETPLACE):
    path = tmp_path / "forum.db"
    with Event.create(path, sample_script("en", tables=3), "", "forum.md") as event:
        ids = [
            event.add_topic(2, "Mobilité active", "Luc", slot=0, space=0),
            event.add_topic(2, "Jardins partagés", "Béa", slot=0, space=1),
        ]
        event.write_timer(event.read_timer().with_(step_index=step), "goto")
    return path, ids


@sync
async def test_interests_and_reports_from_the_phones_show_within_a_second(tmp_path):
    path, (mobility, gardens) = make(tmp_path)
    with Event.open(path) as console_event, Event.open(path) as phones:
        app = make_console_app(console_event)
        async with app.run_test(size=(130, 40)) as pilot:
            await pilot.press("m")
            await pilot.pause()
            assert isinstance(app.screen, MarketplaceScreen)
            text = screen_text(app)
            assert "Interests (0 people)" in text and "No interests ticked yet." in text
            assert "Reports filed: 0/2" in text

            for name in ("Ana", "Bob"):
                phones.add_interest(phones.add_participant(name), gardens)
            await wait_for(pilot, lambda: "Interests (2 people)" in screen_text(app), seconds=5)
            assert "Interests (2 people)" in screen_text(app)
            line = next(x for x in screen_text(app).splitlines() if "  2 Jardins" in x)
            assert "Jardins partagés" in line

            phones.save_report(mobility, author="Luc", key_points="Des pistes cyclables")
            await wait_for(pilot, lambda: "Reports filed: 1/2" in screen_text(app), seconds=5)
            assert "Reports filed: 1/2" in screen_text(app)


@sync
async def test_the_codes_dialog_lists_the_room_and_reports_codes(tmp_path):
    path, _ids = make(tmp_path, step=1)
    with Event.open(path) as event:
        store = WebStore(event)
        room, reports = store.role_code("room"), store.role_code("reports")
        tables = event.table_codes(3)
        app = make_console_app(event, watch=False)
        async with app.run_test(size=(110, 40)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            text = screen_text(app)
            assert all(code in text for code in tables.values())
            room_line = next(x for x in text.splitlines() if room in x)
            assert "Participants (room)" in room_line
            reports_line = next(x for x in text.splitlines() if reports in x)
            assert "Conveners (reports)" in reports_line


@sync
async def test_the_codes_dialog_says_when_serve_has_not_made_the_phone_codes(tmp_path):
    path, _ids = make(tmp_path, step=1)
    with Event.open(path) as event:
        app = make_console_app(event, watch=False)
        async with app.run_test(size=(110, 40)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            line = next(x for x in screen_text(app).splitlines() if "Participants (room)" in x)
            assert "made by `facilitation serve`" in line
        assert WebStore(event).existing_code("room") is None  # the console made none
