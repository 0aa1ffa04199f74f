"""A worker that fails never takes a screen down: its error becomes a line in a log file
beside the event (`forum.db` -> `forum-errors.log`, with the traceback for whoever fixes it)
and a message phrased for the user, shown as a notification.

    @work(thread=True, exclusive=True, group="synthesis", exit_on_error=False)
    def synthesis_worker(self): ...

    def on_worker_state_changed(self, message: Worker.StateChanged) -> None:
        report_failed_worker(self, self.event, message.worker)
"""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.store import Event


def failure_log_path(event_path: Path) -> Path:
    """`forum.db` -> `forum-errors.log`, beside the event file."""
    return event_path.with_name(f"{event_path.stem}-errors.log")


def log_failure(event: Event, job: str, error: BaseException) -> Path:
    """Append one line (and the traceback, indented, for the one who fixes it) to the log
    beside the event; returns its path. A log that cannot be written is left alone."""
    path = failure_log_path(event.path)
    when = dt.datetime.now().isoformat(timespec="seconds")
    reason = str(getattr(error, "message", "") or error) or type(error).__name__
    lines = [f"{when} {job}: {type(error).__name__}: {reason}\n"]
    if not isinstance(error, UserError):
        trace = traceback.format_exception(type(error), error, error.__traceback__)
        lines += ["    " + line for chunk in trace for line in chunk.rstrip().splitlines(True)]
        lines.append("\n")
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.writelines(lines)
    except OSError:
        pass
    return path


def failure_text(job: str, error: BaseException, log: Path) -> str:
    if isinstance(error, UserError):
        return error.message
    if isinstance(error, OSError):
        reason = f"{error.strerror or error}"
    else:
        reason = f"{type(error).__name__}: {error}"
    return _("{job} failed: {reason} (details in {log})").format(
        job=job, reason=reason, log=log.name
    )


def job_name(group: str) -> str:
    names = {
        "synthesis": _("The synthesis"),
        "seating": _("The seating plan"),
        "suggest": _("The agenda suggestion"),
    }
    return names.get(group, group)


def report_failed_worker(target: MessagePump, event: Event, worker: Worker) -> bool:
    """For on_worker_state_changed: a worker that raised becomes a notification and a log
    line. True if it was one."""
    if worker.state != WorkerState.ERROR or worker.error is None:
        return False
    job = job_name(worker.group)
    log = log_failure(event, worker.group, worker.error)
    target.post_message(WorkFailed(failure_text(job, worker.error, log)))
    return True


class WorkFailed(Message):
    """A worker's error, already phrased for the user."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message
