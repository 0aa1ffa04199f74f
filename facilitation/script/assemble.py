"""A block's steps: what the script writes, merged with the phases of the block's format.

Rules (the guide explains them to facilitators):
- a `##` heading whose title starts with one of a phase's names is that phase; other headings
  are steps of the script's own;
- phases the script does not write are inserted at their place in the format's order, with the
  format's duration and prompt; `between` phases go between two consecutive rounds;
- `skip:` leaves phases out; an Open Space block with `slots:` and no session headings gets one
  session per slot, as long as the slot.
"""

from __future__ import annotations

from facilitation.errors import UserError
from facilitation.i18n import _, ngettext
from facilitation.models import Block, FormatDefinition, PhaseDefinition, Step
from facilitation.script.body import RawBlock, RawStep
from facilitation.script.formats import find_format, known_format_names, suggest_format
from facilitation.script.frontmatter import key_names
from facilitation.script.values import (
    minutes_between,
    parse_count,
    parse_duration,
    parse_time,
    parse_time_range,
    slug,
    split_heading_duration,
    split_list,
)
from facilitation.textmatch import fold

BLOCK_KEYS = {
    "format": ("format", "format", "méthode", "methode", "method"),
    "day": ("day", "jour"),
    "start": ("start", "début", "debut", "heure"),
    "tables": ("tables", "tables", "nombre de tables"),
    "slots": ("slots", "créneaux", "creneaux", "plages", "plages horaires", "time slots"),
    "spaces": ("spaces", "espaces", "salles", "rooms", "lieux"),
    "skip": ("skip", "passer", "sans", "omettre", "without"),
    "table_themes": (
        "table themes",
        "thèmes des tables",
        "themes par table",
        "objectifs des tables",
    ),
}
_BLOCK_KEY_OF = {fold(alias): key for key, aliases in BLOCK_KEYS.items() for alias in aliases}


def is_block_setting(key: str) -> bool:
    return fold(key) in _BLOCK_KEY_OF


def _match_phase(title: str, fmt: FormatDefinition) -> PhaseDefinition | None:
    folded = fold(title)
    best, best_len = None, 0
    for phase in fmt.phases:
        for name in [phase.id, *phase.names.all()]:
            option = fold(name)
            matches = folded == option or folded.startswith(option + " ")
            if option and matches and len(option) > best_len:
                best, best_len = phase, len(option)
    return best


class BlockBuilder:
    def __init__(self, raw: RawBlock, number: int, formats, lang: str, path, problems, event):
        self.raw, self.number, self.formats, self.lang = raw, number, formats, lang
        self.path, self.problems, self.event = path, problems, event

    def problem(self, message: str, line: int | None) -> None:
        self.problems.append(UserError(message, path=self.path, line=line))

    def build(self) -> Block | None:
        raw = self.raw
        settings: dict[str, tuple[str, int]] = {}
        self.written_keys: dict[str, str] = {}  # canonical key -> as the script writes it
        self.written_lines: dict[str, int] = {}
        for setting in raw.settings:
            key = _BLOCK_KEY_OF.get(fold(setting.key))
            if key is None:
                self.problem(
                    _("unknown block setting '{key}' (known: {known})").format(
                        key=setting.key or setting.value, known=", ".join(key_names(BLOCK_KEYS))
                    ),
                    setting.line,
                )
            else:
                settings[key] = (setting.value, setting.line)
                self.written_keys[key] = setting.key
                self.written_lines[key] = setting.line
        if "format" not in settings:
            self.problem(
                _(
                    "block '{title}' does not say its format: add a line 'format: ...' under its heading"
                    " (known formats: {known})"
                ).format(
                    title=raw.heading, known=", ".join(known_format_names(self.formats, self.lang))
                ),
                raw.line,
            )
            return None
        name, line = settings["format"]
        fmt = find_format(name, self.formats)
        if fmt is None:
            hints = suggest_format(name, self.formats, self.lang)
            message = _("unknown format '{name}'").format(name=name)
            if hints:
                message += _(" (did you mean: {hints}?)").format(hints=", ".join(hints))
            else:
                message += _(" (known formats: {known})").format(
                    known=", ".join(known_format_names(self.formats, self.lang))
                )
            self.problem(message, line)
            return None
        block = Block(
            number=self.number,
            title=raw.heading,
            format=fmt.id,
            format_name=((fmt.names.fr if self.lang == "fr" else fmt.names.en) or [fmt.id])[0],
            question="\n\n".join(raw.questions),
            intro="\n\n".join(raw.prompt),
            line=raw.line,
            tables=self.event.tables if self.event else None,
        )
        self._apply_settings(block, settings)
        skipped = self._skipped(settings, fmt)
        block.steps = self._steps(block, fmt, skipped)
        return block

    def _apply_settings(self, block: Block, settings) -> None:
        for key, (value, line) in settings.items():
            try:
                if key == "day":
                    block.day = parse_count(value, 1, 14)
                    dates = self.event.dates if self.event else []
                    if dates and block.day > len(dates):
                        self.problem(
                            ngettext(
                                "day {day} but the event has {n} date",
                                "day {day} but the event has {n} dates",
                                len(dates),
                            ).format(day=block.day, n=len(dates)),
                            line,
                        )
                elif key == "start":
                    block.start = parse_time(value)
                elif key == "tables":
                    block.tables = parse_count(value, 1, 500)
                elif key == "slots":
                    block.slots = split_list(value)
                    for slot in block.slots:
                        parse_time_range(slot)
                elif key == "spaces":
                    block.spaces = split_list(value)
                elif key == "table_themes":
                    block.table_themes = self._table_themes(value, block, line)
            except ValueError as exc:
                self.problem(f"{self.written_keys.get(key, key)}: {exc}", line)

    def _table_themes(self, value: str, block: Block, line: int) -> list[str]:
        """Each table's theme: a codebook id (shown by its label) or a title of its own."""
        labels = {theme.id: theme.label for theme in (self.event.codebook if self.event else [])}
        themes = [labels.get(slug(item), item) for item in split_list(value)]
        if block.tables is not None and len(themes) > block.tables:
            self.problem(
                _("{n} table themes but the block has {tables} tables").format(
                    n=len(themes), tables=block.tables
                ),
                line,
            )
        return themes

    def _skipped(self, settings, fmt: FormatDefinition) -> set[str]:
        if "skip" not in settings:
            return set()
        value, line = settings["skip"]
        skipped = set()
        for name in split_list(value):
            phase = _match_phase(name, fmt)
            if phase is None:
                self.problem(
                    _("'{name}' is not a phase of this format (phases: {phases})").format(
                        name=name, phases=", ".join(p.title.get(self.lang) for p in fmt.phases)
                    ),
                    line,
                )
            else:
                skipped.add(phase.id)
        return skipped

    def _written_step(
        self, raw: RawStep, fmt: FormatDefinition
    ) -> tuple[PhaseDefinition | None, Step]:
        title, duration_text = split_heading_duration(raw.heading)
        phase = _match_phase(title, fmt)
        minutes = phase.minutes if phase else None
        if duration_text is not None:
            try:
                minutes = parse_duration(duration_text)
            except ValueError as exc:
                self.problem(str(exc), raw.line)
        if minutes is None:
            self.problem(
                _(
                    "step '{title}' has no duration: write it at the end of the heading, e.g. ({n} min)"
                ).format(title=title, n=15),
                raw.line,
            )
            minutes = 0
        question = "\n\n".join(raw.questions)
        if phase and phase.needs_question and not question:
            self.problem(
                _(
                    "'{title}' has no question: write it as a quote (> ...) under the heading"
                ).format(title=title),
                raw.line,
            )
        step = Step(
            kind=phase.id if phase else "custom",
            title=title or raw.heading,
            minutes=minutes,
            question=question,
            prompt="\n\n".join(raw.prompt) or (phase.prompt.get(self.lang) if phase else ""),
            capture=phase.capture if phase else "none",
            line=raw.line,
        )
        return phase, step

    def _inherited(
        self, phase: PhaseDefinition, n: int | None = None, minutes: int | None = None
    ) -> Step:
        title = phase.title.get(self.lang)
        return Step(
            kind=phase.id,
            title=title.replace("{n}", str(n)) if n is not None else title.replace(" {n}", ""),
            minutes=phase.minutes if minutes is None else minutes,
            prompt=phase.prompt.get(self.lang),
            capture=phase.capture,
        )

    def _steps(self, block: Block, fmt: FormatDefinition, skipped: set[str]) -> list[Step]:
        order = {phase.id: index for index, phase in enumerate(fmt.phases)}
        keyed: list[tuple[float, Step]] = []
        last_key = -1.0
        for raw in self.raw.steps:
            phase, step = self._written_step(raw, fmt)
            last_key = float(order[phase.id]) if phase else last_key
            keyed.append((last_key, step))
        written = {step.kind for _key, step in keyed}
        for phase_id in sorted(written & skipped):
            self.problem(
                _("'{phase}' is both written as a step and left out with skip:").format(
                    phase=next(p.title.get(self.lang) for p in fmt.phases if p.id == phase_id)
                ),
                self.written_lines.get("skip", block.line),
            )

        def insert(index: int, steps: list[Step]) -> None:
            position = next((i for i, (key, _s) in enumerate(keyed) if key > index), len(keyed))
            keyed[position:position] = [(float(index), s) for s in steps]

        for index, phase in enumerate(fmt.phases):
            if phase.id in skipped or phase.id in written or phase.between:
                continue
            if phase.repeat and phase.needs_question:
                self.problem(
                    _(
                        "block '{title}' has no round: write one heading per round"
                        " (## {example} (20 min)) with its question (> ...)"
                    ).format(
                        title=block.title,
                        example=phase.title.get(self.lang).replace("{n}", "1"),
                    ),
                    block.line,
                )
            elif phase.repeat and block.slots:
                steps = []
                for n, slot in enumerate(block.slots, start=1):
                    try:
                        start, end = parse_time_range(slot)
                    except ValueError:
                        continue  # reported with the slots setting
                    step = self._inherited(phase, n, minutes_between(start, end))
                    step.title = f"{step.title} · {slot}"
                    steps.append(step)
                insert(index, steps)
            else:
                insert(index, [self._inherited(phase, 1 if phase.repeat else None)])

        steps = [step for _key, step in keyed]
        # Rounds: the steps of a repeated phase, numbered per phase; other steps where tables
        # take notes (the stages of an Appreciative Inquiry) are numbered in order too, so
        # their notes are kept apart and the synthesis shows them stage by stage.
        counters: dict[str, int] = {}
        repeat_ids = {phase.id for phase in fmt.phases if phase.repeat}
        for step in steps:
            key = step.kind if step.kind in repeat_ids else None
            if key is None and step.capture == "table":
                key = "table"
            if key is not None:
                counters[key] = counters.get(key, 0) + 1
                step.round = counters[key]
        for phase in fmt.phases:
            if phase.between and phase.id not in skipped and phase.id not in written:
                steps = self._interleave(steps, phase)
        return steps

    def _interleave(self, steps: list[Step], phase: PhaseDefinition) -> list[Step]:
        out: list[Step] = []
        for index, step in enumerate(steps):
            out.append(step)
            following = steps[index + 1] if index + 1 < len(steps) else None
            if following and step.kind == phase.between and following.kind == phase.between:
                out.append(self._inherited(phase, None))
        return out
