"""`show`: update a Static only when what it shows changes; `fill_options`: the same for an
OptionList.

Textual's `Static.update` lays the whole screen out again and repaints the widget, even for
the text it already shows. The console and the projector set their texts again at every key,
every change of the event file (a note, a draft) and every few ticks: most of the time the
same text. Comparing first costs microseconds; a layout of a full screen, milliseconds."""

from __future__ import annotations

from rich.text import Text
from textual.visual import VisualType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


def same_content(old: object, new: object) -> bool:
    """True when `new` draws exactly as `old`: equal strings, or Rich texts with the same
    characters, spans, style and layout options (Text's own == looks at the first two only)."""
    if isinstance(old, str) and isinstance(new, str):
        return old == new
    if isinstance(old, Text) and isinstance(new, Text):
        return (
            old.plain == new.plain
            and old.spans == new.spans
            and old.style == new.style
            and (old.justify, old.overflow, old.no_wrap, old.end, old.tab_size)
            == (new.justify, new.overflow, new.no_wrap, new.end, new.tab_size)
        )
    return False


def show(widget: Static, content: VisualType, *, layout: bool = True) -> bool:
    """`widget.update(content)` unless it already shows `content`; True if it was updated.
    `layout=False` for a widget whose size cannot change with its text (one line high)."""
    if same_content(widget.content, content):
        return False
    widget.update(content, layout=layout)
    return True


def _line(option: Option) -> tuple[str | None, str, bool]:
    prompt = option.prompt
    return option.id, prompt.markup if isinstance(prompt, Text) else str(prompt), option.disabled


def fill_options(option_list: OptionList, options: list[Option]) -> bool:
    """Fill `option_list` with `options` (keeping the highlighted line where it was) unless it
    holds these lines already: True if it was filled. Every change of the event file (a
    draft, a vote on a phone) makes a screen list its lines again, most often the same."""
    if [_line(o) for o in option_list.options] == [_line(o) for o in options]:
        return False
    highlighted = option_list.highlighted
    option_list.clear_options()
    option_list.add_options(options)
    if highlighted is not None and options:
        option_list.highlighted = min(highlighted, len(options) - 1)
    return True
