"""Action planning: actions with title, lead, partners, first step and deadline, each linked
to the topic (priority) it came from."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Input, Label, Select, Static

from facilitation.i18n import N_, _
from facilitation.openspace.ranking import rank_votes
from facilitation.store import Event
from facilitation.store.openspace import Action
from facilitation.tui.help import translate_bindings
from facilitation.tui.marketplace.block_screen import BlockScreen
from facilitation.tui.messages import EventFileChanged

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

    def __init__(self, topics: list[tuple[str, int]], action: Action | None, topic_id):
        super().__init__()
        translate_bindings(self)
        self.topics = topics
        self.action_row = action
        self.topic_id = action.topic_id if action else topic_id

    def compose(self) -> ComposeResult:
        with Vertical():
            for name, label in FIELDS:
                yield Label(_(label))
                value = getattr(self.action_row, name) if self.action_row else ""
                yield Input(value=value, id=f"f-{name}")
            yield Label(_("From the topic"))
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
        values = {name: self.query_one(f"#f-{name}", Input).value for name, _label in FIELDS}
        if not values["title"].strip():
            self.query_one("#f-title", Input).focus()
            return
        topic = self.query_one("#f-topic", Select).value
        self.dismiss({**values, "topic_id": topic if isinstance(topic, int) else None})

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
        Binding("f1", "keys", N_("Keys")),
    ]

    def __init__(self, event: Event, block_number: int) -> None:
        super().__init__(event, block_number)
        self.actions: list[Action] = []
        self.armed_delete: int | None = None

    def compose(self) -> ComposeResult:
        block = self.block
        yield Static(_("Action plan \u2014 {title}").format(title=block.title), id="title")
        yield DataTable(id="actions", cursor_type="row")
        yield Static("", id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label in (
            ("title", N_("Action")),
            ("lead", N_("Lead")),
            ("partners", N_("Partners")),
            ("first_step", N_("First step")),
            ("deadline", N_("Deadline")),
            ("topic", N_("Topic")),
        ):
            table.add_column(_(label), key=key)
        self.refresh_actions()
        table.focus()

    def topic_choices(self) -> list[tuple[str, int]]:
        """Topics, the most voted first (the priorities of the convergence)."""
        ranked = rank_votes(
            self.event.list_votes(self.block_number), self.event.list_topics(self.block_number)
        )
        return [(r.label, r.topic_id) for r in ranked if r.topic_id is not None]

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
                titles.get(a.topic_id, "") if a.topic_id else "",
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
                self.event.add_action(self.block_number, **values)
                self.refresh_actions()
                self.query_one(DataTable).move_cursor(row=len(self.actions) - 1)

        self.app.push_screen(ActionForm(self.topic_choices(), None, None), done)

    def action_edit(self) -> None:
        action = self.current()
        if action is None:
            return

        def done(values: dict | None) -> None:
            if values:
                self.event.update_action(action.id, **values)
                self.refresh_actions()

        self.app.push_screen(ActionForm(self.topic_choices(), action, None), done)

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
