"""What the console and the projector both show of the current step, decided once: the block,
the step, the question on screen and the line announcing the next step."""

from __future__ import annotations

from dataclasses import dataclass

from facilitation.i18n import _
from facilitation.i18n.formatting import format_minutes
from facilitation.run.agenda import StepInfo


@dataclass(frozen=True)
class StageText:
    block: str  # "Block 1: Title"
    step: str  # the step's title; empty once the event is over
    question: str  # Markdown; empty when the step asks nothing
    next: str  # "Next: …"; empty once the event is over


def question_on_screen(info: StepInfo) -> str:
    """The step's own question, else the block's theme while the step takes input (notes,
    topics, votes…); a step that takes nothing (a table change, a break) shows none."""
    step, block = info.step, info.block
    return step.question or (block.question if step.capture != "none" else "")


def stage_text(infos: list[StepInfo], index: int, ended: bool) -> StageText:
    info = infos[index]
    nxt = infos[index + 1] if index + 1 < len(infos) else None
    if ended:
        next_text = ""
    elif nxt is None:
        next_text = _("Next: the end of the event")
    else:
        next_text = _("Next: {title} · {duration}").format(
            title=nxt.step.title, duration=format_minutes(nxt.step.minutes)
        )
    return StageText(
        block=_("Block {n}: {title}").format(n=info.block.number, title=info.block.title),
        step="" if ended else info.step.title,
        question="" if ended else question_on_screen(info),
        next=next_text,
    )
