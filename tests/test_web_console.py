"""The facilitator's console sees the wrong codes typed on the phones."""

from __future__ import annotations

from pilot_support import notifications, sync, wait_for
from web_support import Browser, make_event, serving

from facilitation.store import Event
from facilitation.tui.console.app import make_console_app


@sync
async def test_wrong_codes_on_the_phones_show_on_the_console(tmp_path):
    path, _codes = make_event(tmp_path)
    event = Event.open(path)
    app = make_console_app(event)
    async with serving(path) as base, app.run_test(size=(120, 40)) as pilot:
        for n in range(3):
            async with Browser(base) as intruder:
                await intruder.post("/join", {"code": f"GUESS{n}"})
        # The console may look between two posts and say "2 wrong codes" first, then "3".
        expected = "3 wrong codes on the phones, from 1 address"
        took = await wait_for(pilot, lambda: expected in notifications(app), seconds=10)
        assert expected in notifications(app), took
    event.close()
