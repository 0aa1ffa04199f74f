"""The shapes shared by every part of the toolkit: a session script and its formats.

A `SessionScript` is what a facilitator's Markdown file says once parsed and merged with the
formats it names. It is stored as JSON in the event file (a snapshot), so these models are the
contract between the script parser, the event file, the console and the synthesis.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["fr", "en"]


class Model(BaseModel):
    # Schemas are built on first use, not at import: the console starts faster, and a process
    # that never reads a format file never builds the format models.
    model_config = ConfigDict(defer_build=True)


# What is captured during a step: nothing, notes per table (World Café rounds), plenary notes
# (harvest), topics (Open Space marketplace), session reports (Open Space sessions), votes
# (convergence), actions (action planning).
Capture = Literal["none", "table", "plenary", "topics", "reports", "votes", "actions"]


class Theme(Model):
    """One entry of the event's codebook: notes can be tagged with it."""

    id: str  # short tag used in notes and CSV files, e.g. "leadership"
    label: str
    description: str = ""


class EventInfo(Model):
    title: str
    organiser: str = ""
    dates: list[dt.date] = Field(default_factory=list)
    place: str = ""
    language: Language = "fr"
    purpose: str = ""  # the purpose, or the event's theme question
    tables: int | None = None
    start: dt.time | None = None  # when each day starts (for the time available)
    end: dt.time | None = None  # when each day ends
    codebook: list[Theme] = Field(default_factory=list)
    next_meeting: str = ""  # what happens next (the synthesis's "at a glance")
    contact: str = ""  # whom to write to about the event

    def available_minutes_per_day(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        start = self.start.hour * 60 + self.start.minute
        end = self.end.hour * 60 + self.end.minute
        return max(0, end - start)


class Step(Model):
    """One timed step of a block: a phase of its format, a round, or a step of the script's own."""

    kind: str  # the format's phase id ("welcome", "round", "harvest", ...) or "custom"
    title: str
    minutes: int
    question: str = ""  # the question put to the tables (Markdown)
    prompt: str = ""  # what the facilitator says (Markdown)
    round: int | None = None  # 1-based number among the block's repeated steps (rounds, slots)
    capture: Capture = "none"
    line: int | None = None  # line in the script; None when inherited from the format


class Block(Model):
    """A part of the event run with one format (a World Café morning, an Open Space...)."""

    number: int  # 1-based, in script order
    title: str
    format: str  # format id, e.g. "world-cafe"
    format_name: str = ""  # the format's name in the event's language
    day: int = 1
    start: dt.time | None = None
    tables: int | None = None
    question: str = ""  # the block's theme question (Open Space), Markdown
    intro: str = ""  # what the facilitator says when the block opens, Markdown
    slots: list[str] = Field(default_factory=list)  # Open Space time slots, e.g. "9:30-10:45"
    spaces: list[str] = Field(default_factory=list)  # Open Space rooms or corners
    table_themes: list[str] = Field(default_factory=list)  # table n's theme is item n - 1
    steps: list[Step] = Field(default_factory=list)
    line: int | None = None

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    def table_theme(self, table: int) -> str:
        """The theme table `table` carries in this block ("" when none)."""
        return self.table_themes[table - 1] if 0 < table <= len(self.table_themes) else ""

    def rounds(self) -> list[Step]:
        return [step for step in self.steps if step.round is not None]

    def captures(self, *kinds: Capture) -> bool:
        """Whether a step of this block takes one of these kinds of input."""
        return any(step.capture in kinds for step in self.steps)

    @property
    def is_open_space(self) -> bool:
        """Run with topics (an agenda wall): the Open Space format, a block with time slots,
        or one whose steps collect topics or session reports (a Pro Action Café's callers'
        questions too). The one rule for the console's keys, capture, import and the wall."""
        return self.format == "open-space" or bool(self.slots) or self.captures("topics", "reports")


class SessionScript(Model):
    model_config = ConfigDict(frozen=False, defer_build=True)

    event: EventInfo
    blocks: list[Block] = Field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(block.minutes for block in self.blocks)

    def days(self) -> list[int]:
        return sorted({block.day for block in self.blocks})

    def flat_steps(self) -> list[tuple[Block, Step]]:
        """Every step of the event in running order; its index is the step's position in the run."""
        return [(block, step) for block in self.blocks for step in block.steps]

    def tables_of(self, block: Block) -> int | None:
        """How many tables `block` has: its own `tables:`, else the event's (None: neither says).
        The one rule behind capture, import, seating and the console."""
        return block.tables or self.event.tables

    def block(self, number: int) -> Block:
        return self.blocks[number - 1]


# ---- formats (data in formats/*.yaml) -------------------------------------------------------


class LocalisedText(Model):
    fr: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        return (self.fr if lang == "fr" else self.en) or self.en or self.fr


class LocalisedNames(Model):
    fr: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.fr, *self.en]


class PhaseDefinition(Model):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    names: LocalisedNames  # how a script's `##` heading names this phase (any case/accents)
    title: LocalisedText  # the default title; "{n}" is the round number for repeated phases
    minutes: int = Field(ge=0, le=600)
    prompt: LocalisedText = Field(default_factory=LocalisedText)
    repeat: bool = False  # one step per heading in the script (rounds, time slots)
    between: str | None = None  # inserted automatically between two steps of that phase id
    needs_question: bool = False  # a script's step of this phase must have a question
    capture: Capture = "none"


class FormatDefinition(Model):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    names: LocalisedNames  # what a script's `format:` line may say
    description: LocalisedText = Field(default_factory=LocalisedText)
    phases: list[PhaseDefinition]
    uses_tables: bool = False  # World Café style: tables, hosts, seating
    uses_slots: bool = False  # Open Space style: agenda wall of time slots x spaces
