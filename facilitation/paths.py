"""Where the shipped data lives: inside the package in a wheel, beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`formats` or `sessions`: `facilitation/_data/<name>` when installed from a wheel,
    `<repository>/<name>` in a checkout or an editable install."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def formats_dir() -> Path:
    return data_dir("formats")


def sessions_dir() -> Path:
    return data_dir("sessions")
