"""The content checker: every problem in `content/`, as `path:line: field: what is wrong`."""

from __future__ import annotations

from pathlib import Path

import click

from service.config import Settings
from service.content.loader import read_content
from service.content.yamlfile import Problem


def check_content(root: Path) -> list[Problem]:
    """Every problem in a content folder, errors and warnings, in file order."""
    _, problems = read_content(root)
    return sorted(problems, key=lambda p: (p.file, p.line))


@click.group("content")
def content_group() -> None:
    """Work with the content files."""


@content_group.command("check")
@click.option("--dir", "folder", type=click.Path(path_type=Path), default=None,
              help="The content folder (default: CONTENT_DIR or ./content).")
def check_command(folder: Path | None) -> None:
    """Check the content; exit 1 if anything is wrong."""
    root = folder or Settings.from_env().content_dir
    problems = check_content(root)
    for problem in problems:
        click.echo(str(problem), err=problem.severity == "error")
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    click.echo(f"{root}: {errors} error(s), {warnings} warning(s)")
    if errors:
        raise SystemExit(1)
