"""An editor's broken file gets `file:line: field: what is wrong` from the checker, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from service.checker.cli import content_group
from service.content.yamlfile import read_yaml

# Each broken topic file: its name, its bytes, and the line and words the checker must print about it.
BROKEN_TOPICS: list[tuple[str, bytes, int, str]] = [
    ("bad-date", b"id: bad-date\nreviewed: 2026-02-30\n",
     2, "reviewed: 2026-02-30 is not a date on the calendar (day is out of range"),
    ("merge-key", b"id: merge-key\nen: &en\n  title: Liver\nes:\n  <<: *en\n  label: el higado\n",
     5, "es: has a YAML merge key (<<), which copies fields from elsewhere"),
    ("alias", b"id: alias\nsources: &s [article-mbc-overview]\nen:\n  keywords: *s\n",
     4, "en.keywords: repeats a value named elsewhere with a YAML anchor"),
    ("recursive-alias", b"id: recursive-alias\nen: &a [*a]\n", 2, "en[0]: repeats a value named elsewhere"),
    ("unknown-tag", b"id: unknown-tag\nreviewed: !date 2026-11-24\n",
     2, "reviewed: has the YAML tag '!date', which content files do not use"),
    ("python-tag", b"id: python-tag\nsources: !!python/object/apply:os.system [echo]\n",
     2, "sources: has the YAML tag '!!python/object/apply:os.system'"),
    ("binary-tag", b"id: binary-tag\nen:\n  title: !!binary aGVsbG8=\n",
     3, "en.title: has the YAML tag '!!binary'"),
    ("duplicate-key", b"id: duplicate-key\nreviewed: 2026-11-24\nid: duplicate-key\n",
     3, "id: appears twice"),
    ("latin-1", "id: latin-1\nes:\n  title: Hígado\n".encode("latin-1"),
     3, "(file): is not UTF-8 text (byte 0xed cannot be read): save the file as UTF-8"),
    ("utf-16", "id: utf-16\n".encode("utf-16"), 1, "(file): is saved as UTF-16: save it as UTF-8"),
    ("a-list", b"- id: a-list\n- reviewed: 2026-11-24\n", 1, "(file): must be a mapping of fields"),
    ("a-sentence", b"The liver is a common place.\n", 1, "(file): must be a mapping of fields"),
    ("empty", b"", 1, "(file): is empty"),
    ("comments-only", b"# to write\n", 1, "(file): is empty"),
    ("unclosed", b"id: unclosed\nen:\n  title: Liver\n  keywords: [liver, livr\n  voice: x\n",
     5, "(file): is not valid YAML: while parsing a flow sequence"),
    ("tab", b"id: tab\nen:\n\ttitle: Liver\n",
     3, "(file): is not valid YAML: while scanning for the next token, found character '\\t'"),
    ("bell", b"id: bell\nen:\n  title: Liver \x07\n",
     3, "(file): is not valid YAML: the character '\\x07' (code 0x7) cannot be in a YAML file"),
    ("two-documents", b"id: two-documents\n---\nid: again\n",
     2, "(file): is not valid YAML: expected a single document"),
    ("deep", b"id: deep\nen: " + b"[" * 5000 + b"]" * 5000 + b"\n",
     1, "(file): nests lists or mappings too deeply to be content"),
    ("key-types", b"? [a, b]\n: x\nid: key-types\n",
     1, "(file): has a list, a mapping or a tagged value as a key"),
    ("date-key", b"id: date-key\n2026-02-30: y\n", 2, "(file): 2026-02-30 is not a date on the calendar"),
    ("wrong-types", b"id: [wrong-types]\nreviewed: yesterday\nsources: {a: 1}\nen:\n  title: [a, b]\n"
     b"  label: 5\n  keywords: {liver: 1}\n  voice: null\n  sms: text\nes: 12\n",
     1, "id: must be 'wrong-types', the file's name without .yaml"),
    ("unhashable-sources", b"id: unhashable-sources\nreviewed: 2026-11-24\nsources: [[a], {b: 1}]\n",
     3, "sources[0]: ['a'] is not a source id from sources.yaml"),
]
MORE_WRONG_TYPES = [
    ("wrong-types", 2, "reviewed: 'yesterday' must be a date like 2026-11-23"),
    ("wrong-types", 3, "sources: must list at least one source id from sources.yaml"),
    ("wrong-types", 5, "en.title: is missing or empty (text expected)"),
    ("wrong-types", 7, "en.keywords: must be a list of words or phrases"),
    ("wrong-types", 10, "es: the 'es' block is missing"),
]


def check(folder: Path) -> list[str]:
    """What `flask content check` prints for a folder; it must end as a refusal, not an exception."""
    result = CliRunner().invoke(content_group, ["check", "--dir", str(folder)])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1 and "Traceback" not in result.output
    return result.output.splitlines()


def test_every_broken_topic_file_is_named_with_its_line_and_what_is_wrong(content_copy: Path) -> None:
    for name, raw, _, _ in BROKEN_TOPICS:
        (content_copy / "topics" / f"{name}.yaml").write_bytes(raw)
    printed = check(content_copy)
    for name, line, said in [(name, line, said) for name, _, line, said in BROKEN_TOPICS] + MORE_WRONG_TYPES:
        expected = f"content/topics/{name}.yaml:{line}: {said}"
        assert any(out.startswith(expected) for out in printed), (expected, printed)


def test_broken_menus_prompts_and_sources_are_named_too(content_copy: Path) -> None:
    (content_copy / "prompts.yaml").write_text("- en\n- es\n", encoding="utf-8")
    menus = "menus:\n  - id: main\n    options: !!set {a}\n"
    (content_copy / "menus.yaml").write_text(menus, encoding="utf-8")
    sources = content_copy / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + "  - <<: {id: x}\n", encoding="utf-8")
    last = len(sources.read_text(encoding="utf-8").splitlines())
    printed = check(content_copy)
    assert "content/prompts.yaml:1: (file): must be a mapping of fields" in printed
    tagged = "content/menus.yaml:3: menus[0].options: has the YAML tag '!!set'"
    assert any(out.startswith(tagged) for out in printed)
    merge = re.compile(rf"content/sources\.yaml:{last}: sources\[\d+\]: has a YAML merge key \(<<\)")
    assert any(merge.match(out) for out in printed), printed


YAML_PIECES = st.sampled_from([
    "id: x", "\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "!tag ",
    "!!python/name:os ",
    "? ", "2026-02-30", "2026-11-24", "'", '"', "#", "|", ">", "---", "...", "\t", "\x00", "é",
    "%YAML 1.1",
    "1e999", "0x1F", "~", "yes", "en:", "sms:", "keywords:", "\ufeff", "&b [*b]", "!!binary Zm9v",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_PIECES, max_size=30).map("".join))
def test_any_text_at_all_is_read_or_refused_with_a_line_never_raised(text: str) -> None:
    path = Path(f"/tmp/mbc-yamlfile-{id(text)}.yaml")
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        doc, problems = read_yaml(path, "content/topics/x.yaml")
    finally:
        path.unlink(missing_ok=True)
    assert doc is not None or problems
    assert all(p.line >= 1 and p.file == "content/topics/x.yaml" for p in problems)


def test_a_good_file_reads_as_plain_data_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("\ufeffid: t\nreviewed: 2026-11-24\nen:\n  keywords: [liver, livr]\n", encoding="utf-8")
    doc, problems = read_yaml(path, "t.yaml")
    assert problems == [] and doc is not None
    assert doc.data == yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    assert doc.line("en", "keywords", 1) == 4


@pytest.mark.parametrize("raw", [b"id: t\nreviewed: 2026-02-29\n", b"id: t\nreviewed: 2026-13-01\n"])
def test_a_day_not_on_the_calendar_is_one_problem_on_its_line(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(raw)
    _, problems = read_yaml(path, "t.yaml")
    assert [(p.line, p.field) for p in problems] == [(2, "reviewed")]
