"""The marketplace (place du marché): topics are typed in as conveners announce them, placed
on the agenda wall, moved, swapped, merged or withdrawn; conflicts show as they arise; the
"suggest agenda" action places the topics not pinned so that few people face a clash.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from facilitation.i18n import N_, _, ngettext
from facilitation.openspace.conflicts import describe
from facilitation.openspace.names import match_names
from facilitation.openspace.wall import pin, pinned_topics
from facilitation.store import Event
from facilitation.store.openspace import Topic
from facilitation.tui.marketplace.layout_keys import LAYOUT_BINDINGS, LayoutKeys
from facilitation.tui.marketplace.room_pane import RoomPane
from facilitation.tui.marketplace.suggest_keys import SuggestKeys
from facilitation.tui.marketplace.wall_widget import AgendaWall
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.widgets.fitting_footer import FittingFooter
from facilitation.tui.widgets.shown import fill_options, show
from facilitation.tui.write_faults import guarded_write

CSS = str(Path(__file__).with_name("marketplace.tcss"))


def parse_entry(text: str) -> tuple[str, str, str]:
    """ "Title / Convener / description" -> its three parts (the last two optional)."""
    parts = [p.strip() for p in text.split("/", 2)]
    parts += [""] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


class MarketplaceScreen(SuggestKeys, LayoutKeys):
    HELP_TITLE = N_("Marketplace: keys")
    """The marketplace of Open Space block `block_number` (pushed by the console)."""

    CSS_PATH = CSS
    BINDINGS = [
        Binding("a", "add", N_("Add topic")),
        Binding("m", "move", N_("Move / swap")),
        Binding("e", "edit", N_("Edit"), show=False),
        Binding("g", "merge", N_("Merge")),
        Binding("w", "withdraw", N_("Withdraw")),
        Binding("u", "unplace", N_("To tray"), show=False),
        Binding("p", "pin", N_("Pin")),
        Binding("s", "suggest", N_("Suggest agenda")),
        Binding("i", "interests", N_("Interests"), show=False),
        *LAYOUT_BINDINGS,
        Binding("escape", "cancel", N_("Cancel, or back to the console"), show=False),
    ]

    def __init__(self, event: Event, block_number: int, *, watch: bool = False) -> None:
        super().__init__(event, block_number)
        self.watch_file = watch  # (not `watch`: that is the method Textual watches with)
        self.entry_mode: str | None = None  # "add", "edit", "interests"
        self.entry_topic: int | None = None
        self.add_to_tray = False  # "a" pressed in the tray: new topics go to the tray

    # ---- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        block = self.block
        yield Static(_("Marketplace \u2014 {title}").format(title=block.title), id="title")
        yield self.step_line()
        yield AgendaWall(self.event, self.block_number, id="wall")
        with Horizontal(id="below"):
            with Vertical(id="tray-pane"):
                yield Static(_("Not yet on the wall"), classes="pane-title", id="tray-title")
                yield OptionList(id="tray")
            with Vertical(id="conflicts-pane"):
                yield Static(_("Conflicts"), classes="pane-title", id="conflicts-title")
                yield Static("", id="conflicts")
            yield RoomPane(id="room-pane")
        yield Static("", id="status")
        yield Input(id="entry")
        yield FittingFooter(show_command_palette=False)

    def on_mount(self) -> None:
        if self.watch_file:
            from facilitation.tui.watch import watch_event_file

            watch_event_file(self, self.event)
        self.refresh_all()
        self.query_one(AgendaWall).focus()

    @property
    def wall_widget(self) -> AgendaWall:
        return self.query_one(AgendaWall)

    def refresh_all(self) -> None:
        widget = self.wall_widget
        widget.refresh_wall()
        wall = widget.wall
        options = [
            Option(t.title + (f" \u2014 {t.convener}" if t.convener else ""), id=str(t.id))
            for t in wall.tray()
        ]
        for t in wall.topics:
            if t.status != "active":
                word = _("withdrawn") if t.status == "withdrawn" else _("merged")
                options.append(Option(f"[dim]{t.title} ({word})[/dim]", id=str(t.id)))
        fill_options(self.query_one("#tray", OptionList), options)
        show(
            self.query_one("#tray-title", Static),
            _("Not yet on the wall ({n})").format(n=len(wall.tray())),
        )
        titles = wall.titles()
        lines = [describe(c, titles, wall.slots, wall.spaces) for c in wall.conflicts]
        show(
            self.query_one("#conflicts-title", Static),
            _("Conflicts ({n})").format(n=len(lines)),
        )
        show(
            self.query_one("#conflicts", Static),
            "\n".join(f"! {line}" for line in lines) if lines else _("No conflicts."),
        )
        self.query_one(RoomPane).show(self.event, self.block_number)

    def say(self, message: str) -> None:
        self.query_one("#status", Static).update(message)

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        self.refresh_all()

    # ---- which topic -------------------------------------------------------------------

    def selected(self) -> Topic | None:
        """The topic under the cursor of the wall, or highlighted in the tray."""
        tray = self.query_one("#tray", OptionList)
        if tray.has_focus and tray.highlighted is not None:
            option = tray.get_option_at_index(tray.highlighted)
            return self.wall_widget.wall.topic(int(option.id or 0))
        here = self.wall_widget.topics_here()
        return here[0] if here else None

    # ---- entry line (add, edit, interests) ---------------------------------------------

    def open_entry(self, mode: str, placeholder: str, value: str = "") -> None:
        self.entry_mode = mode
        entry = self.query_one("#entry", Input)
        entry.placeholder = placeholder
        entry.value = value
        entry.add_class("-open")
        entry.focus()

    def close_entry(self) -> None:
        entry = self.query_one("#entry", Input)
        entry.remove_class("-open")
        entry.value = ""
        self.entry_mode = None
        self.wall_widget.focus()

    def action_add(self) -> None:
        self.add_to_tray = self.query_one("#tray", OptionList).has_focus
        self.open_entry("add", _("Title / convener / description (Enter: add, Escape: done)"))

    def action_edit(self) -> None:
        topic = self.selected()
        if topic is None:
            self.say(_("No topic here."))
            return
        self.entry_topic = topic.id
        value = " / ".join(p for p in (topic.title, topic.convener, topic.description) if p)
        self.open_entry("edit", _("Title / convener / description"), value)

    def action_interests(self) -> None:
        topic = self.selected()
        if topic is None:
            self.say(_("No topic here."))
            return
        self.entry_topic = topic.id
        self.open_entry(
            "interests",
            _(
                "Who wants to join \u201c{title}\u201d? Names, separated by commas "
                "(+Name: someone new)"
            ).format(title=topic.title),
        )

    @on(Input.Submitted, "#entry")
    @guarded_write
    def entry_submitted(self, message: Input.Submitted) -> None:
        text = message.value.strip()
        mode = self.entry_mode
        if mode in ("slot", "space"):
            if text:
                self.layout_entry(mode, text)
            self.close_entry()
            self.refresh_all()
            return
        if mode == "add":
            if text:
                self._add(text)
            message.input.value = ""  # stay open for the next convener
            return
        if mode == "edit" and text and self.entry_topic is not None:
            title, convener, description = parse_entry(text)
            if title:
                self.event.update_topic(
                    self.entry_topic, title=title, convener=convener, description=description
                )
                self.say(_("Topic changed."))
        if mode == "interests" and text and self.entry_topic is not None:
            self._add_interests(self.entry_topic, text)
        self.close_entry()
        self.refresh_all()

    def _add(self, text: str) -> None:
        title, convener, description = parse_entry(text)
        if not title:
            self.say(_("A topic needs a title."))
            return
        widget = self.wall_widget
        cell = None if self.add_to_tray else widget.cell
        if cell is not None and widget.wall.at(*cell):
            cell = None
        topic_id = self.event.add_topic(
            self.block_number, title, convener, description, *(cell or (None, None))
        )
        if cell is not None:
            pin(self.event, self.block_number, topic_id)
            self.refresh_all()
            following = widget.next_free_cell()
            if following:
                widget.go_to(*following)
            where = f"{widget.wall.slots[cell[0]]}, {widget.wall.spaces[cell[1]]}"
            self.say(_("Added \u201c{title}\u201d at {where}.").format(title=title, where=where))
        else:
            self.refresh_all()
            self.say(_("Added \u201c{title}\u201d to the tray.").format(title=title))

    def _add_interests(self, topic_id: int, text: str) -> None:
        """Names matched to participants (or refused, saying why); "+Name" adds one."""
        matches = match_names(text, self.event.list_participants())
        ids = list(matches.found.values())
        ids += [self.event.add_participant(name) for name in matches.new]
        for pid in ids:
            self.event.add_interest(pid, topic_id)
        parts = [
            ngettext("{n} interest recorded.", "{n} interests recorded.", len(ids)).format(
                n=len(ids)
            )
        ]
        if matches.unknown:
            parts.append(
                _("Not on the participant list: {names} (+Name adds someone new).").format(
                    names=", ".join(matches.unknown)
                )
            )
        for name, candidates in matches.ambiguous.items():
            parts.append(
                _("“{name}” could be {candidates}: type the full name.").format(
                    name=name, candidates=" / ".join(candidates)
                )
            )
        self.say(" ".join(parts))

    # ---- moving -----------------------------------------------------------------------

    @guarded_write
    def action_move(self) -> None:
        widget = self.wall_widget
        if widget.carrying is None:
            topic = self.selected()
            if topic is None or topic.status != "active":
                self.say(_("No topic here to move."))
                return
            widget.carrying = topic.id
            widget.focus()
            widget.refresh_wall()
            self.say(
                _("Moving \u201c{title}\u201d: choose a cell, then m (Escape: cancel).").format(
                    title=topic.title
                )
            )
            return
        cell = widget.cell
        carried = widget.wall.topic(widget.carrying)
        widget.carrying = None
        if cell is None or carried is None:
            self.refresh_all()
            return
        others = [t for t in widget.wall.at(*cell) if t.id != carried.id]
        # A swap: the other topic takes the carried one's place, in the same transaction.
        places = {other.id: (carried.slot, carried.space) for other in others}
        places[carried.id] = cell
        self.event.place_topics(places)
        pin(self.event, self.block_number, carried.id)
        self.refresh_all()
        if others:
            self.say(
                _("Swapped \u201c{a}\u201d and \u201c{b}\u201d.").format(
                    a=carried.title, b=others[0].title
                )
            )
        else:
            self.say(_("Moved \u201c{title}\u201d.").format(title=carried.title))

    @guarded_write
    def action_unplace(self) -> None:
        topic = self.selected()
        if topic is None:
            return
        self.event.place_topic(topic.id, None, None)
        pin(self.event, self.block_number, topic.id, False)
        self.refresh_all()
        self.say(_("\u201c{title}\u201d is back in the tray.").format(title=topic.title))

    @guarded_write
    def action_merge(self) -> None:
        widget = self.wall_widget
        topic = self.selected()
        if widget.marked is None:
            if topic is None or topic.status != "active":
                self.say(_("No topic here to merge."))
                return
            widget.marked = topic.id
            widget.refresh_wall()
            self.say(
                _("Merge \u201c{title}\u201d into which topic? Select it, then g.").format(
                    title=topic.title
                )
            )
            return
        source = widget.wall.topic(widget.marked)
        widget.marked = None
        if topic is None or source is None or topic.id == source.id:
            self.refresh_all()
            self.say(_("Merge cancelled."))
            return
        self.event.merge_topic(source.id, topic.id)
        self.event.place_topic(source.id, None, None)
        self.refresh_all()
        self.say(
            _("\u201c{a}\u201d merged into \u201c{b}\u201d.").format(a=source.title, b=topic.title)
        )

    @guarded_write
    def action_withdraw(self) -> None:
        topic = self.selected()
        if topic is None:
            self.say(_("No topic here."))
            return
        if topic.status != "active":
            self.event.reactivate_topic(topic.id)
            self.say(_("\u201c{title}\u201d is back.").format(title=topic.title))
        else:
            self.event.withdraw_topic(topic.id)
            self.event.place_topic(topic.id, None, None)
            self.say(
                _("\u201c{title}\u201d withdrawn (w on it in the tray brings it back).").format(
                    title=topic.title
                )
            )
        self.refresh_all()

    @guarded_write
    def action_pin(self) -> None:
        topic = self.selected()
        if topic is None:
            return
        now = topic.id not in pinned_topics(self.event, self.block_number)
        pin(self.event, self.block_number, topic.id, now)
        self.refresh_all()
        if now:
            self.say(
                _("\u201c{title}\u201d is pinned: the suggestion will not move it.").format(
                    title=topic.title
                )
            )
        else:
            self.say(_("\u201c{title}\u201d is no longer pinned.").format(title=topic.title))

    def action_cancel(self) -> None:
        widget = self.wall_widget
        if not self.entry_mode and widget.carrying is None and widget.marked is None:
            self.action_back()
            return
        if self.entry_mode:
            self.close_entry()
        widget.carrying = widget.marked = None
        widget.refresh_wall()
        self.say("")
