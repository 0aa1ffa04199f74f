"""Fuzzing what users hand the toolkit: session scripts through `check`, CSV files through
`import`. Whatever the bytes, the answer is a result or a FILE:LINE message: never a
traceback, an "unexpected error" or a hang.

A bounded number of examples runs in CI; more with FACILITATION_FUZZ_EXAMPLES=5000.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitation.cli import main
from facilitation.errors import UserError
from facilitation.store import Event
from facilitation.store.importing import KINDS, import_csv
from facilitation.store.sample import sample_script

EXAMPLES = int(os.environ.get("FACILITATION_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=10_000,  # ms per example: a hang fails the test
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=os.environ.get("FACILITATION_FUZZ_EXAMPLES") is None,  # CI: the same examples
)

# Pieces of real scripts, recombined with hostile ones.
SCRIPT_PIECES = [
    "---\n",
    "titre: Atelier\n",
    "title: Workshop\n",
    "langue: fr\n",
    "tables: 99999999999999999999999\n",
    "début: 8:30\n",
    "grille:\n  - id: a\n    libellé: A\n",
    "lieu: &a [*a]\n",
    "x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    "\tb: tab\n",
    "# Bloc\n",
    "format: café de conversation\n",
    "format: forum ouvert\n",
    "## Ronde 1 (20 min)\n",
    "## Ronde 2 (-5 min)\n",
    "## Pause (1e400 min)\n",
    "> Qu'est-ce qui compte?\n",
    "créneaux: [10:00, 11:00]\n",
    "espaces: [A, B]\n",
    "\x1b[2J\x07\n",
    "\n",
]


@st.composite
def scripts(draw) -> bytes:
    pieces = draw(st.lists(st.sampled_from(SCRIPT_PIECES), max_size=25))
    noise = draw(st.lists(st.text(max_size=20), max_size=5))
    parts = pieces + noise
    draw(st.randoms()).shuffle(parts) if draw(st.booleans()) else None
    text = "".join(parts)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    return data


CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "1",
            "2",
            "4",
            "7",
            "0",
            "-1",
            "inf",
            "nan",
            "1e400",
            "99999999999999999999999",
            "2026-05-14T10:30:00",
            "0001-01-01",
            "=1+1",
            "'=x",
            '"',
            '""',
            "table",
            "Logement",
        ]
    ),
)
HEADERS = [
    "texte",
    "text",
    "table",
    "ronde",
    "round",
    "bloc",
    "sujet",
    "votes",
    "nom",
    "titre",
    "created_at",
    "étiquettes",
    "type",
    "créneau",
    "espace",
    "participant",
]


@st.composite
def csv_files(draw) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=6), max_size=8))
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    text = "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))
    data = text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])), "replace")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=6)) + data[cut:]
    return data


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def event(workdir):
    with Event.create(workdir / "e.db", sample_script("fr"), "", "s.md") as ev:
        yield ev


@FUZZ
@given(data=scripts())
def test_check_never_crashes_on_a_script(workdir, capsys, data):
    path = workdir / "script.md"
    path.write_bytes(data)
    code = main(["check", str(path)])
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    assert "Traceback" not in out.err and "unexpected error" not in out.err
    assert "\x1b" not in out.out + out.err


@FUZZ
@given(data=csv_files(), kind=st.sampled_from(KINDS))
def test_import_never_crashes_on_a_csv(workdir, event, data, kind):
    path = workdir / "rows.csv"
    path.write_bytes(data)
    try:
        count = import_csv(event, path, kind)
    except UserError as exc:
        assert str(exc).startswith(str(path)), str(exc)  # FILE or FILE:LINE first
    else:
        assert count >= 0
