"""The capture app: one factory for the CLI, `serve` and the tests.

Modes: a table's note editor (`table=n`), the plenary scribe (`plenary=True`), a chooser
(tables, plenary, Open Space reports, the typist's view), and the restricted mode served to
browsers, which starts on the join-code screen and offers nothing but the table of the code.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitation.i18n import N_, _
from facilitation.store import Event
from facilitation.store.connection import WriteUnavailable
from facilitation.tui.help import HelpScreen, translate_bindings
from facilitation.tui.terminal_input import tolerate_bad_bytes
from facilitation.tui.textual_words import TextualInUserLanguage
from facilitation.tui.write_faults import SCREEN_LOCK_WAIT_S


class CaptureApp(TextualInUserLanguage):  # palette and key names translated
    CSS_PATH = "capture.tcss"
    TITLE = "facilitation"
    BINDINGS = [
        Binding("f1", "help", N_("Help")),
        Binding("ctrl+q", "quit", N_("Quit"), priority=True),
    ]

    def __init__(
        self,
        event: Event,
        *,
        table: int | None = None,
        plenary: bool = False,
        restricted: bool = False,
        who: str = "",
        clock: Callable[[], float] = time.time,
        start: str | None = None,
    ) -> None:
        # A browser gets no command palette: nothing but its own table is reachable.
        self.ENABLE_COMMAND_PALETTE = not restricted  # type: ignore[misc]  # per app, not per class
        super().__init__()
        translate_bindings(self)
        tolerate_bad_bytes()  # a Latin-1 byte from an old terminal is never fatal
        self.event = event
        # A write waits this long for another program's lock, then the screen keeps the text
        # and retries later: the keys never freeze for a minute.
        event.write_deadline_s = SCREEN_LOCK_WAIT_S
        self.table = table
        self.plenary = plenary
        self.restricted = restricted
        self.who = who
        self.clock = clock
        self.start = start  # "reports" or "typist": open that screen first

    def on_mount(self) -> None:
        from facilitation.tui.capture.choose import ChooseScreen, JoinScreen

        if self.restricted:
            self.push_screen(JoinScreen())
        elif self.table is not None or self.plenary:
            self.open_editor(self.table)
        elif self.start == "reports":
            self.open_reports()
        elif self.start == "typist":
            self.open_typist()
        else:
            self.push_screen(ChooseScreen())

    def open_editor(self, table: int | None) -> None:
        from facilitation.tui.capture.editor import NoteEditorScreen

        self.table = table
        self.push_screen(NoteEditorScreen(table))

    def open_reports(self) -> None:
        from facilitation.tui.capture.reports import ReportListScreen

        self.push_screen(ReportListScreen())

    def open_typist(self) -> None:
        from facilitation.tui.capture.typist import TypistScreen

        self.push_screen(TypistScreen())

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.of(self))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette: the keys of the screen, then the other capture screens."""
        if self.restricted:
            return
        offered = set()
        for active in screen.active_bindings.values():  # the keys that work here, now
            binding = active.binding
            action = binding.action.removeprefix("screen.")
            method = getattr(screen, f"action_{action}", None)
            if binding.description and method is not None and action not in offered:
                offered.add(action)
                key = self.get_key_display(binding)
                yield SystemCommand(binding.description, f"[{key}]", method)
        yield SystemCommand(_("Open Space session reports"), "", self.open_reports)
        yield SystemCommand(_("Typist: all the tables of a round"), "", self.open_typist)
        yield from super().get_system_commands(screen)

    async def action_quit(self) -> None:
        # Every screen that keeps a draft, not only the top one: Ctrl+Q in the tag picker or
        # the help screen must not lose what the editor below holds.
        for screen in self.screen_stack:
            flush = getattr(screen, "flush_draft", None)
            if flush is not None:
                with contextlib.suppress(WriteUnavailable):  # its fallback file keeps the text
                    flush()
        self.exit()


def make_capture_app(
    path: str | Path,
    *,
    table: int | None = None,
    plenary: bool = False,
    restricted: bool = False,
    who: str = "",
    clock: Callable[[], float] = time.time,
    start: str | None = None,
) -> CaptureApp:
    """The capture app on the event file at `path` (opened here, closed when the app exits)."""
    event = Event.open(path, clock=clock)
    return CaptureApp(
        event,
        table=table,
        plenary=plenary,
        restricted=restricted,
        who=who,
        clock=clock,
        start=start,
    )
