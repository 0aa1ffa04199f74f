"""Action planning: actions with title, lead, partners, first step and deadline, each linked
to the topic (priority) it came from."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from facilitation.i18n import N_, _
from facilitation.openspace.ranking import rank_votes
from facilitation.store import Event
from facilitation.store.openspace import Action
from facilitation.tui.help import translate_bindings
from facilitation.tui.marketplace.block_screen import BlockScreen
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.widgets.fitting_footer import FittingFooter
from facilitation.tui.widgets.row_table import RowTable
from facilitation.tui.write_faults import guarded, guarded_write

CSS = str(Path(__file__).with_name("marketplace.tcss"))
FIELDS = (
    ("title", N_("Action")),
    ("lead", N_("Lead (who)")),
    ("partners", N_("Partners (with whom)")),
    ("first_step", N_("First step")),
    ("deadline", N_("Deadline (by when)")),
)


class ActionForm(ModalScreen[dict | None]):
    """The fields of one action; dismissed with the values, or None."""

    DEFAULT_CSS = """
    ActionForm { align: center middle; }
    ActionForm > Vertical { width: 70; max-width: 100%; height: auto; border: thick $primary;
        background: $surface; padding: 0 1; }
    ActionForm Input, ActionForm Select { margin-bottom: 0; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save")),
    ]

    def __init__(
        self, origins: list[tuple[str, int | str]], action: Action | None, topic_id: int | None
    ) -> None:
        """`origins`: (label, topic id) for a topic, (label, proposal) for a free proposal."""
        super().__init__()
        translate_bindings(self)
        self.topics = origins
        self.action_row = action
        self.topic_id: int | str | None = action.topic_id if action else topic_id
        if action is not None and action.topic_id is None and action.proposal:
            self.topic_id = action.proposal

    def compose(self) -> ComposeResult:
        with Vertical():
            for name, label in FIELDS:
                yield Label(_(label))
                value = getattr(self.action_row, name) if self.action_row else ""
                yield Input(value=value, id=f"f-{name}")
            yield Label(_("From the topic or proposal"))
            yield Select(
                self.topics,
                value=self.topic_id if self.topic_id is not None else Select.NULL,
                allow_blank=True,
                prompt=_("(no topic)"),
                id="f-topic",
            )
            yield Button(_("Save (Ctrl+S)"), id="save", variant="primary")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values: dict[str, object] = {
            name: self.query_one(f"#f-{name}", Input).value for name, _label in FIELDS
        }
        if not str(values["title"]).strip():
            self.query_one("#f-title", Input).focus()
            return
        origin = self.query_one("#f-topic", Select).value
        values["topic_id"] = origin if isinstance(origin, int) else None
        values["proposal"] = origin if isinstance(origin, str) else None
        self.dismiss(values)

    @on(Input.Submitted)
    def next_field(self, message: Input.Submitted) -> None:
        self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ActionsScreen(BlockScreen):
    HELP_TITLE = N_("Action plan: keys")
    CSS_PATH = CSS
    BINDINGS = [
        Binding("a", "add", N_("Add action")),
        Binding("e,enter", "edit", N_("Edit")),
        Binding("d", "delete", N_("Delete")),
    ]

    def __init__(self, event: Event, block_number: int) -> None:
        super().__init__(event, block_number)
        self.actions: list[Action] = []
        self.armed_delete: int | None = None

    def compose(self) -> ComposeResult:
        block = self.block
        yield Static(_("Action plan \u2014 {title}").format(title=block.title), id="title")
        yield self.step_line()
        yield RowTable(id="actions")
        yield Static("", id="status")
        yield FittingFooter(show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label in (
            ("title", N_("Action")),
            ("lead", N_("Lead")),
            ("partners", N_("Partners")),
            ("first_step", N_("First step")),
            ("deadline", N_("Deadline")),
            ("topic", N_("Topic or proposal")),
        ):
            table.add_column(_(label), key=key)
        self.refresh_actions()
        table.focus()

    def topic_choices(self) -> list[tuple[str, int | str]]:
        """Topics and free proposals, the most voted first (the priorities of the
        convergence); a proposal's value is its label."""
        ranked = rank_votes(
            self.event.list_votes(self.block_number), self.event.list_topics(self.block_number)
        )
        choices: list[tuple[str, int | str]] = []
        for r in ranked:
            if r.topic_id is not None:
                choices.append((r.label, r.topic_id))
            elif r.proposal:
                choices.append((_("{label} (proposal)").format(label=r.label), r.proposal))
        return choices

    def refresh_actions(self) -> None:
        titles = {t.id: t.title for t in self.event.list_topics(self.block_number)}
        self.actions = self.event.list_actions(self.block_number)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for a in self.actions:
            table.add_row(
                a.title,
                a.lead,
                a.partners,
                a.first_step.replace("\n", " "),
                a.deadline,
                titles.get(a.topic_id, "") if a.topic_id else (a.proposal or ""),
                key=str(a.id),
            )
        if self.actions:
            table.move_cursor(row=min(row, len(self.actions) - 1))

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        self.refresh_actions()

    def current(self) -> Action | None:
        row = self.query_one(DataTable).cursor_row
        return self.actions[row] if self.actions and row < len(self.actions) else None

    def action_add(self) -> None:
        def done(values: dict | None) -> None:
            if values:
                with guarded(self.event, self.notify) as refused:  # said, no crash
                    self.event.add_action(self.block_number, **values)
                    self.refresh_actions()
                    self.query_one(DataTable).move_cursor(row=len(self.actions) - 1)
                if refused.refused:  # the form again, with what was typed
                    typed = Action(0, self.block_number, **values)
                    self.app.push_screen(ActionForm(self.topic_choices(), typed, None), done)

        self.app.push_screen(ActionForm(self.topic_choices(), None, None), done)

    def action_edit(self) -> None:
        action = self.current()
        if action is None:
            return

        def done(values: dict | None) -> None:
            if values:
                with guarded(self.event, self.notify) as refused:
                    self.event.update_action(action.id, **values)
                    self.refresh_actions()
                if refused.refused:  # the form again, with what was typed
                    typed = replace(action, **values)
                    self.app.push_screen(ActionForm(self.topic_choices(), typed, None), done)

        self.app.push_screen(ActionForm(self.topic_choices(), action, None), done)

    @guarded_write
    def action_delete(self) -> None:
        action = self.current()
        if action is None:
            return
        status = self.query_one("#status", Static)
        if self.armed_delete != action.id:
            self.armed_delete = action.id
            status.update(
                _("Press d again to delete \u201c{title}\u201d.").format(title=action.title)
            )
            return
        self.armed_delete = None
        self.event.delete_action(action.id)
        status.update(_("Action deleted."))
        self.refresh_actions()
