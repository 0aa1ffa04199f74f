"""A small script to build events from in tests (no Markdown parser needed):
a World Café block (3 rounds + harvest) and an Open Space block, with a codebook."""

from __future__ import annotations

from facilitation.models import Block, EventInfo, SessionScript, Step, Theme


def sample_script(language: str = "fr", tables: int = 4) -> SessionScript:
    """Block 1: World Café ("world-cafe"), rounds 1-3 capturing table notes, then a harvest
    capturing plenary notes. Block 2: Open Space ("open-space"), 2 slots x 2 spaces.
    Codebook ids: "leadership", "housing", "youth"."""
    cafe_steps = [Step(kind="welcome", title="Accueil", minutes=10)]
    for n in (1, 2, 3):
        cafe_steps.append(
            Step(
                kind="round",
                title=f"Ronde {n}",
                minutes=20,
                round=n,
                question="Qu'est-ce qui compte?",
                capture="table",
            )
        )
    cafe_steps.append(Step(kind="harvest", title="Récolte", minutes=20, capture="plenary"))
    open_steps = [
        Step(kind="marketplace", title="Place du marché", minutes=30, capture="topics"),
        Step(kind="session", title="Session 1", minutes=60, round=1, capture="reports"),
        Step(kind="session", title="Session 2", minutes=60, round=2, capture="reports"),
        Step(kind="convergence", title="Convergence", minutes=30, capture="votes"),
        Step(kind="action", title="Plan d'action", minutes=30, capture="actions"),
    ]
    return SessionScript(
        event=EventInfo(
            title="Forum régional 2026",
            organiser="CRÉ",
            language=language,  # type: ignore[arg-type]
            tables=tables,
            codebook=[
                Theme(id="leadership", label="Leadership"),
                Theme(id="housing", label="Logement abordable"),
                Theme(id="youth", label="Jeunesse"),
            ],
        ),
        blocks=[
            Block(number=1, title="Café", format="world-cafe", tables=tables, steps=cafe_steps),
            Block(
                number=2,
                title="Forum ouvert",
                format="open-space",
                slots=["9:30-10:30", "10:45-11:45"],
                spaces=["Salle A", "Salle B"],
                steps=open_steps,
            ),
        ],
    )
