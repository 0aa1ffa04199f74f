"""The notes board (`h` on the console): what the tables are saying, live.

Left, the tables of the current round (every round of the block on a plenary step) with how
many notes each has, and the plenary notes; right, the notes of the highlighted table,
refreshed as note-takers save them (from any process). Enter goes into a table's notes, `/`
searches every table, `p` sends the highlighted note (or the whole table) to the projector's
harvest board, `c` takes it down, `r` switches between this round and all rounds."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from facilitation.i18n import N_, _, ngettext
from facilitation.seating.event_plan import block_tables
from facilitation.store import Event, Note
from facilitation.store.live import Board, notes_marker, projector_board, show_on_projector
from facilitation.textmatch import fold
from facilitation.tui.live_screen import LiveScreen
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.widgets.fitting_footer import FittingFooter
from facilitation.tui.widgets.inline_markdown import inline_markdown

PLENARY = "plenary"
MAX_SHOWN = 300  # notes listed at once (a search in a busy room says how many it found)
SEARCH_PAUSE = 0.15  # seconds without a key before the search runs


class NotesBoardScreen(LiveScreen):
    HELP_TITLE = N_("Notes board: keys")
    BINDINGS = [
        Binding("escape", "back", N_("Back (to the tables, then to the console)")),
        Binding("slash", "search", N_("Search"), key_display="/"),
        Binding("p", "project", N_("To the projector")),
        Binding("c", "clear_projector", N_("Clear the projector")),
        Binding("r", "all_rounds", N_("This round / all rounds")),
        Binding("h", "close", N_("Back to the console"), show=False),
    ]
    DEFAULT_CSS = """
    NotesBoardScreen #board-title { height: 1; background: $primary; color: $text;
        text-style: bold; padding: 0 1; }
    NotesBoardScreen #board { height: 1fr; }
    NotesBoardScreen #board-tables { width: 26; border: round $secondary; }
    NotesBoardScreen #board-notes { width: 1fr; border: round $secondary; }
    NotesBoardScreen #board-search { display: none; }
    NotesBoardScreen #board-search.-open { display: block; }
    NotesBoardScreen #board-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, event: Event, block_number: int, round: int | None) -> None:
        super().__init__()
        self.event = event
        self.block_number = block_number
        self.round = round  # None: every round of the block
        self.query_text = ""
        self.notes: list[Note] = []  # the notes shown on the right, in order
        self.groups: dict[str, list[Note]] = {}  # "1", "2"..., "plenary" -> notes
        self._folded: dict[int, tuple[int, str]] = {}  # note id -> (revision, folded text)
        self._shown: dict[tuple[int, int, str], Text] = {}  # (id, revision, label) -> text
        self._search_timer: Timer | None = None
        self._marker: tuple = ()

    # ---- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.step_line()
        yield Static(id="board-title")
        with Horizontal(id="board"):
            yield OptionList(id="board-tables")
            yield OptionList(id="board-notes")
        yield Input(id="board-search", placeholder=_("Search the notes (Escape: done)"))
        yield Static("", id="board-status")
        yield FittingFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_board()
        tables = self.query_one("#board-tables", OptionList)
        tables.highlighted = 0 if tables.option_count else None
        tables.focus()

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        """Most changes to the file are drafts and the timer: read the notes only when
        theirs changed."""
        marker = notes_marker(self.event, self.block_number)
        if marker != self._marker:
            self.refresh_board()

    # ---- what is shown -----------------------------------------------------------------

    def table_numbers(self) -> list[int]:
        block = self.event.script.block(self.block_number)
        count = block_tables(self.event, block) or self.event.table_count()
        with_notes = {int(k) for k in self.groups if k != PLENARY}
        return sorted(set(range(1, count + 1)) | with_notes)

    def load(self) -> None:
        notes = self.event.list_notes(self.block_number)
        if self.round is not None:
            notes = [n for n in notes if n.round == self.round or n.kind == PLENARY]
        groups: dict[str, list[Note]] = {}
        for note in notes:
            if note.kind == PLENARY or note.table is None:
                groups.setdefault(PLENARY, []).append(note)
            else:
                groups.setdefault(str(note.table), []).append(note)
        self.groups = groups

    def refresh_board(self) -> None:
        self._marker = notes_marker(self.event, self.block_number)
        self.load()
        block = self.event.script.block(self.block_number)
        which = _("round {n}").format(n=self.round) if self.round is not None else _("all rounds")
        self.query_one("#board-title", Static).update(
            _("Notes board \u2014 {block} · {which}").format(block=block.title, which=which)
        )
        tables = self.query_one("#board-tables", OptionList)
        highlighted = tables.highlighted
        tables.clear_options()
        for number in self.table_numbers():
            count = len(self.groups.get(str(number), []))
            label = _("Table {n}").format(n=number) + "  " + self.count_text(count)
            theme = block.table_theme(number)
            if theme:
                label += "\n  " + theme
            tables.add_option(Option(Text(label, style="" if count else "dim"), id=str(number)))
        plenary = len(self.groups.get(PLENARY, []))
        tables.add_option(Option(_("Plenary") + "  " + self.count_text(plenary), id=PLENARY))
        if tables.option_count:
            tables.highlighted = min(highlighted or 0, tables.option_count - 1)
        self.show_notes()

    @staticmethod
    def count_text(count: int) -> str:
        return ngettext("{n} note", "{n} notes", count).format(n=count)

    def current_group(self) -> str | None:
        tables = self.query_one("#board-tables", OptionList)
        if tables.highlighted is None:
            return None
        return tables.get_option_at_index(tables.highlighted).id

    def group_label(self, group: str) -> str:
        """ "Plenary", "Table 2", or "Table 2 — Mobility" when the table carries a theme."""
        if group == PLENARY:
            return _("Plenary")
        label = _("Table {n}").format(n=group)
        theme = self.event.script.block(self.block_number).table_theme(int(group))
        return f"{label} \u2014 {theme}" if theme else label

    def show_notes(self) -> None:
        listing = self.query_one("#board-notes", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        if self.query_text:
            wanted = fold(self.query_text)
            found = [
                (group, note)
                for group, notes in self.groups.items()
                for note in notes
                if wanted in self.folded(note)
            ]
            listing.border_title = _("Search: {text}").format(text=self.query_text)
            self.say(ngettext("{n} note found", "{n} notes found", len(found)).format(n=len(found)))
        else:
            current = self.current_group() or ""
            found = [(current, note) for note in self.groups.get(current, [])]
            listing.border_title = self.group_label(current) if current else ""
        found = found[:MAX_SHOWN]
        self.notes = [note for _group, note in found]
        listing.add_options(
            [
                Option(self.note_text(note, group if self.query_text else ""), id=str(note.id))
                for group, note in found
            ]
        )
        if not found:
            listing.add_option(Option(Text(_("No notes yet."), style="dim"), disabled=True))
        elif highlighted is not None:
            listing.highlighted = min(highlighted, listing.option_count - 1)

    def folded(self, note: Note) -> str:
        """The note's text and author, case and accents folded (kept per revision)."""
        cached = self._folded.get(note.id)
        if cached is None or cached[0] != note.revision:
            cached = (note.revision, fold(note.text) + " " + fold(note.author))
            self._folded[note.id] = cached
        return cached[1]

    def note_text(self, note: Note, group: str) -> Text:
        """One note as shown: "Table 2 · " (in search results), the author, the text."""
        key = (note.id, note.revision, group)
        if key not in self._shown:
            text = Text()
            if group:
                text.append(self.group_label(group) + " · ", style="bold")
            if note.author:
                text.append(note.author + " · ", style="dim")
            text.append_text(inline_markdown(note.text))
            self._shown[key] = text
        return self._shown[key]

    def say(self, text: str) -> None:
        self.query_one("#board-status", Static).update(text)

    @on(OptionList.OptionHighlighted, "#board-tables")
    def table_highlighted(self) -> None:
        if not self.query_text:
            self.show_notes()

    @on(OptionList.OptionSelected, "#board-tables")
    def table_selected(self) -> None:
        """Enter on a table: into its notes."""
        listing = self.query_one("#board-notes", OptionList)
        if self.notes:
            listing.highlighted = 0
            listing.focus()

    # ---- keys --------------------------------------------------------------------------

    def action_back(self) -> None:
        search = self.query_one("#board-search", Input)
        if search.has_focus or self.query_text:
            search.value = ""
            search.remove_class("-open")
            self.query_text = ""
            self.show_notes()
            self.query_one("#board-tables", OptionList).focus()
            self.say("")
            return
        if self.query_one("#board-notes", OptionList).has_focus:
            self.query_one("#board-tables", OptionList).focus()
            return
        super().action_back()

    def action_close(self) -> None:
        super().action_back()

    def action_search(self) -> None:
        search = self.query_one("#board-search", Input)
        search.add_class("-open")
        search.focus()

    @on(Input.Changed, "#board-search")
    def search_changed(self, message: Input.Changed) -> None:
        """Search as the facilitator types, once typing pauses (a busy room has many notes)."""
        self.query_text = message.value.strip()
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_PAUSE, self.show_notes)

    @on(Input.Submitted, "#board-search")
    def search_submitted(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.show_notes()
        listing = self.query_one("#board-notes", OptionList)
        if self.notes:
            listing.highlighted = 0
        listing.focus()

    def action_all_rounds(self) -> None:
        if self.round is None:
            info_round = getattr(self.app, "infos", None)
            current = getattr(self.app, "current", 0)
            self.round = info_round[current].step.round if info_round else None
            if self.round is None:
                self.say(_("This step is not a round: every round is shown."))
                return
        else:
            self.round = None
        self.refresh_board()

    def action_project(self) -> None:
        listing = self.query_one("#board-notes", OptionList)
        if listing.has_focus and listing.highlighted is not None and self.notes:
            note = self.notes[min(listing.highlighted, len(self.notes) - 1)]
            group = PLENARY if note.table is None else str(note.table)
            title, ids = self.group_label(group), [note.id]
        else:
            group = self.current_group() or ""
            notes = self.groups.get(group, [])
            if not group or not notes:
                self.say(_("No notes here to show."))
                return
            title, ids = self.group_label(group), [n.id for n in notes]
        step = getattr(self.app, "current", 0)
        show_on_projector(self.event, Board(title, ids, step))
        self.say(
            ngettext(
                "{n} note on the projector ({title}).",
                "{n} notes on the projector ({title}).",
                len(ids),
            ).format(n=len(ids), title=title)
        )

    def action_clear_projector(self) -> None:
        if projector_board(self.event) is None:
            self.say(_("Nothing is on the projector's board."))
            return
        show_on_projector(self.event, None)
        self.say(_("The projector shows the step again."))
