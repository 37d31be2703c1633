"""The menu map is drawn from the content, and the committed picture is never out of date."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from service.checker.cli import content_group
from service.checker.menumap import draw
from service.config import PROJECT_ROOT
from service.content import Content

COMMITTED = PROJECT_ROOT / "docs" / "menu-map.svg"
SVG = "{http://www.w3.org/2000/svg}"


def test_the_committed_menu_map_matches_the_content(content: Content) -> None:
    assert COMMITTED.read_text(encoding="utf-8") == draw(content), (
        "docs/menu-map.svg is out of date with content/: run `make menu-map` "
        "(.venv/bin/flask content map --out docs/menu-map.svg) and commit the picture"
    )


def test_the_map_shows_every_node_its_key_its_spoken_label_and_keywords(content: Content) -> None:
    root = ET.fromstring(draw(content))
    words = [" ".join(el.itertext()) for el in root.iter(f"{SVG}text")]
    joined = " ".join(words)  # a wrapped label's lines follow each other
    for menu in content.menus.values():
        for option in menu.options:
            said = content.prompt("option", label=content.label(option.target), key=option.key)
            assert f"\u201c{said}\u201d" in joined, said
            assert any(w.startswith(content.title(option.target)) for w in words)
    for topic in content.topics:
        assert content.topic_text(topic).keywords[0] in joined
    for depth in ("1 key press", "2 key presses", "3 key presses"):
        assert f"{depth} from the start" in words


def test_the_map_is_the_same_every_time(content: Content) -> None:
    assert draw(content) == draw(content)


def test_flask_content_map_writes_the_file(tmp_path: Path, content: Content) -> None:
    out = tmp_path / "map.svg"
    result = CliRunner().invoke(content_group, ["map", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == draw(content)


def test_a_broken_content_folder_is_reported_not_drawn(content_copy: Path, tmp_path: Path) -> None:
    (content_copy / "menus.yaml").write_text("menus: [", encoding="utf-8")
    out = tmp_path / "m.svg"
    result = CliRunner().invoke(content_group, ["map", "--dir", str(content_copy), "--out", str(out)])
    assert result.exit_code == 1 and "menus.yaml" in result.output
    assert not out.exists()
