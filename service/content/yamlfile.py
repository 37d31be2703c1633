"""YAML reading that remembers the line of every value, so problems can name it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

KeyPath = tuple[Any, ...]  # the keys and list indexes that lead to a value in a YAML file


UNREADABLE = "(file)"  # a Problem's field when the whole file could not be read


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
    return out or UNREADABLE


PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
MERGE_TAG = "tag:yaml.org,2002:merge"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
TOO_DEEP = "nests lists or mappings too deeply to be content"
UNREADABLE_DATE = dt.date.min  # stands for a date that is not on the calendar, already reported
BOMS = {b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse one YAML file; every way it can be broken comes back as problems with a line, never raised."""
    text, problem = _text(path, shown_as)
    if text is None:
        return None, [problem] if problem else []
    try:
        loader = yaml.SafeLoader(text)  # checks every character at once
    except yaml.YAMLError as error:
        return None, [_invalid(error, text, shown_as)]
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        return None, [_invalid(error, text, shown_as)]
    except RecursionError:
        return None, [Problem(shown_as, 1, UNREADABLE, TOO_DEEP)]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(shown_as, 1, UNREADABLE, "is empty")]
    builder = _Builder(shown_as, loader)
    try:
        data = builder.build(node, ())
    except RecursionError:
        return None, [Problem(shown_as, 1, UNREADABLE, TOO_DEEP)]
    return YamlDoc(shown_as, data, builder.lines), builder.problems


def _text(path: Path, shown_as: str) -> tuple[str | None, Problem | None]:
    """The file as text; a file that cannot be read or is not UTF-8 is a problem on the line it fails."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, Problem(shown_as, 1, UNREADABLE, f"cannot be read: {error.strerror or error}")
    for bom, name in BOMS.items():
        if raw.startswith(bom):
            return None, Problem(shown_as, 1, UNREADABLE, f"is saved as {name}: save it as UTF-8")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start: error.start + 1].hex()
        return None, Problem(shown_as, line, UNREADABLE, f"is not UTF-8 text (byte 0x{byte} cannot be read): "
                                                       "save the file as UTF-8")


def _invalid(error: yaml.YAMLError, text: str, shown_as: str) -> Problem:
    return Problem(shown_as, _error_line(error, text), UNREADABLE, f"is not valid YAML: {_reason(error)}")


def _error_line(error: yaml.YAMLError, text: str) -> int:
    """The line a YAML error points at: its problem mark, or for a bad character its position."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    position = getattr(error, "position", None)
    if isinstance(position, int):
        return text[:position].count("\n") + 1
    return 1


def _reason(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
        return f"the character {chr(error.character)!r} (code {error.character:#x}) cannot be in a YAML file"
    if not isinstance(error, yaml.MarkedYAMLError) or not error.problem:
        return str(error)
    context, start, end = error.context, error.context_mark, error.problem_mark
    reason = f"{context}, {error.problem}" if context else error.problem
    if context and context.startswith("while") and start and end and start.line != end.line:
        reason += f" (it began on line {start.line + 1})"
    return reason


class _Builder:
    """Turns a node tree into plain values, recording lines; each value it cannot take becomes a problem."""

    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def refuse(self, node: yaml.Node, path: KeyPath, message: str, line: int | None = None) -> None:
        where = line or node.start_mark.line + 1
        self.problems.append(Problem(self.file, where, field_name(path), message))

    def build(self, node: yaml.Node, path: KeyPath, key_line: int | None = None) -> Any:
        """Plain data for a node; `key_line` is where its key is, the only line an alias (*name) leaves."""
        self.lines[path] = node.start_mark.line + 1
        if id(node) in self.seen:
            self.lines[path] = key_line or self.lines[path]
            self.refuse(node, path, "repeats a value named elsewhere with a YAML anchor (&name, *name): "
                                    "write the value out here", key_line)
            return None
        self.seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            self.refuse(node, path, f"has the YAML tag {_tag(node.tag)!r}, which content files do not use: "
                                    "remove the tag")
            # Read as if untagged (PyYAML's resolver is unannotated).
            node.tag = self.loader.resolve(type(node), node.value, (True, False))  # type: ignore[no-untyped-call]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                self.refuse(key_node, path, "has a YAML merge key (<<), which copies fields from elsewhere: "
                                            "write each field out here")
                continue
            key = self._key(key_node, path)
            if key in result:
                self.refuse(key_node, (*path, key), "appears twice")
            result[key] = self.build(value_node, (*path, key), key_node.start_mark.line + 1)
        return result

    def _key(self, node: yaml.Node, path: KeyPath) -> Any:
        """A mapping key as plain, hashable data (a list or mapping used as a key is kept as its text)."""
        if not isinstance(node, yaml.ScalarNode) or node.tag not in PLAIN_TAGS:
            self.refuse(node, path, "has a list, a mapping or a tagged value as a key: write plain words")
            return f"(key on line {node.start_mark.line + 1})"
        key = self._scalar(node, path)
        if key is UNREADABLE_DATE:
            return node.value
        return key if isinstance(key, (str, int, float, bool, type(None), dt.date)) else str(key)

    def _scalar(self, node: yaml.Node, path: KeyPath) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
            if node.tag == TIMESTAMP_TAG:
                self.refuse(node, path, f"{node.value} is not a date on the calendar ({error}): "
                                        "write a real day like 2026-11-23")
                return UNREADABLE_DATE
            else:
                self.refuse(node, path, f"{node.value!r} cannot be read: {error}")
            return node.value


def _tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
