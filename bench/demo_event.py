"""Synthetic events with realistic French notes, for the benchmarks (`bench/synthesis.py`) and
the README's page images: `build_event(path, tables=..., rounds=..., notes_per_table=...)`
makes a whole event file (World Café blocks, an Open Space with reports, votes and actions,
participants, seating, a run log). It is not part of the package."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from facilitation.models import Block, EventInfo, SessionScript, Step, Theme
from facilitation.store import Event, Participant, Seat, TimerState

CODEBOOK = [
    ("services", "Services, installations et logements"),
    ("acces", "Accès équitable aux services"),
    ("emploi", "Emploi et affaires"),
    ("travail", "Traitement équitable au travail"),
    ("acquis", "Reconnaissance des acquis et des compétences"),
    ("participation", "Participation citoyenne"),
    ("relations", "Relations interculturelles"),
    ("leadership", "Leadership municipal"),
]
QUESTIONS = [
    "Qu'est-ce qui rend notre municipalité accueillante aujourd'hui?",
    "Qu'est-ce qui freine l'intégration des personnes immigrantes chez nous?",
    "Quel projet concret ferait la différence d'ici trois ans?",
    "Qui doit s'associer à ce projet, et qu'est-ce que chacun peut y apporter?",
]
SUBJECTS = [
    "le logement abordable",
    "la reconnaissance des diplômes",
    "l'accueil des familles",
    "le transport collectif",
    "les employeurs de la région",
    "les organismes communautaires",
    "la francisation des adultes",
    "les jeunes de deuxième génération",
    "le jumelage interculturel",
    "les services de garde",
    "la bibliothèque municipale",
    "les petites entreprises",
    "le bénévolat",
    "les écoles du quartier",
    "la participation aux conseils de quartier",
]
VERBS = [
    "manque de visibilité",
    "demande plus de concertation",
    "repose trop sur les bénévoles",
    "fonctionne bien quand les partenaires se parlent",
    "doit être pensé avec les personnes concernées",
    "reste difficile d'accès en région",
    "pourrait devenir un lieu de rencontre",
    "exige un financement stable sur trois ans",
    "gagnerait à être mieux connu",
]
EXTRAS = [
    "On l'a vu avec le projet pilote de l'an dernier.",
    "Il faudrait un **guichet unique** pour s'y retrouver.",
    "Idée : une *semaine de l'accueil* chaque automne.",
    "- rencontre mensuelle\n- suivi par la Table\n- bilan en juin",
    "Voir le portail régional : [Accueil Québec](https://www.quebec.ca/immigration).",
    "Les participants insistent : il faut agir vite.",
]
FIRST = [
    "Marie",
    "Jean",
    "Fatou",
    "Luc",
    "Sofia",
    "Ahmed",
    "Julie",
    "Pierre",
    "Ana",
    "Karim",
    "Isabelle",
    "Nguyen",
    "Chantal",
    "Diego",
    "Mélanie",
    "Yves",
]
LAST = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Diallo",
    "Côté",
    "Bouchard",
    "Haddad",
    "Pelletier",
    "Lévesque",
    "Morin",
    "Ortiz",
    "Gauthier",
]
SECTORS = [
    "Municipalité",
    "Employabilité",
    "Accueil et intégration",
    "Éducation",
    "Employeur",
    "Santé",
    "Territorial",
]


def sentence(rng: random.Random) -> str:
    text = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)}."
    if rng.random() < 0.5:
        text += f" Et {rng.choice(SUBJECTS)} {rng.choice(VERBS)}."
    if rng.random() < 0.3:
        text += " " + rng.choice(EXTRAS)
    return text


def script(*, cafe_blocks: int, tables: int, rounds: int, lang: str = "fr") -> SessionScript:
    blocks = []
    for b in range(cafe_blocks):
        steps = [Step(kind="welcome", title="Accueil", minutes=10)]
        for n in range(1, rounds + 1):
            steps.append(
                Step(
                    kind="round",
                    title=f"Ronde {n}",
                    minutes=25,
                    round=n,
                    question=QUESTIONS[(b + n - 1) % len(QUESTIONS)],
                    capture="table",
                )
            )
        steps.append(
            Step(kind="harvest", title="Récolte en plénière", minutes=30, capture="plenary")
        )
        blocks.append(
            Block(
                number=b + 1,
                title=f"Café de conversation {b + 1}",
                format="world-cafe",
                format_name="café de conversation",
                day=1,
                start=dt.time(9 if b == 0 else 13),
                tables=tables,
                steps=steps,
            )
        )
    blocks.append(
        Block(
            number=cafe_blocks + 1,
            title="Forum ouvert",
            format="open-space",
            format_name="forum ouvert",
            day=2,
            start=dt.time(9),
            question="De quoi devons-nous absolument parler pour mieux accueillir?",
            slots=["9:30-10:30", "10:45-11:45", "13:00-14:00"],
            spaces=["Salle A", "Salle B", "Salle C", "Salon", "Terrasse"],
            steps=[
                Step(kind="marketplace", title="Place du marché", minutes=30, capture="topics"),
                *[
                    Step(
                        kind="session",
                        title=f"Ateliers, créneau {n}",
                        minutes=60,
                        round=n,
                        capture="reports",
                    )
                    for n in (1, 2, 3)
                ],
                Step(kind="convergence", title="Convergence", minutes=30, capture="votes"),
                Step(kind="action", title="Plan d'action", minutes=40, capture="actions"),
            ],
        )
    )
    return SessionScript(
        event=EventInfo(
            title="Forum régional sur l'accueil et l'inclusion",
            organiser="Ville de Victoriaville",
            dates=[dt.date(2026, 5, 4), dt.date(2026, 5, 5)],
            place="Victoriaville",
            language=lang,  # type: ignore[arg-type]
            purpose="Avec les partenaires du milieu, **mieux accueillir** les personnes immigrantes et"
            " faire de la région une collectivité accueillante et inclusive.",
            tables=tables,
            codebook=[Theme(id=i, label=label) for i, label in CODEBOOK],
        ),
        blocks=blocks,
    )


def build_event(
    path: Path,
    *,
    tables: int = 5,
    rounds: int = 3,
    notes_per_table: int = 3,
    cafe_blocks: int = 2,
    topics: int = 12,
    seed: int = 1,
    lang: str = "fr",
) -> Event:
    """Create and fill an event file; returns it open."""
    rng = random.Random(seed)
    sc = script(cafe_blocks=cafe_blocks, tables=tables, rounds=rounds, lang=lang)
    clock = [dt.datetime(2026, 5, 4, 9, 0).timestamp()]
    event = Event.create(path, sc, "", "demo.md", clock=lambda: clock[0])
    people = [
        Participant(
            0,
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            f"Organisme {rng.randint(1, 40)}",
            rng.choice(SECTORS),
            "host" if i < tables else "",
            "fr",
        )
        for i in range(tables * 6)
    ]
    ids = event.add_participants(people)
    codes = [i for i, _label in CODEBOOK]
    with event.transaction():  # one transaction for the whole fill: much faster
        for block in sc.blocks[:cafe_blocks]:
            seats = []
            for rnd in range(1, rounds + 1):
                order = ids[tables:]
                rng.shuffle(order)
                for t in range(1, tables + 1):
                    seats.append(Seat(block.number, rnd, t, ids[t - 1], True))
                    for pid in order[(t - 1) * 5 : t * 5]:
                        seats.append(Seat(block.number, rnd, t, pid))
            event.set_seating(block.number, seats)
            for rnd in range(1, rounds + 1):
                for t in range(1, tables + 1):
                    for _ in range(notes_per_table):
                        event.add_note(
                            block.number,
                            sentence(rng),
                            round=rnd,
                            table=t,
                            author=people[t - 1].name,
                            tags=rng.sample(codes, rng.randint(0, 2)),
                        )
            for _ in range(3):
                event.add_note(block.number, sentence(rng), kind="plenary", author="Animation")
        os_block = sc.blocks[-1].number
        for n in range(topics):
            subject = SUBJECTS[n % len(SUBJECTS)]
            topic = event.add_topic(
                os_block,
                f"Agir sur {subject}",
                convener=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                slot=n % 3 if n < 15 else None,
                space=(n // 3) % 5 if n < 15 else None,
            )
            event.save_report(
                topic,
                participants=", ".join(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(4)),
                key_points="\n".join(f"- {sentence(rng)}" for _ in range(3)),
                recommendations=sentence(rng),
                next_steps=sentence(rng),
                author="Secrétariat",
            )
            event.set_votes(os_block, rng.randint(0, 30), topic_id=topic)
            if n % 3 == 0:
                event.add_action(
                    os_block,
                    f"Plan pour {subject}",
                    topic_id=topic,
                    lead=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    partners="Ville, organismes, employeurs",
                    first_step="Réunir les partenaires",
                    deadline=f"{rng.choice(['juin', 'septembre', 'décembre'])} 2026",
                )
    # a run log for the first block: every step started then ended, one extension
    for index, (block, step) in enumerate(sc.flat_steps()):
        if block.number != 1:
            break
        event.write_timer(TimerState(step_index=index, status="running"), "started")
        if step.round == 2:
            clock[0] += 60 * step.minutes
            event.write_timer(
                TimerState(step_index=index, status="running"), "extended", detail="+5 min"
            )
            clock[0] += 300
        else:
            clock[0] += 60 * step.minutes + rng.randint(-120, 240)
        event.write_timer(TimerState(step_index=index, status="ended"), "ended")
    return event
