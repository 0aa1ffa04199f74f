"""One Markdown dialect: a tricky note shows on the capture screen with the bold, italics,
strike-through and links that the Word synthesis prints for it."""

from __future__ import annotations

import docx
from docx.text.hyperlink import Hyperlink
from pilot_support import screen_text, sync
from rich.console import Console
from rich.text import Text

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.synthesis import write_synthesis
from facilitation.tui.capture.app import CaptureApp
from facilitation.tui.capture.editor import NotesList

T0 = 1_800_000_000.0
# Where the two renderers used to differ: intraword emphasis, nested emphasis, strike-through,
# links (one of them bold), a setext heading, a line break kept inside a paragraph.
NOTE = (
    "Priorités de la table\n"
    "=====================\n"
    "\n"
    "Le calcul 2*3*4 reste, **gras *et italique*** puis ~~barré~~,\n"
    "voir [le portail](https://www.quebec.ca/immigration) et **[ce guide](https://example.org/g)**."
)
# (text, bold, italic, strike, link) of each stretch of a paragraph, as the reader sees it.
Stretch = tuple[str, bool, bool, bool, str | None]


def merged(chars: list[tuple[str, bool, bool, bool, str | None]]) -> list[Stretch]:
    out: list[Stretch] = []
    for char, *style in chars:
        if out and list(out[-1][1:]) == style:
            out[-1] = (out[-1][0] + char, *out[-1][1:])
        else:
            out.append((char, *style))  # type: ignore[arg-type]
    return out


def on_screen(text: Text) -> list[list[Stretch]]:
    """The paragraphs of a Rich Text as the terminal draws them (blank lines between)."""
    console = Console(width=1000, force_terminal=True, color_system="truecolor")
    paragraphs: list[list[tuple[str, bool, bool, bool, str | None]]] = [[]]
    for segment in console.render(text):
        style = segment.style
        for char in segment.text:
            if char == "\n" and paragraphs[-1] and paragraphs[-1][-1][0] == "\n":
                paragraphs[-1].pop()
                paragraphs.append([])
            elif style is not None:
                paragraphs[-1].append(
                    (char, bool(style.bold), bool(style.italic), bool(style.strike), style.link)
                )
            else:
                paragraphs[-1].append((char, False, False, False, None))
    for paragraph in paragraphs:
        while paragraph and paragraph[-1][0] == "\n":  # the end of the text's last line
            paragraph.pop()
    return [merged(p) for p in paragraphs if p]


def in_word(paragraph) -> list[Stretch]:
    chars = []
    for item in paragraph.iter_inner_content():
        runs, link = (item.runs, item.address) if isinstance(item, Hyperlink) else ([item], None)
        for run in runs:
            for char in run.text:
                chars.append((char, bool(run.bold), bool(run.italic), bool(run.font.strike), link))
    return merged(chars)


@sync
async def test_a_tricky_note_looks_the_same_on_screen_and_in_word(tmp_path):
    path = tmp_path / "event.db"
    with Event.create(path, sample_script("fr"), "", "forum.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1, status="running", deadline=T0 + 1200), "goto")
        event.add_note(1, NOTE, round=1, table=2, author="Ana")

    app = CaptureApp(Event.open(path, clock=lambda: T0), table=2, clock=lambda: T0)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        notes = app.screen.query_one(NotesList)
        [shown] = [
            notes.get_option_at_index(i).prompt
            for i in range(notes.option_count)
            if "Priorités" in str(notes.get_option_at_index(i).prompt)
        ]
        visible = screen_text(app)
        assert "Le calcul 2" in visible and "gras et italique" in visible
        assert "**" not in visible and "~~" not in visible and "](" not in visible
    screen = on_screen(shown)

    with Event.open(path) as event:
        out = write_synthesis(event, tmp_path / "synthese.docx")
    body = docx.Document(str(out)).paragraphs
    start = next(i for i, p in enumerate(body) if p.text == "Priorités de la table")
    word = [in_word(p) for p in body[start : start + len(screen)]]

    assert screen == word
    # ...and that structure is the one the note asks for:
    assert screen[0] == [("Priorités de la table", True, False, False, None)]
    stretches = screen[1]
    assert ("3", False, True, False, None) in stretches  # 2*3*4: CommonMark's emphasis
    assert ("gras ", True, False, False, None) in stretches
    assert ("et italique", True, True, False, None) in stretches
    assert ("barré", False, False, True, None) in stretches
    assert ("le portail", False, False, False, "https://www.quebec.ca/immigration") in stretches
    assert ("ce guide", True, False, False, "https://example.org/g") in stretches
    # The line end inside the paragraph is a soft break: a space, on both (CommonMark).
    assert not any("\n" in text for text, *_style in stretches)
    assert ", voir " in "".join(text for text, *_style in stretches)
