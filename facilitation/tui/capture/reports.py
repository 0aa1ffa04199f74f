"""Open Space session reports: the list of topics, and the report form of one topic.

The form has the fields facilitators use (topic, convener, participants, key points,
recommendations, next steps, resources); each save is a new revision (`save_report`). What is
typed is kept as a draft (JSON under `report/<topic>/<who>`) at most a second after a change,
and only after a change: an idle form does not write to the event file.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from facilitation.i18n import N_, _
from facilitation.store.connection import WriteUnavailable
from facilitation.store.openspace import REPORT_FIELDS
from facilitation.tui import timings
from facilitation.tui.help import translate_bindings
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.watch import watch_event_file
from facilitation.tui.widgets.fitting_footer import FittingFooter
from facilitation.tui.widgets.shown import fill_options
from facilitation.tui.write_faults import WriteFaults

if TYPE_CHECKING:
    from facilitation.tui.capture.app import CaptureApp

FIELD_LABELS = {
    "convener": N_("Convener"),
    "participants": N_("Participants"),
    "key_points": N_("Key points of the discussion"),
    "recommendations": N_("Recommendations"),
    "next_steps": N_("Next steps / actions"),
    "resources": N_("Resources"),
}
ONE_LINE = ("convener",)


def open_space_blocks(script) -> list[int]:
    return [b.number for b in script.blocks if b.is_open_space]


class ReportListScreen(Screen):
    """The topics of the Open Space blocks, with whether each has a report."""

    app: CaptureApp  # typed for mypy: the app this screen runs in

    BINDINGS = [
        Binding("a", "add_topic", N_("Add a topic")),
        Binding("escape", "back", N_("Back")),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="reports"):
            yield Static(_("Open Space session reports"), id="reports-title")
            yield Label(_("Choose a topic, then Enter to fill its report."))
            yield OptionList(id="topics")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.refresh_topics()
        self.query_one("#topics", OptionList).focus()
        watch_event_file(self, self.app.event)

    def on_event_file_changed(self, _message: EventFileChanged) -> None:
        self.refresh_topics()

    def on_screen_resume(self) -> None:
        self.refresh_topics()

    def refresh_topics(self) -> None:
        """Build the list again if what it shows changed: every write to the event file (a
        report form's draft, another screen's note) lands here, and most change no line."""
        event = self.app.event
        options: list[Option] = []
        for block in open_space_blocks(event.script):
            options.append(Option(Text(event.script.block(block).title, "bold"), disabled=True))
            reports = {r.topic_id: r for r in event.list_reports(block)}
            for topic in event.list_topics(block, include_inactive=False):
                report = reports.get(topic.id)
                status = (
                    _("report, revision {n}").format(n=report.revision)
                    if report
                    else _("no report yet")
                )
                line = Text(f"{topic.title}")
                if topic.convener:
                    line.append(f" — {topic.convener}")
                line.append(f"  ({status})", style="italic")
                options.append(Option(line, id=str(topic.id)))
        if len(options) == len(open_space_blocks(event.script)):
            options.append(Option(_("No topics yet: press a to add one."), disabled=True))
        fill_options(self.query_one("#topics", OptionList), options)

    @on(OptionList.OptionSelected, "#topics")
    def open_topic(self, selected: OptionList.OptionSelected) -> None:
        if selected.option.id:
            self.app.push_screen(ReportFormScreen(int(selected.option.id)))

    def action_add_topic(self) -> None:
        blocks = open_space_blocks(self.app.event.script)
        if not blocks:
            self.notify(_("This event has no Open Space block."), severity="warning")
            return

        def added(values: tuple[str, str] | None) -> None:
            if values and values[0].strip():
                topic_id = self.app.event.add_topic(blocks[0], values[0], convener=values[1])
                self.refresh_topics()
                self.app.push_screen(ReportFormScreen(topic_id))

        self.app.push_screen(AddTopicScreen(), added)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()


class AddTopicScreen(ModalScreen[tuple[str, str] | None]):
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("A new topic"), classes="dialog-title")
            yield Input(placeholder=_("topic"), id="topic-title")
            yield Input(placeholder=_("convener"), id="topic-convener")
        yield FittingFooter()

    @on(Input.Submitted, "#topic-title")
    def next_field(self) -> None:
        self.query_one("#topic-convener", Input).focus()

    @on(Input.Submitted, "#topic-convener")
    def done(self) -> None:
        self.dismiss(
            (
                self.query_one("#topic-title", Input).value,
                self.query_one("#topic-convener", Input).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class PeoplePicker(ModalScreen[list[str] | None]):
    """Tick participants from the event's list (space), Enter to add them."""

    BINDINGS = [
        Binding("enter", "done", N_("Add the ticked names"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        translate_bindings(self)
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Participants: space ticks a name, Enter adds them"))
            yield SelectionList(*[(name, name) for name in self.names], id="people")
        yield FittingFooter()

    def action_done(self) -> None:
        self.dismiss(list(self.query_one("#people", SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReportFormScreen(Screen):
    app: CaptureApp  # typed for mypy: the app this screen runs in

    # No focus before on_mount gives it to the topic's title: Textual's default gave it to the
    # scrolling form first (restyling its fifteen widgets), then on the way out again.
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("ctrl+s,f2", "save", N_("Save the report")),
        Binding("f5", "pick_people", N_("Add participants from the list")),
        Binding("escape", "back", N_("Back to the topics")),
    ]

    def __init__(self, topic_id: int) -> None:
        super().__init__()
        translate_bindings(self)
        self.topic_id = topic_id
        self._stored: dict[str, str] = {}  # the saved report (or the topic), as shown
        self._drafted: dict[str, str] | None = None  # what the draft holds; None: no draft
        self._fields: dict[str, Input | TextArea] = {}  # the form's fields, found once
        self._touched = True  # a field changed since the draft timer's last look

    @property
    def draft_key(self) -> str:
        return f"report/{self.topic_id}/{self.app.who or '-'}"

    def compose(self) -> ComposeResult:
        topic = self.app.event.get_topic(self.topic_id)
        yield Static("", id="report-status")
        with VerticalScroll(id="report-form"):
            yield Label(_("Topic"))
            yield Input(topic.title if topic else "", id="f-title", select_on_focus=False)
            for field in REPORT_FIELDS:
                yield Label(_(FIELD_LABELS[field]))
                if field in ONE_LINE:
                    yield Input(id=f"f-{field}", select_on_focus=False)
                else:
                    yield TextArea(id=f"f-{field}", soft_wrap=True, tab_behavior="focus")
        yield FittingFooter()

    def on_mount(self) -> None:
        event = self.app.event
        topic = event.get_topic(self.topic_id)
        report = event.report(self.topic_id)
        values = {f: getattr(report, f) if report else "" for f in REPORT_FIELDS}
        if not values["convener"] and topic:
            values["convener"] = topic.convener
        values["title"] = topic.title if topic else ""
        self._stored = dict(values)
        draft = event.get_draft(self.draft_key)
        if draft:
            values.update(json.loads(draft.text))
            self.notify(_("Unsaved text restored."))
        self.set_values(values)
        if draft:
            self._drafted = self.values()  # as the widgets give it back
        self.show_status()
        self.query_one("#f-title", Input).focus()
        self.set_interval(timings.DRAFT_SECONDS, self.draft_tick, name="drafts")

    @property
    def fields(self) -> dict[str, Input | TextArea]:
        """{"title" and each report field: its widget}."""
        if not self._fields:
            for name in ("title", *REPORT_FIELDS):
                self._fields[name] = cast("Input | TextArea", self.query_one(f"#f-{name}"))
        return self._fields

    def set_values(self, values: dict[str, str]) -> None:
        for name, widget in self.fields.items():
            if isinstance(widget, Input):
                widget.value = values.get(name, "")
            else:
                widget.load_text(values.get(name, ""))

    def values(self) -> dict[str, str]:
        return {
            name: widget.value if isinstance(widget, Input) else widget.text
            for name, widget in self.fields.items()
        }

    @on(Input.Changed)
    @on(TextArea.Changed)
    def field_changed(self) -> None:
        self._touched = True

    def show_status(self) -> None:
        report = self.app.event.report(self.topic_id)
        text = _("Report revision {n}").format(n=report.revision) if report else _("No report yet")
        self.query_one("#report-status", Static).update(
            Text(text + " · " + _("Ctrl+S saves; F5 adds participants from the list"))
        )

    def flush_draft(self) -> bool:
        """Keep what differs from the saved report as a draft; write only on a change. False
        (and a word on screen, the text staying in the form) if the event file cannot be
        written now."""
        try:
            self._write_draft()
        except WriteUnavailable as exc:
            self.notify(WriteFaults.banner_once(exc), severity="error", timeout=8)
            return False
        return True

    def draft_tick(self) -> None:
        """The draft timer: the fields are read only if one changed since its last look (a
        field tells it after its value changed: a change is never missed, at worst read
        twice). An explicit flush_draft (leaving the form) always reads them."""
        if self._touched:
            self._touched = False
            if not self.flush_draft():
                self._touched = True  # the event file could not take it: tried again

    def _write_draft(self) -> None:
        values = self.values()
        if values == self._stored:
            if self._drafted is not None:
                self.app.event.drop_draft(self.draft_key)
                self._drafted = None
        elif values != self._drafted:
            self.app.event.save_draft(self.draft_key, json.dumps(values, ensure_ascii=False))
            self._drafted = values

    def action_save(self) -> None:
        values = self.values()
        event = self.app.event
        title = values.pop("title").strip()
        topic = event.get_topic(self.topic_id)
        try:
            with event._write():  # the title, the report and the end of its draft, or nothing
                if topic and title and title != topic.title:
                    event.update_topic(self.topic_id, title=title)
                revision = event.save_report(self.topic_id, author=self.app.who, **values)
                event.drop_draft(self.draft_key)
        except WriteUnavailable as exc:  # the form keeps everything: Ctrl+S again later
            self.notify(WriteFaults.banner_once(exc), severity="error", timeout=8)
            return
        self._drafted = None
        self._stored = {**values, "title": title or (topic.title if topic else "")}
        self.show_status()
        self.notify(_("Report saved (revision {n}).").format(n=revision))

    def action_pick_people(self) -> None:
        names = [p.name for p in self.app.event.list_participants()]
        if not names:
            self.notify(_("The event has no participant list; type the names."))
            return

        def picked(chosen: list[str] | None) -> None:
            if chosen:
                area = self.query_one("#f-participants", TextArea)
                current = area.text.rstrip()
                area.load_text((current + "\n" if current else "") + "\n".join(chosen))

        self.app.push_screen(PeoplePicker(names), picked)

    def action_back(self) -> None:
        if self.flush_draft():  # else the form stays: leaving it would lose the text
            self.app.pop_screen()
