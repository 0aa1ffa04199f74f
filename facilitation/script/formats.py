"""The formats library: `formats/*.yaml` read into FormatDefinition models."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from facilitation.errors import UserError, UserErrors
from facilitation.i18n import _
from facilitation.models import FormatDefinition
from facilitation.paths import formats_dir
from facilitation.script import yamlmeta
from facilitation.script.source import read_text
from facilitation.textmatch import fold


def plain(node: yamlmeta.Node) -> object:
    if isinstance(node.value, list):
        return [plain(item) for item in node.value]
    if isinstance(node.value, dict):
        return {key: plain(value) for key, (_k, value) in node.value.items()}
    return node.value


def line_of(node: yamlmeta.Node, loc: tuple) -> int:
    """The line of the deepest node that `loc` (a pydantic error location) reaches."""
    for part in loc:
        if isinstance(node.value, dict) and isinstance(part, str) and part in node.value:
            node = node.value[part][1]
        elif isinstance(node.value, list) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node.line


def validation_problems(exc: ValidationError, root: yamlmeta.Node, path: Path) -> list[UserError]:
    problems = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"])
        problems.append(
            UserError(
                _("{field}: {problem}").format(field=field, problem=error["msg"]),
                path=path,
                line=line_of(root, error["loc"]),
            )
        )
    return problems


def load_format(path: Path) -> FormatDefinition:
    text = read_text(path)
    try:
        root = yamlmeta.load(text)
    except yamlmeta.YamlProblem as exc:
        raise UserError(
            _("invalid YAML: {problem}").format(problem=exc), path=path, line=exc.line
        ) from None
    if root is None or not isinstance(root.value, dict):
        raise UserError(
            _("a format file must be a YAML mapping (id, names, phases)"), path=path, line=1
        )
    try:
        definition = FormatDefinition.model_validate(plain(root))
    except ValidationError as exc:
        raise UserErrors(validation_problems(exc, root, path)) from None
    problems = []
    ids = [phase.id for phase in definition.phases]
    for index, phase in enumerate(definition.phases):
        if ids.count(phase.id) > 1:
            problems.append(
                UserError(
                    _("phase id '{id}' is used twice").format(id=phase.id),
                    path=path,
                    line=line_of(root, ("phases", index)),
                )
            )
        if phase.between and phase.between not in ids:
            problems.append(
                UserError(
                    _("'between: {id}' names no phase of this format").format(id=phase.between),
                    path=path,
                    line=line_of(root, ("phases", index, "between")),
                )
            )
    if problems:
        raise UserErrors(problems)
    return definition


@cache
def _library(folder: str) -> dict[str, FormatDefinition]:
    formats: dict[str, FormatDefinition] = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        definition = load_format(path)
        formats[definition.id] = definition
    return formats


def library(folder: Path | None = None) -> dict[str, FormatDefinition]:
    """Every format of the library, by id (raises UserError if a format file is broken)."""
    return _library(str(folder or formats_dir()))


def find_format(name: str, formats: dict[str, FormatDefinition]) -> FormatDefinition | None:
    wanted = fold(name)
    for definition in formats.values():
        if wanted in {fold(definition.id), *(fold(n) for n in definition.names.all())}:
            return definition
    return None


def suggest_format(name: str, formats: dict[str, FormatDefinition], lang: str) -> list[str]:
    choices = {}
    for definition in formats.values():
        names = definition.names.fr if lang == "fr" else definition.names.en
        for option in names or definition.names.all():
            choices[fold(option)] = option
    close = difflib.get_close_matches(fold(name), list(choices), n=3, cutoff=0.5)
    return [choices[c] for c in close]


def known_format_names(formats: dict[str, FormatDefinition], lang: str) -> list[str]:
    out = []
    for definition in formats.values():
        names = (
            definition.names.fr if lang == "fr" else definition.names.en
        ) or definition.names.all()
        if names:
            out.append(names[0])
    return out
