"""The event file: one SQLite database per event (see docs/event-file.md).

    from facilitation.store import Event
    with Event.open("cafe.db") as event:
        event.add_note(1, "Trust comes first", round=1, table=3, author="Ana")

Everything else (notes, participants, seating, timer and run log, Open Space topics, reports,
votes, interests, actions, join codes, drafts) is a method of `Event`; the dataclasses it
returns are importable from here.
"""

from facilitation.store.drafts import Draft
from facilitation.store.event import Event
from facilitation.store.notes import NOTE_KINDS, Note, NoteRevision
from facilitation.store.openspace import Action, Interest, SessionReport, Topic, Vote
from facilitation.store.people import Participant, Seat
from facilitation.store.runlog import RUN_ACTIONS, RunLogEntry, TimerConflict, TimerState
from facilitation.store.schema import SCHEMA_VERSION

__all__ = [
    "NOTE_KINDS",
    "RUN_ACTIONS",
    "SCHEMA_VERSION",
    "Action",
    "Draft",
    "Event",
    "Interest",
    "Note",
    "NoteRevision",
    "Participant",
    "RunLogEntry",
    "Seat",
    "SessionReport",
    "TimerConflict",
    "TimerState",
    "Topic",
    "Vote",
]
