"""Attach a photo of what the table made (a tablecloth, a flipchart) from the note editor: the
file's path (typed, or dropped on the terminal) and a caption. Stored like an imported photo
(upright, resized, no metadata) with the round and table being captured."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from facilitation.errors import UserError
from facilitation.i18n import N_, _
from facilitation.store.photos import add_photo
from facilitation.tui.help import translate_bindings
from facilitation.tui.widgets.fitting_footer import FittingFooter


def dropped_path(text: str) -> Path:
    """A path as a terminal pastes a dropped file: maybe quoted, maybe with escaped spaces."""
    text = text.strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return Path(text.replace("\\ ", " ")).expanduser()


class PhotoScreen(ModalScreen[int | None]):
    """Returns the stored photo's id, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, event, block: int, round: int | None, table: int | None) -> None:
        super().__init__()
        translate_bindings(self)
        self.event = event
        self.place = (block, round, table)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="photo-dialog"):
            yield Static(
                _(
                    "A photo of what the table made (tablecloth, flipchart): its file (type the"
                    " path or drop the file here), then a caption if you like. Enter attaches it."
                )
            )
            yield Input(placeholder=_("photo file (JPEG, PNG or WebP)"), id="photo-path")
            yield Input(placeholder=_("caption (optional)"), id="photo-caption")
            yield Static("", id="photo-problem")
        yield FittingFooter()

    @on(Input.Submitted, "#photo-path")
    def path_given(self) -> None:
        self.query_one("#photo-caption", Input).focus()

    @on(Input.Submitted, "#photo-caption")
    def attach(self) -> None:
        path = dropped_path(self.query_one("#photo-path", Input).value)
        caption = self.query_one("#photo-caption", Input).value
        block, rnd, table = self.place
        try:
            data = path.read_bytes()
            photo = add_photo(
                self.event, data, block=block, round=rnd, table=table, caption=caption,
                name=path.name,
            )  # fmt: skip
        except UserError as exc:
            self._problem(str(exc))
            return
        except OSError as exc:
            self._problem(f"{path}: {exc.strerror}")
            return
        self.dismiss(photo)

    def _problem(self, text: str) -> None:
        self.query_one("#photo-problem", Static).update(text)
        self.query_one("#photo-path", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


def attach_photo(editor) -> None:
    """The note editor's key: a photo for the round and table being captured."""
    target = editor.target
    if target is None:
        editor.notify(_("No round is open: a photo goes with a round."), severity="warning")
        return

    def done(photo: int | None) -> None:
        if photo is not None:
            editor.notify(_("Photo attached; it will be in the synthesis."))

    editor.app.push_screen(
        PhotoScreen(editor.event, target.block, target.round, target.table), done
    )
