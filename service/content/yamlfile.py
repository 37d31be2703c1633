"""YAML reading that remembers the line of every value, so problems can name it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

KeyPath = tuple[Any, ...]  # the keys and list indexes that lead to a value in a YAML file


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file, said as `file:line: field: what is wrong`."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"  # "error" stops the content, "warning" should be fixed, "note" only informs

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        prefix = f"{self.severity}: " if self.severity in ("warning", "note") else ""
        return f"{where}: {self.field}: {prefix}{self.message}"


@dataclass
class YamlDoc:
    """A parsed YAML file with the line number of each value by its path of keys."""

    file: str
    data: Any
    lines: dict[KeyPath, int]

    def line(self, *path: Any) -> int:
        """The line of the value at a path, or of its nearest parent that has one."""
        path_ = tuple(path)
        while path_ and path_ not in self.lines:
            path_ = path_[:-1]
        return self.lines.get(path_, 1)

    def problem(self, path: KeyPath, message: str, severity: str = "error") -> Problem:
        """A problem at a path in this file."""
        return Problem(self.file, self.line(*path), field_name(path), message, severity)


def field_name(path: KeyPath) -> str:
    """A readable field name for a path: `en.sms[1]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse one YAML file; syntax errors and duplicate keys come back as problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(shown_as, 1, "(file)", f"cannot be read: {error}")]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(shown_as, line, "(file)", f"is not valid YAML: {reason}")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(shown_as, 1, "(file)", "is empty")]
    lines: dict[KeyPath, int] = {}
    problems: list[Problem] = []
    data = _build(node, (), lines, problems, shown_as, loader)
    return YamlDoc(shown_as, data, lines), problems


def _build(
    node: yaml.Node,
    path: KeyPath,
    lines: dict[KeyPath, int],
    problems: list[Problem],
    file: str,
    loader: yaml.SafeLoader,
) -> Any:
    """Turn a node tree into plain values, recording lines and duplicate keys."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                key = str(key)
            if key in result:
                where = key_node.start_mark.line + 1
                problems.append(Problem(file, where, field_name((*path, key)), "appears twice"))
            result[key] = _build(value_node, (*path, key), lines, problems, file, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, index), lines, problems, file, loader)
            for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)
