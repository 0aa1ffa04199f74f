"""YAML read with every scalar kept as text and every node's line kept for messages.

The facilitator's `8:30` must stay `8:30` (YAML 1.1 would read it as 510), so the values are
loaded with the BaseLoader (strings, lists and mappings only; never Python objects) and typed
by facilitation.script.values.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


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


def load(text: str, first_line: int = 1) -> Node | None:
    """Parse YAML `text` that starts at `first_line` of its file; raises YamlProblem."""
    try:
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlProblem(str(exc.problem or exc.context or exc).strip(), line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc), first_line) from None
    return None if root is None else _convert(root, first_line)


def text_of(node: Node) -> str | None:
    """A scalar's text, or None for a list or mapping."""
    return node.value if isinstance(node.value, str) else None
