"""The typist's bulk view: every table of one round on one screen, for typing in the paper
tablecloths after the event. Enter saves the line to the current table; Page Down / Page Up
move to the next / previous table; `#tag` words tag the note (codebook ids or labels)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from facilitation.errors import UserError
from facilitation.i18n import N_, _
from facilitation.run.tables import block_table_count
from facilitation.store.connection import WriteUnavailable
from facilitation.tui import timings
from facilitation.tui.capture.where import (
    NoteWriter,
    Target,
    draft_key,
    split_inline_tags,
    target_for,
)
from facilitation.tui.help import translate_bindings
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.watch import watch_event_file
from facilitation.tui.widgets.fitting_footer import FittingFooter
from facilitation.tui.widgets.shown import fill_options, show
from facilitation.tui.write_faults import WriteFaults

if TYPE_CHECKING:
    from facilitation.tui.capture.app import CaptureApp


class LineInput(Input):
    """The line being typed. Enter and the table keys act here, in the order of the keys: as
    bindings they ran before (priority) or after (bubbling) the keys around them, so a fast
    "one" Enter "two" Enter saved "onetwo" twice."""

    def __init__(self, keys: dict[str, Callable[[], None]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.keys = keys

    async def _on_key(self, event: events.Key) -> None:
        act = self.keys.get(event.key)
        if act is not None:
            event.stop()
            event.prevent_default()
            act()
            return
        await super()._on_key(event)


class TypistScreen(Screen):
    app: CaptureApp  # typed for mypy: the app this screen runs in

    AUTO_FOCUS = ""  # on_mount focuses the line: not the round's Select first

    BINDINGS = [
        Binding("pagedown,ctrl+down", "next_table", N_("Next table")),
        Binding("pageup,ctrl+up", "previous_table", N_("Previous table")),
        Binding("f9", "choose_round", N_("Choose the round")),
        Binding("escape", "back", N_("Back")),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.table = 1
        self.place: tuple[int, int | None] | None = None  # (block, round)
        self._stored = ""
        self._notes_shown: list[tuple[str, tuple[str, ...]]] | None = None  # the notes listed

    @property
    def event(self):
        return self.app.event

    @property
    def writer(self) -> NoteWriter:
        return NoteWriter(self.event, "typist-" + (self.app.who or "-"), "typist")

    def rounds(self) -> list[tuple[str, tuple[int, int | None]]]:
        out = []
        for block, step in self.event.script.flat_steps():
            if step.capture == "table":
                out.append((f"{block.title} · {step.title}", (block.number, step.round)))
        return out

    def compose(self) -> ComposeResult:
        rounds = self.rounds()
        options = [(label, f"{b}:{r or 0}") for label, (b, r) in rounds]
        yield Select(options, id="round", allow_blank=False, prompt=_("Round"))
        with Horizontal(id="typist-body"):
            yield OptionList(id="tables")
            with Vertical(id="typist-main"):
                yield Static("", id="typist-where")
                keys = {
                    "enter": self.save_line,
                    "pagedown": self.action_next_table,
                    "ctrl+down": self.action_next_table,
                    "pageup": self.action_previous_table,
                    "ctrl+up": self.action_previous_table,
                }
                yield LineInput(
                    keys, placeholder=_("a note, then Enter  (#tag to tag it)"), id="line"
                )
                yield Static("", id="typist-notes")
        yield FittingFooter()

    def on_mount(self) -> None:
        rounds = self.rounds()
        if rounds:
            self.place = rounds[0][1]
        self.refresh_all()
        self.load_draft()
        self.query_one("#line", Input).focus()
        watch_event_file(self, self.event)
        self.set_interval(timings.DRAFT_SECONDS, self.flush_draft, name="drafts")

    def on_event_file_changed(self, _message: EventFileChanged) -> None:
        self.refresh_all()

    @property
    def target(self) -> Target | None:
        if self.place is None:
            return None
        block, round_ = self.place
        return target_for(self.event.script, block, round_, "table", self.table)

    def tables(self) -> int:
        if self.place is None:
            return 0
        block = self.event.script.block(self.place[0])
        return block_table_count(self.event, block)

    def refresh_all(self) -> None:
        # Every write to the event file, the typist's own drafts too, makes the screen look
        # again: what did not change is not built again (show, fill_options, _notes_shown).
        target = self.target
        if target is None:
            show(self.query_one("#typist-where", Static), _("This event has no table rounds."))
            return
        counts = self.event.note_counts(target.block, target.round)
        tables = self.query_one("#tables", OptionList)
        fill_options(
            tables,
            [
                Option(_("Table {n}").format(n=n) + f"  ({counts.get(n, (0, 0))[0]})", id=str(n))
                for n in range(1, self.tables() + 1)
            ],
        )
        if tables.highlighted != self.table - 1:
            tables.highlighted = self.table - 1
        where = _("Table {n}").format(n=self.table) + " · " + target.title
        show(self.query_one("#typist-where", Static), Text(where, style="bold"))
        notes = self.event.list_notes(
            block=target.block, round=target.round, table=self.table, kind="table"
        )
        shown = [(note.text, tuple(note.tags)) for note in notes]
        if shown == self._notes_shown:
            return
        self._notes_shown = shown
        listing = Text()
        for note in notes:
            listing.append("• " + note.text)
            if note.tags:
                listing.append("  #" + " #".join(note.tags), style="italic")
            listing.append("\n")
        self.query_one("#typist-notes", Static).update(listing)

    # ---- drafts ------------------------------------------------------------------------

    def flush_draft(self) -> bool:
        """Keep the line as a draft; False if the event file cannot take it now."""
        target = self.target
        text = self.query_one("#line", Input).value
        if target is not None and text != self._stored:
            try:
                self.writer.keep_draft(target, text)
            except WriteUnavailable as exc:  # the line stays in the input; tried again later
                self.notify(WriteFaults.banner_once(exc), severity="error", timeout=8)
                return False
            self._stored = text
        return True

    def load_draft(self) -> None:
        target = self.target
        text = ""
        if target is not None:
            draft = self.event.get_draft(draft_key(target, self.writer.who))
            text = draft.text if draft else ""
        self._stored = text
        self.query_one("#line", Input).value = text

    # ---- keys --------------------------------------------------------------------------

    def save_line(self) -> None:
        """Enter: the line goes to the current table (and the input is emptied)."""
        line = self.query_one("#line", Input)
        target = self.target
        text, tags = split_inline_tags(line.value)
        if target is None or not text:
            return
        try:
            self.writer.save(target, text, tags)
        except UserError as exc:  # an unknown tag: the line stays to be corrected
            self.notify(str(exc), severity="error")
            return
        self._stored = ""
        line.value = ""
        self.refresh_all()

    def move(self, delta: int) -> None:
        count = self.tables()
        if not count:
            return
        if not self.flush_draft():  # the line stays: moving on would lose it
            return
        self.table = (self.table - 1 + delta) % count + 1
        self.load_draft()
        self.refresh_all()
        self.query_one("#line", Input).focus()

    def action_next_table(self) -> None:
        self.move(1)

    def action_previous_table(self) -> None:
        self.move(-1)

    @on(OptionList.OptionSelected, "#tables")
    def pick_table(self, selected: OptionList.OptionSelected) -> None:
        if selected.option.id:
            self.move(int(selected.option.id) - self.table)

    @on(Select.Changed, "#round")
    def round_changed(self, changed: Select.Changed) -> None:
        if changed.value is Select.BLANK:
            return
        block, round_ = (int(x) for x in str(changed.value).split(":"))
        if (block, round_ or None) == self.place:
            return
        if not self.flush_draft():  # the line stays: moving on would lose it
            return
        self.place = (block, round_ or None)
        self.table = 1
        self.load_draft()
        self.refresh_all()
        self.query_one("#line", Input).focus()

    def action_choose_round(self) -> None:
        self.query_one("#round", Select).focus()

    def action_back(self) -> None:
        if not self.flush_draft():  # the line stays: moving on would lose it
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
