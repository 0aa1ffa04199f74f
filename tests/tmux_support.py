"""Programs in a real terminal for the process-level tests: one tmux server per test (the
`tmux` fixture of conftest.py).

Each test's server has a socket of its own: nothing is shared with the developer's own tmux
or with a test running on another worker. The server stays up when its last program ends
(`exit-empty off`), so a program started again at once (a console killed, then restarted)
never reaches a server that is shutting down, where its session would vanish at once.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path


class Tmux:
    """A tmux server of its own; `tmux(*args)` runs a tmux command on it."""

    def __init__(self) -> None:
        self.socket = f"facilitation-test-{uuid.uuid4().hex}"
        self("start-server", ";", "set-option", "-s", "exit-empty", "off")

    def __call__(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        assert out.returncode == 0 or args[0] == "kill-server", (
            f"tmux {' '.join(args)}: {out.stderr}"
        )
        return out.stdout

    def start(
        self,
        session: str,
        command: str,
        *,
        size: tuple[int, int] = (100, 30),
        cwd: str | None = None,
        keep_screen: bool = False,
    ) -> None:
        """Run `command` (a shell line) in a new session of `size` columns × lines.
        `keep_screen`: the session stays when the program ends, with its last screen (a
        traceback, if it ever crashed); otherwise it ends with the program."""
        args = ["new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1])]
        if cwd is not None:
            args += ["-c", cwd]
        args.append(command)
        if keep_screen:
            args += [";", "set-option", "-t", session, "remain-on-exit", "on"]
        self(*args)

    def alive(self, session: str) -> bool:
        out = subprocess.run(
            ["tmux", "-L", self.socket, "has-session", "-t", session], capture_output=True
        )
        return out.returncode == 0

    def screen(self, session: str) -> str:
        return self("capture-pane", "-p", "-t", session)

    def close(self) -> None:
        self("kill-server")
        # A server that never exited empty leaves its socket behind: where tmux puts it.
        folder = Path(os.environ.get("TMUX_TMPDIR") or tempfile.gettempdir())
        (folder / f"tmux-{os.getuid()}" / self.socket).unlink(missing_ok=True)


def wait_until(
    condition: Callable[[], bool], timeout: float = 20.0, what: str = "", every: float = 0.05
) -> None:
    """Until `condition()` holds; the test fails naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")
