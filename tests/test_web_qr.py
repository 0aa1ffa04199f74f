"""QR codes of the join addresses: in the terminal, on the code sheet, on the projector."""

from __future__ import annotations

import segno
from docx import Document
from pilot_support import screen_text, sync, wait_for
from web_support import make_event

from facilitation.serve.codesheet import write_code_sheet
from facilitation.serve.qr import join_url, qr_lines
from facilitation.store import Event
from facilitation.store.web_access import WebStore
from facilitation.tui import timings
from facilitation.tui.projector.app import make_projector_app


def test_half_blocks_hold_two_rows_of_modules_each():
    url = join_url("http://192.168.1.20:8000/", "K7M2QA")
    assert url == "http://192.168.1.20:8000/j/K7M2QA"
    size = segno.make(url, error="m").symbol_size(border=2)[0]
    lines = qr_lines(url, border=2)
    assert len(lines) == (size + 1) // 2 and all(len(line) == size for line in lines)
    assert set("".join(lines)) <= {" ", "\u2580", "\u2584", "\u2588"}
    # The quiet zone is light: no block in the first line when dark modules are drawn.
    assert lines[0].strip() == ""
    inverted = qr_lines(url, border=2, dark_as_block=False)
    assert inverted[0] == "\u2588" * size


def test_the_code_sheet_has_a_qr_code_per_card(tmp_path):
    codes = {1: "K7M2Q", 2: "AB3CD"}
    roles = {"room": "ROOM22", "reports": "REPS33"}
    sheet = tmp_path / "codes.docx"
    write_code_sheet(sheet, "Forum", codes, ["http://192.168.1.20:8000/"], "fr", roles)
    doc = Document(str(sheet))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert len(doc.inline_shapes) == 4
    assert "Participants (toute la salle)" in text and "R O O M 2 2" in text
    assert "Balayez ce code" in text


@sync
async def test_the_projector_shows_the_rooms_qr_while_the_server_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(timings, "QR_SECONDS", 0.05)  # it looks every 2 s in the room
    path, codes = make_event(tmp_path)
    event = Event.open(path)
    app = make_projector_app(event)
    async with app.run_test(size=(160, 50)) as pilot:
        qr = app.query_one("#join-qr")
        assert not qr.display
        with Event.open(path) as other:  # what `serve` writes when it starts
            WebStore(other).set_setting("url", "http://192.168.1.20:8000/")
        # Wait for what the room sees, not only the widget's flag: the frame that draws the
        # code can come a refresh after `display` turns on.
        await wait_for(pilot, lambda: qr.display and "192.168.1.20:8000" in screen_text(app))
        assert qr.display
        text = screen_text(app)
        assert "192.168.1.20:8000" in text and codes.room in text and "\u2584" in text
        with Event.open(path) as other:  # and when it stops
            WebStore(other).set_setting("url", "")
        await wait_for(pilot, lambda: not qr.display)
        assert not qr.display
    event.close()
