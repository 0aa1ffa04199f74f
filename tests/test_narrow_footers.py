"""At 80 columns every footer fits its line: keys end before the right edge and before the
command palette's key (no cut word, no stray character), the help key is always there, and
the keys left out are in F1."""

from __future__ import annotations

import pytest
from pilot_support import FakeClock, screen_text, sync
from textual.widgets._footer import FooterKey

from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.capture.app import CaptureApp
from facilitation.tui.console import make_console_app
from facilitation.tui.widgets.fitting_footer import FittingFooter, fitting_keys

T0 = 1_800_000_000.0


def footer_fits(app) -> list[str]:
    """The footer's keys as shown (key and description), after checking that they fit."""
    footer = app.screen.query_one(FittingFooter)
    keys = list(footer.query(FooterKey))
    palette = [k for k in keys if k.has_class("-command-palette")]
    limit = palette[0].region.x if palette else app.size.width
    shown = []
    for key in keys:
        assert key.region.right <= app.size.width, key.description
        if key not in palette:
            assert key.region.right <= limit, key.description
            shown.append(f"{key.key_display} {key.description}")
    assert any(k.key == "f1" for k in keys), ("the help key is always shown", shown)
    return shown


def test_fitting_keys_keeps_the_order_and_the_help_key():
    assert fitting_keys([10, 10, 10, 10], {3}, 35) == [0, 1, 3]
    assert fitting_keys([30, 5, 5], {2}, 20) == [2]  # never a later key for an earlier one
    assert fitting_keys([5, 5], set(), 100) == [0, 1]


@pytest.mark.parametrize("lang", ["fr", "en"])
@sync
async def test_console_and_its_screens_fit_80_columns(tmp_path, lang):
    set_language(lang)
    clock = FakeClock()
    event = Event.create(tmp_path / "e.db", sample_script(lang), "", "f.md", clock=clock)
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = footer_fits(app)
        assert len(shown) >= 4
        await pilot.press("f1")
        await pilot.pause()
        help_text = screen_text(app)
        assert ("Previous step" if lang == "en" else "Étape précédente") in help_text
        await pilot.press("escape")
        for key in ("h", "a"):
            await pilot.press(key)
            await pilot.pause()
            footer_fits(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        await pilot.pause()
        assert len(footer_fits(app)) > len(shown)  # a wider terminal shows more keys


@pytest.mark.parametrize("lang", ["fr", "en"])
@sync
async def test_capture_editor_fits_80_columns(tmp_path, lang):
    set_language(lang)
    path = tmp_path / "e.db"
    with Event.create(path, sample_script(lang), "", "f.md", clock=lambda: T0) as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=2, status="running", deadline=T0 + 450), "goto")
    app = CaptureApp(Event.open(path, clock=lambda: T0), table=2, clock=lambda: T0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = footer_fits(app)
        assert shown[0].startswith("^s")  # saving is always offered first


@pytest.mark.parametrize("lang", ["fr", "en"])
@sync
async def test_open_space_screens_fit_80_columns(tmp_path, lang):
    set_language(lang)
    clock = FakeClock()
    event = Event.create(tmp_path / "e.db", sample_script(lang), "", "f.md", clock=clock)
    event.add_topic(2, "Mobilité active", "Luc", slot=0, space=0)
    event.write_timer(event.read_timer().with_(step_index=8), "goto")  # convergence, block 2
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("m", "v", "x"):  # marketplace, votes, action plan
            await pilot.press(key)
            await pilot.pause()
            assert len(footer_fits(app)) >= 2, key
            await pilot.press("escape")
            await pilot.pause()
