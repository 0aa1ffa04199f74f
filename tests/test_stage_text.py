"""The console and the projector show the same block, step, question and next step: one rule
(facilitation.run.stage), checked here on both screens."""

from __future__ import annotations

from pilot_support import FakeClock, screen_text, screenshot_text, sync
from textual.app import App
from textual.widgets import Static

from facilitation.models import Block, Step
from facilitation.run.agenda import step_infos
from facilitation.run.stage import stage_text
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.projector import make_projector_app


def script_with_a_table_change():
    script = sample_script("en")
    cafe = script.blocks[0]
    steps = list(cafe.steps)
    steps.insert(2, Step(kind="table-change", title="Change tables", minutes=5))
    script.blocks[0] = Block(
        number=1,
        title=cafe.title,
        format=cafe.format,
        tables=cafe.tables,
        question="How do we welcome newcomers?",
        steps=steps,
    )
    return script


def test_a_step_taking_nothing_shows_no_question_and_the_last_announces_the_end():
    infos = step_infos(script_with_a_table_change())
    titles = [info.step.title for info in infos]
    change = stage_text(infos, titles.index("Change tables"), ended=False)
    assert change.question == ""
    assert change.next == "Next: Ronde 2 · 20 min"
    welcome = stage_text(infos, 0, ended=False)
    assert welcome.question == ""  # the welcome takes no input either
    harvest = stage_text(infos, titles.index("Récolte"), ended=False)
    assert harvest.question == "How do we welcome newcomers?"  # the theme, while notes are taken
    last = stage_text(infos, len(infos) - 1, ended=False)
    assert last.next == "Next: the end of the event"
    over = stage_text(infos, len(infos) - 1, ended=True)
    assert (over.step, over.question, over.next) == ("", "", "")


@sync
async def test_console_and_projector_agree_at_a_table_change_and_at_the_last_step(tmp_path):
    clock = FakeClock()
    path = tmp_path / "cafe.db"
    Event.create(path, script_with_a_table_change(), "", "cafe.md", clock=clock).close()
    with Event.open(path, clock=clock) as one, Event.open(path, clock=clock) as two:
        console = make_console_app(one, clock=clock, watch=False)
        projector = make_projector_app(two, clock=clock, watch=False)
        async with console.run_test(size=(130, 40)) as c, projector.run_test(size=(100, 30)) as p:
            await c.press("n", "n")  # the welcome, round 1, then the table change
            projector.state = two.read_timer()
            projector.refresh_view()
            await c.pause()
            await p.pause()
            for app in (console, projector):
                text = screen_text(app)
                assert text == screenshot_text(app)  # as the SVG screenshot reads
                assert "Change tables" in text
                assert "How do we welcome newcomers?" not in text
                assert "Next: Ronde 2 · 20 min" in text
            await c.press("g")  # jump to the last step
            await c.pause()
            await c.press("end", "enter")
            await c.pause()
            projector.state = two.read_timer()
            projector.refresh_view()
            await p.pause()
            for app in (console, projector):
                text = screen_text(app)
                assert "Plan d'action" in text
                assert "Next: the end of the event" in text


@sync
async def test_screen_text_reads_what_the_screenshot_shows_wide_characters_too():
    """screen_text (the compositor's lines) and the SVG screenshot agree, cell for cell."""

    class Wide(App):
        def compose(self):
            yield Static("Café 会議 🎉 · la suite\n\u00a0deux")

    app = Wide()
    async with app.run_test(size=(30, 4)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert text == screenshot_text(app)
        assert text.splitlines()[0] == "Café 会議 🎉 · la suite".ljust(30 - 3)
        assert text.splitlines()[1].startswith(" deux")
