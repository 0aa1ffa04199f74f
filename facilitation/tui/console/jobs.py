"""The console's long jobs (synthesis, seating plan) in worker threads. Their failures become
a notification and a line in a log file beside the event (facilitation.tui.failures), never
the end of the console: workers run with `exit_on_error=False`."""

from __future__ import annotations

from textual import work
from textual.css.query import NoMatches
from textual.worker import Worker

from facilitation.i18n import _
from facilitation.models import Block
from facilitation.tui.console.messages import (
    SeatingDone,
    SynthesisProgress,
    SynthesisWritten,
    WorkFailed,
)
from facilitation.tui.failures import report_failed_worker
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.stage import StageApp


class ConsoleJobs(StageApp):
    """Part of ConsoleApp: the `y` (synthesis) job and the seating plan's job."""

    def start_synthesis(self) -> None:
        from textual.widgets import ProgressBar

        try:
            bar = self.part("#work-progress", ProgressBar)
            bar.update(progress=0)
        except NoMatches:  # the first synthesis: not mounted at start-up, which it would slow
            bar = ProgressBar(id="work-progress", total=1.0, show_eta=False)
            self.part("#main").mount(bar)
        bar.display = True
        self.synthesis_worker()

    @work(thread=True, exclusive=True, group="synthesis", exit_on_error=False)
    def synthesis_worker(self) -> None:
        from facilitation.tui.console import work as jobs

        def progress(fraction: float, what: str) -> None:
            self.post_message(SynthesisProgress(fraction, what))

        path = jobs.write_synthesis(self.event, progress)
        self.post_message(SynthesisWritten(path))

    @work(thread=True, exclusive=True, group="seating", exit_on_error=False)
    def seating_worker(self, block: Block) -> None:
        from facilitation.tui.console import work as jobs

        summary, files = jobs.seat_block(self.event, block)
        self.post_message(SeatingDone(summary, files))

    def on_worker_state_changed(self, message: Worker.StateChanged) -> None:
        report_failed_worker(self, self.event, message.worker)

    def hide_work_progress(self) -> None:
        for bar in self._main.query("#work-progress"):
            bar.display = False

    def on_synthesis_progress(self, message: SynthesisProgress) -> None:
        from textual.widgets import ProgressBar

        for bar in self._main.query("#work-progress").results(ProgressBar):
            bar.update(progress=message.fraction)

    def on_synthesis_written(self, message: SynthesisWritten) -> None:
        self.hide_work_progress()
        self.notify(_("Synthesis written to {path}").format(path=message.path), timeout=20)

    def on_seating_done(self, message: SeatingDone) -> None:
        if self.screen is not self._main:  # the seating view shows the new plan
            self.screen.post_message(EventFileChanged())
        files = ", ".join(path.name for path in message.files)
        self.notify(
            message.summary + "\n" + _("Cards and table lists: {files}").format(files=files),
            timeout=20,
        )

    def on_work_failed(self, message: WorkFailed) -> None:
        self.hide_work_progress()
        self.notify(message.message, severity="error", timeout=15)
