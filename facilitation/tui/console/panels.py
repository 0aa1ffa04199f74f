"""The console's panels: the agenda of the day and the live capture counts."""

from __future__ import annotations

import datetime as dt

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitation.i18n import _, ngettext
from facilitation.i18n.formatting import format_minutes, format_time
from facilitation.run import StepInfo, StepTiming


def local_time(epoch: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch)


def ago(seconds: float) -> str:
    """ "just now", "3 min ago", "1 h 05 ago" (how long since a note came in)."""
    if seconds < 60:
        return _("just now")
    return _("{duration} ago").format(duration=format_minutes(seconds // 60))


class AgendaPanel(VerticalScroll):
    """Every block and step: planned start and minutes, actual start and duration; the
    current step is highlighted and kept in view. Drawn as one Text (a DataTable costs a
    tenth of a second to draw a long agenda, which the console's start-up cannot afford)."""

    DEFAULT_CSS = """
    AgendaPanel { height: 1fr; }
    AgendaPanel > Static { width: auto; min-width: 100%; }
    """

    def __init__(self, infos: list[StepInfo], wide: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.can_focus = False
        self.infos = infos
        self.wide = wide
        self.title_width = 22 if wide else 12
        self.step_lines: dict[int, int] = {}  # step index -> line of the text
        self._shown: tuple | None = None

    def compose(self):
        yield Static(id="agenda-text")

    def show(
        self,
        current: int,
        ended: bool,
        timings: list[StepTiming],
        now: float,
        minutes: list[int] | None = None,
    ) -> None:
        """`minutes`: each step's planned minutes after a re-plan (running late)."""
        minutes = minutes or [info.step.minutes for info in self.infos]
        actuals = [actual_text(t, now, self.wide) for t in timings]
        key = (
            current,
            ended,
            tuple(a.plain for a in actuals),
            tuple(t.skipped for t in timings),
            tuple(minutes),
        )
        if key == self._shown:
            return
        self._shown = key
        plans = [format_time(i.planned_start) if i.planned_start else "" for i in self.infos]
        plan_width = max([len(_("Plan")), *map(len, plans)])
        text = Text(no_wrap=True, overflow="ellipsis")
        header = f"  {_('Plan'):<{plan_width}}  {_('Step'):<{self.title_width}} {_('Min'):>3}  {_('Actual')}"
        text.append(header + "\n", style="bold")
        lines = 1
        block = None
        several_days = len({info.block.day for info in self.infos}) > 1
        for info in self.infos:
            if info.block is not block:
                block = info.block
                heading = f"{block.number}. {block.title}"
                if several_days:
                    heading = _("Day {n}").format(n=block.day) + f" · {heading}"
                text.append(f"  {'':<{plan_width}}  {heading}\n", style="bold")
                lines += 1
            timing = timings[info.index]
            is_current = info.index == current and not ended
            if is_current:
                mark = Text("▶", style="bold")
            elif timing.skipped:
                mark = Text("↷", style="dim")
            elif timing.ended_at is not None and timing.started_at is not None:
                mark = Text("✓", style="green")
            else:
                mark = Text(" ")
            title = info.step.title
            if len(title) > self.title_width:
                title = title[: self.title_width - 1] + "…"
            row = Text.assemble(
                mark,
                f" {plans[info.index]:<{plan_width}}  {title:<{self.title_width}} "
                f"{minutes[info.index]:>3}  ",
                actuals[info.index],
                "\n",
                style="reverse" if is_current else "",
            )
            self.step_lines[info.index] = lines
            text.append_text(row)
            lines += 1
        text.rstrip()
        self.query_one("#agenda-text", Static).update(text)
        line = self.step_lines.get(current, 0)
        self.call_after_refresh(self._keep_in_view, line)

    def _keep_in_view(self, line: int) -> None:
        height = self.scrollable_content_region.height
        if not self.scroll_y <= line < self.scroll_y + height - 1:
            self.scroll_to(y=max(0, line - height // 3), animate=False)


def actual_text(timing: StepTiming, now: float, wide: bool = True) -> Text:
    """ "9 h 32 · 23" (actual start, minutes taken; only the minutes when narrow), red when
    longer than planned."""
    if timing.started_at is None:
        return Text(_("skipped") if timing.skipped else "", style="dim")
    seconds = timing.actual_seconds(now) or 0.0
    over = seconds > timing.planned_seconds + 30
    label = str(int(seconds // 60))
    if wide:
        label = f"{format_time(local_time(timing.started_at))} · {label}"
    return Text(label, style="red" if over else "")


class CapturePanel(Static):
    """For a step where tables take notes: per table, how many notes this round and when the
    last one came in."""

    DEFAULT_CSS = """
    CapturePanel { height: auto; max-height: 50%; }
    """

    _shown: tuple | None = None  # what it shows now (drawn again only when that changes)

    def show(
        self,
        tables: int,
        counts: dict[int, tuple[int, float]] | None,
        now: float,
        whole_block: bool = False,
        themes: list[str] | None = None,
    ) -> None:
        """`whole_block`: the counts are every round's (a plenary step), said above them;
        `themes`: the theme each table carries (the block's `table themes`), if any."""
        if counts is None or tables == 0:
            if self._shown != ():
                self._shown = ()
                self.update(Text(_("No table notes in this step."), style="dim"))
            return
        tables = max([tables, *counts])
        themes = themes or []
        rows = []
        for number in range(1, tables + 1):
            count, last = counts.get(number, (0, None))
            when = f"{format_time(local_time(last))} ({ago(now - last)})" if last else "—"
            theme = [themes[number - 1] if number <= len(themes) else ""] if themes else []
            rows.append((str(number), str(count), when, *theme))
        total = sum(count for count, _last in counts.values())
        shown = (whole_block, bool(themes), total, tuple(rows))
        if shown == self._shown:  # the same counts, and the same "x min ago"
            return
        self._shown = shown
        table = Table(box=None, pad_edge=False, expand=False, show_edge=False)
        table.add_column(_("Table"), justify="right")
        table.add_column(_("Notes"), justify="right")
        table.add_column(_("Last"))
        if themes:
            table.add_column(_("Theme"), no_wrap=True, overflow="ellipsis", max_width=40)
        for row in rows:
            table.add_row(*row, style="yellow" if row[1] == "0" else "")
        if not whole_block:
            self.update(table)
            return
        heading = ngettext("{n} note in the block", "{n} notes in the block", total).format(n=total)
        self.update(Group(Text(heading + " " + _("(h: read them)"), style="bold"), table))
