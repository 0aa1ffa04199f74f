"""The console's long jobs, run in worker threads: the synthesis and the seating plan.

They read and write the event file only and report through messages (messages.py).
"""

from __future__ import annotations

from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import _, current_language, ngettext
from facilitation.models import Block


def synthesis_path(event_path: Path, lang: str) -> Path:
    """Beside the event file: `cafe-synthese.docx` (French) or `cafe-synthesis.docx`."""
    suffix = "synthese" if lang == "fr" else "synthesis"
    return event_path.with_name(f"{event_path.stem}-{suffix}.docx")


def write_synthesis(event, progress) -> Path:
    """The document `facilitation synthesize EVENT.db -o …docx` writes: the same defaults,
    and page numbers in the contents when LibreOffice is installed."""
    from facilitation.synthesis import Options
    from facilitation.synthesis import write_synthesis as write
    from facilitation.synthesis.pdf import find_soffice

    return write(
        event,
        synthesis_path(event.path, event.language),
        lang=event.language,
        progress=progress,
        options=Options(),
        page_numbers=find_soffice() is not None,
    )


def seat_block(event, block: Block) -> tuple[str, list[Path]]:
    """Seat the block's participants for all its rounds (hosts stay, organisations and sectors
    mixed), store the plan, and write the cards and table lists beside the event file."""
    from facilitation.outputs import output_via_temporary
    from facilitation.seating import Options, make_plan
    from facilitation.seating.cards import write_cards, write_table_lists
    from facilitation.seating.event_plan import (
        block_tables,
        event_participants,
        mixing_columns,
        store_plan,
    )
    from facilitation.seating.report import quality_lines

    participants = event_participants(event)
    tables = block_tables(event, block)
    if not tables:
        raise UserError(_("the block does not say how many tables it has (tables: ...)"))
    options = Options(
        rounds=len(block.rounds()),
        tables=tables,
        hosts_stay=True,
        mix_by=mixing_columns(participants),
        source=str(event.path),
    )
    result = make_plan(participants, options)
    store_plan(event, block.number, result.plan, participants)
    lang = event.language or current_language()
    stem = event.path.with_name(f"{event.path.stem}-bloc{block.number}")
    cards = stem.with_name(stem.name + ("-cartes.docx" if lang == "fr" else "-cards.docx"))
    lists = stem.with_name(stem.name + ("-tables.docx"))
    with output_via_temporary(cards) as tmp:  # the whole file or none (a full disk)
        write_cards(result.plan, participants, tmp, lang, block.table_themes)
    with output_via_temporary(lists) as tmp:
        write_table_lists(result.plan, participants, tmp, lang, block.table_themes)
    lines = [
        ngettext(
            "Seating stored for {n} person.", "Seating stored for {n} people.", len(participants)
        ).format(n=len(participants)),
        *quality_lines(result),  # what `facilitation seat` prints
    ]
    if options.mix_by:
        lines.append(
            _("mixing violations: {count} (greedy baseline: {greedy})").format(
                count=result.quality.mixing, greedy=result.greedy.mixing
            )
        )
    summary = "\n".join(lines)
    return summary, [cards, lists]
