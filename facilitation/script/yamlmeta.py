"""YAML read with every scalar kept as text and every node's line kept for messages.

The facilitator's `8:30` must stay `8:30` (YAML 1.1 would read it as 510), so the values are
loaded with the BaseLoader (strings, lists and mappings only; never Python objects) and typed
by facilitation.script.values.

Hostile front matters are refused before anything is built, by a first pass over PyYAML's
event stream (iterative, so it cannot overflow the stack): anchors and aliases (a
self-referencing anchor, an alias "bomb"), nesting deeper than MAX_DEPTH, more than MAX_NODES
values, or a text longer than MAX_BYTES, each with its line. PyYAML's English problems are
told in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from facilitation.i18n import _

MAX_DEPTH = 20  # lists and mappings inside each other (a script needs 3 or 4)
MAX_NODES = 20_000  # values in a front matter (a large codebook is a few hundred)
MAX_BYTES = 256 * 1024


@dataclass
class Node:
    value: object  # str, list[Node] or dict[str, tuple[Node, Node]] (key node, value node)
    line: int  # 1-based line in the file


class YamlProblem(ValueError):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def _convert(node: yaml.Node, first_line: int) -> Node:
    line = node.start_mark.line + first_line
    if isinstance(node, yaml.ScalarNode):
        return Node(node.value, line)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, first_line) for item in node.value], line)
    mapping: dict[str, tuple[Node, Node]] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, first_line)
        mapping[str(key.value) if isinstance(key.value, str) else ""] = (
            key,
            _convert(value_node, first_line),
        )
    return Node(mapping, line)


_PROBLEMS = [
    (
        re.compile(r"found character '(.+)' that cannot start any token"),
        lambda m: (
            _("a tab cannot start a value: indent with spaces")
            if m.group(1) == "\\t"
            else _(
                "the character {char} cannot start a value here: put the value in quotes"
            ).format(char=m.group(1))
        ),
    ),
    (
        re.compile(r"mapping values are not allowed here"),
        lambda m: _("a \u201c:\u201d is not allowed here: put the value in quotes"),
    ),
    (
        re.compile(r"could not find expected ':'"),
        lambda m: _("a \u201c:\u201d is missing after a key"),
    ),
    (
        re.compile(r"found unexpected end of stream|but got '<stream end>'"),
        lambda m: _("a quote or a bracket is not closed"),
    ),
    (
        re.compile(r"found duplicate anchor|found undefined alias"),
        lambda m: _("anchors and aliases (& and *) are not accepted in a script"),
    ),
]


def _translated(problem: str) -> str:
    """PyYAML's English problem in the user's language (its text as a last resort)."""
    for pattern, say in _PROBLEMS:
        match = pattern.search(problem)
        if match:
            return say(match)
    return _("the YAML is malformed here ({problem})").format(problem=problem)


def _screen(text: str, first_line: int) -> None:
    """Refuse anchors, aliases, deep nesting and too many values, at their line, before
    anything is composed (composing recurses and expands aliases)."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=yaml.BaseLoader):
        line = (event.start_mark.line if event.start_mark else 0) + first_line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(_("anchors and aliases (& and *) are not accepted in a script"), line)
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(
                    _("lists and mappings are nested too deep (more than {n} levels)").format(
                        n=MAX_DEPTH
                    ),
                    line,
                )
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            depth -= 1
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                raise YamlProblem(
                    _("the front matter has too many values (more than {n})").format(n=MAX_NODES),
                    line,
                )


def load(text: str, first_line: int = 1) -> Node | None:
    """Parse YAML `text` that starts at `first_line` of its file; raises YamlProblem."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise YamlProblem(
            _("the front matter is too large (more than {n} KB)").format(n=MAX_BYTES // 1024),
            first_line,
        )
    try:
        _screen(text, first_line)
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlProblem(
            _translated(str(exc.problem or exc.context or exc).strip()), line
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(_translated(str(exc)), first_line) from None
    except RecursionError:  # not reachable with MAX_DEPTH, kept as a last guard
        raise YamlProblem(
            _("lists and mappings are nested too deep (more than {n} levels)").format(n=MAX_DEPTH),
            first_line,
        ) from None
    return None if root is None else _convert(root, first_line)


def text_of(node: Node) -> str | None:
    """A scalar's text, or None for a list or mapping."""
    return node.value if isinstance(node.value, str) else None
