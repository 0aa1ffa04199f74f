"""Counts in messages agree with their number, in English and French (no "(s)")."""

from __future__ import annotations

import pytest

from facilitation.errors import UserErrors
from facilitation.i18n import set_language
from facilitation.script import parse_script
from facilitation.script.summary import warnings

ONE_DATE = "---\ntitle: T\ndates: [2026-05-04]\n---\n# B\nformat: world café\nday: 2\n"
ONE_SLOT = (
    "---\ntitle: T\n---\n# Forum\nformat: open space\nslots: 13:00-14:00\n\n"
    "## Session 1 (30 min)\ncapture: reports\n\n## Session 2 (30 min)\ncapture: reports\n"
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "day 2 but the event has 1 date"), ("fr", "jour 2, mais l'événement a 1 date")],
)
def test_a_day_past_the_only_date(lang, expected):
    set_language(lang)
    try:
        with pytest.raises(UserErrors) as caught:
            parse_script(ONE_DATE, "s.md")
    finally:
        set_language("en")
    text = str(caught.value)
    assert expected in text and "(s)" not in text and expected + "s" not in text


def test_one_slot_for_two_sessions_is_said_in_the_singular_and_plural():
    script = parse_script(ONE_SLOT, "s.md")
    said = "\n".join(warnings(script))
    assert "'Forum' has 1 time slot but 2 sessions" in said, said
