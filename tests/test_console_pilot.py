"""The facilitator's console, driven key by key: what the screen shows and what the event file
records. The clock is a fake one (no sleeps): the countdown is computed from it."""

from __future__ import annotations

import pytest
from pilot_support import notifications, screen_text, sync, wait_for

from facilitation.store import Event, TimerConflict
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.console.screens import JumpScreen, ProjectorHelpScreen, TableCodesScreen
from facilitation.tui.help import HelpScreen
from facilitation.tui.widgets.countdown import BigCountdown
from facilitation.tui.widgets.teleprompter import Teleprompter

T0 = 1_800_000_000.0
SIZE = (100, 30)


@pytest.fixture
def event(tmp_path, clock):
    script = sample_script("en")
    script.blocks[0].steps[0].prompt = "Welcome **everyone**. Say who we are."
    with Event.create(tmp_path / "forum.db", script, "", "forum.md", clock=clock) as ev:
        ev.add_note(1, "Trust first", round=1, table=1, author="Ana")
        ev.add_note(1, "Housing", round=1, table=1, author="Ana")
        ev.add_note(1, "Youth", round=1, table=3, author="Bo")
        yield ev


def countdown(app) -> str:
    return app.query_one(BigCountdown).text


def last_log(event):
    entry = event.run_log()[-1]
    return entry.action, entry.step_index, entry.detail


@sync
async def test_opens_on_the_first_step_with_its_prompt_and_planned_duration(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Block 1: Café" in text
        assert "Accueil" in text and "Welcome everyone" in text
        assert "Next: Ronde 1" in text
        assert "Ready: not started" in text
        assert countdown(app) == "10:00"


@sync
async def test_space_starts_pauses_and_resumes(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert event.read_timer().status == "running"
        assert last_log(event) == ("started", 0, "")
        clock.now += 90
        app.tick()
        assert countdown(app) == "08:30"
        await pilot.press("space")
        assert event.read_timer().status == "paused"
        assert last_log(event) == ("paused", 0, "510 s left")
        clock.now += 1000  # time stands still while paused
        app.tick()
        await pilot.pause()
        assert countdown(app) == "08:30"
        assert "Paused" in screen_text(app)
        await pilot.press("space")
        assert last_log(event)[0] == "resumed"
        assert event.read_timer().deadline == pytest.approx(clock.now + 510)


@sync
async def test_s_starts_and_p_pauses_and_resumes(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")  # not started: nothing written
        assert event.run_log() == []
        await pilot.press("s")
        assert event.read_timer().status == "running"
        await pilot.press("s")  # already running: nothing more
        assert len(event.run_log()) == 1
        await pilot.press("p")
        assert event.read_timer().status == "paused"
        await pilot.press("p")
        assert event.read_timer().status == "running"


@sync
async def test_plus_and_minus_add_and_remove_a_minute(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "plus")
        assert countdown(app) == "11:00"
        assert last_log(event) == ("extended", 0, "+60 s")
        await pilot.press("minus", "minus")
        assert countdown(app) == "09:00"
        assert event.read_timer().deadline == pytest.approx(T0 + 540)
        await pilot.press("equals_sign")
        assert countdown(app) == "10:00"


@sync
async def test_next_previous_and_arrows_change_step_and_keep_time(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        clock.now += 600
        await pilot.press("n")
        state = event.read_timer()
        assert state.step_index == 1 and state.status == "running"
        assert last_log(event) == ("started", 1, "from 0 (next)")
        text = screen_text(app)
        assert "Ronde 1" in text and "Qu'est-ce qui compte?" in text
        assert countdown(app) == "20:00"
        await pilot.press("right")
        assert event.read_timer().step_index == 2
        await pilot.press("left", "b")
        assert event.read_timer().step_index == 0
        assert last_log(event) == ("started", 0, "from 1 (previous)")


@sync
async def test_g_jumps_to_a_chosen_step(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, JumpScreen)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, JumpScreen)
        assert event.read_timer().step_index == 3
        assert last_log(event) == ("goto", 3, "from 0 (jump)")
        await pilot.press("g", "escape")
        assert event.read_timer().step_index == 3


@sync
async def test_t_hides_and_shows_the_prompt(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert not app.query_one(Teleprompter).display
        assert "Welcome everyone" not in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert "Welcome everyone" in screen_text(app)


@sync
async def test_o_explains_how_to_open_the_projector(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorHelpScreen)
        text = screen_text(app)
        assert "facilitation screen" in text and "forum.db" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ProjectorHelpScreen)


@sync
async def test_c_shows_the_join_codes_of_the_tables(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TableCodesScreen)
        codes = event.table_codes(4)
        text = screen_text(app)
        assert len(codes) == 4 and all(code in text for code in codes.values())
        await pilot.press("escape")


@sync
async def test_f1_lists_every_key_with_its_description(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("Start/pause", "+1 min", "Next step", "Jump to a step", "Join codes"):
            assert words in text
        await pilot.press("f1")
        assert not isinstance(app.screen, HelpScreen)


@sync
async def test_every_binding_has_a_description_and_a_palette_command(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE):
        own = [a.binding for a in app.screen.active_bindings.values() if not a.binding.system]
        assert all(b.description for b in own)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Next step", "Projector instructions", "Show/hide the prompt"} <= titles


@sync
async def test_q_asks_before_quitting(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert "Quit the console?" in screen_text(app)
        await pilot.press("n")  # a stray q: the console stays
        await pilot.pause()
        assert app.return_code is None and "Quit the console?" not in screen_text(app)
        await pilot.press("space", "q", "q")  # q twice: quit
        await pilot.pause()
    assert app.return_code == 0
    assert event.read_timer().status == "running"


@sync
async def test_ctrl_q_asks_too_and_twice_quits(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "Quit the console?" in screen_text(app) and app.return_code is None
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


@sync
async def test_warning_end_and_overtime_signals(event, clock):
    app = make_console_app(event, clock=clock, warn_seconds=120, watch=False)
    bells = []
    app.bell = lambda: bells.append(clock.now)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        widget = app.query_one(BigCountdown)
        clock.now += 479
        app.tick()
        assert not widget.has_class("-warning") and bells == []
        clock.now += 1
        app.tick()
        assert widget.has_class("-warning") and len(bells) == 1
        assert "Less than 2 min left" in screen_text(app)
        clock.now += 120
        app.tick()
        clock.now += 5
        app.tick()
        await pilot.pause()
        assert widget.has_class("-over") and len(bells) == 2
        assert countdown(app) == "+00:05"
        assert "Overtime" in screen_text(app)
        app.tick()
        assert len(bells) == 2  # once each


@sync
async def test_capture_panel_counts_this_rounds_notes_per_table(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        assert "No table notes in this step" in screen_text(app)
        await pilot.press("n")
        clock.now += 180
        event.add_note(1, "Late note", round=1, table=4)
        app.refresh_view()
        await pilot.pause()
        text = screen_text(app)
        panel = text[text.index("Notes from the tables") :]
        rows = [line.split("│")[1].split() for line in panel.splitlines()[2:6]]
        assert [row[:2] for row in rows] == [["1", "2"], ["2", "0"], ["3", "1"], ["4", "1"]]
        assert "(3 min ago)" in panel and "(just now)" in panel


@sync
async def test_follows_another_console_through_the_file(event, clock):
    app = make_console_app(event, clock=clock)  # watching the file
    async with app.run_test(size=SIZE) as pilot:
        with Event.open(event.path, clock=clock) as other:
            from facilitation.run import timer
            from facilitation.run.agenda import planned_durations

            durations = planned_durations(other.script)
            t = timer.goto(other.read_timer(), clock.now, durations, 1)
            other.write_timer(t.state, t.action, detail=t.detail)
        await wait_for(pilot, lambda: app.state.step_index == 1)
        await pilot.pause()
        assert app.state.step_index == 1
        assert "Ronde 1" in screen_text(app)


@sync
async def test_a_conflict_shows_the_other_consoles_state(event, clock, monkeypatch):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        winner = event.read_timer().with_(step_index=2, revision=7)

        def conflicting(*args, **kwargs):
            raise TimerConflict(winner)

        monkeypatch.setattr(event, "write_timer", conflicting)
        await pilot.press("space")
        await pilot.pause()
        assert app.state.step_index == 2
        assert "Another console" in notifications(app)


@sync
async def test_a_restarted_console_shows_the_same_remaining_time(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
    clock.now += 125.5
    again = make_console_app(event, clock=clock, watch=False)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert countdown(again) == "07:55"  # 600 - 125.5 = 474.5 s, shown rounded up


@sync
async def test_agenda_shows_actual_durations_and_skipped_steps(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("space")
        clock.now += 14 * 60
        await pilot.press("n")  # 14 min on a 10 min step
        await pilot.press("n")  # round 1 left at once
        await pilot.press("g", "end", "enter")  # the last step: the rest is skipped
        await pilot.pause()
        text = screen_text(app)
        assert "· 14" in text
        assert "skipped" in text


@sync
async def test_the_countdown_keeps_going_behind_a_popup(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    bells = []
    app.bell = lambda: bells.append(clock.now)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "f1")
        assert isinstance(app.screen, HelpScreen)
        clock.now += 600
        app.tick()  # the timer's tick runs while the help is open
        assert len(bells) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert countdown(app) == "+00:00" or countdown(app) == "00:00"


@sync
async def test_the_command_palette_runs_a_console_command(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*[c if c != " " else "space" for c in "next step"])
        # the palette searches in the background: wait for the command to be offered
        await wait_for(pilot, lambda: "Next step" in screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        assert event.read_timer().step_index == 1
