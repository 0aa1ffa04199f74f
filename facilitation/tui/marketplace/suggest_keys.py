"""The marketplace's "suggest agenda" key (s): the topics not pinned are placed so that few
people face a clash, in a worker thread; a failure is said on the screen and logged beside
the event (facilitation.tui.failures), never the end of the console."""

from __future__ import annotations

from textual import work
from textual.worker import Worker

from facilitation.i18n import _, ngettext
from facilitation.openspace.clashes import clash_count
from facilitation.openspace.suggest import suggest_agenda
from facilitation.openspace.wall import apply_suggestion, build_problem
from facilitation.tui.failures import WorkFailed, report_failed_worker
from facilitation.tui.marketplace.block_screen import BlockScreen
from facilitation.tui.marketplace.messages import SuggestionReady
from facilitation.tui.marketplace.wall_widget import AgendaWall
from facilitation.tui.write_faults import guarded_write


class SuggestKeys(BlockScreen):
    """Part of MarketplaceScreen (which provides say and refresh_all)."""

    def say(self, message: str) -> None:
        raise NotImplementedError

    def refresh_all(self) -> None:
        raise NotImplementedError

    @property
    def wall_widget(self) -> AgendaWall:
        return self.query_one(AgendaWall)

    def action_suggest(self) -> None:
        wall = self.wall_widget.wall
        if not wall.slots or not wall.spaces:
            self.say(_("This block has no time slots or no spaces."))
            return
        problem = build_problem(self.event, wall)
        self.say(_("Looking for an agenda with few clashes\u2026"))
        self._suggest(problem)

    @work(thread=True, exclusive=True, group="suggest", exit_on_error=False)
    def _suggest(self, problem) -> None:
        before = clash_count({t.id: t.slot for t in problem.topics}, problem.interests)
        result = suggest_agenda(problem)
        self.post_message(SuggestionReady(result, before))

    def on_worker_state_changed(self, message: Worker.StateChanged) -> None:
        message.stop()  # this screen's worker: the console below must not report it again
        report_failed_worker(self, self.event, message.worker)

    def on_work_failed(self, message: WorkFailed) -> None:
        message.stop()  # the screen says it; the console below need not
        self.say(message.message)
        self.app.notify(message.message, severity="error", timeout=15)

    @guarded_write
    def on_suggestion_ready(self, message: SuggestionReady) -> None:
        result = message.suggestion
        moved = apply_suggestion(self.event, result, self.wall_widget.wall.active)
        self.refresh_all()
        text = _("Agenda suggested: {clashes}, {moved}.").format(
            clashes=ngettext(
                "{n} clash (before: {before})", "{n} clashes (before: {before})", result.clashes
            ).format(n=result.clashes, before=message.clashes_before),
            moved=ngettext("{n} topic moved", "{n} topics moved", moved).format(n=moved),
        )
        if result.unplaced:
            text += " " + ngettext(
                "{n} topic fits nowhere and stays in the tray.",
                "{n} topics fit nowhere and stay in the tray.",
                len(result.unplaced),
            ).format(n=len(result.unplaced))
        remaining = len(self.wall_widget.wall.conflicts)
        if remaining:
            text += " " + ngettext(
                "{n} conflict remains among the pinned topics (see Conflicts).",
                "{n} conflicts remain among the pinned topics (see Conflicts).",
                remaining,
            ).format(n=remaining)
        self.say(text)
