"""`flask content check`: every problem in `content/`, as `path:line: field: what is wrong`."""

from __future__ import annotations

from pathlib import Path

import click

from service.checker import check_content
from service.checker.quality import Report
from service.config import Settings
from service.errors import ConfigError


def summary(folder: str, report: Report) -> str:
    """One closing line a person can read at a glance: what must be fixed and how hard the texts read."""
    mean = "no texts" if report.mean_grade is None else f"mean grade {report.mean_grade:.1f}"
    return f"{folder}: {report.errors} error(s), {report.warnings} warning(s), {mean}"


@click.group("content")
def content_group() -> None:
    """Work with the content files."""


@content_group.command("check")
@click.option("--dir", "folder", type=click.Path(path_type=Path), default=None,
              help="The content folder (default: CONTENT_DIR or ./content).")
@click.option("--max-age-days", type=click.IntRange(min=1), default=None,
              help="Days a topic's reviewed date stays good (default: CONTENT_MAX_AGE_DAYS or 365).")
def check_command(folder: Path | None, max_age_days: int | None) -> None:
    """Check the content; exit 1 if anything is wrong."""
    try:
        settings = Settings.from_env()
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    root = folder or settings.content_dir
    report = check_content(root, max_age_days or settings.content_max_age_days)
    for problem in report.problems:
        click.echo(str(problem))
    click.echo(summary(str(root), report))
    if report.errors:
        raise SystemExit(1)


@content_group.command("map")
@click.option("--dir", "folder", type=click.Path(path_type=Path), default=None,
              help="The content folder (default: CONTENT_DIR or ./content).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("docs/menu-map.svg"),
              show_default=True, help="The SVG file to write.")
def map_command(folder: Path | None, out: Path) -> None:
    """Draw the phone menus and each topic's keywords as SVG (the README shows docs/menu-map.svg)."""
    from service.checker import load_checked
    from service.checker.menumap import draw
    from service.content import ContentError

    try:
        content = load_checked(folder or Settings.from_env().content_dir)
    except (ConfigError, ContentError) as error:
        raise click.ClickException(str(error)) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(draw(content), encoding="utf-8")
    click.echo(f"Wrote the menu map to {out}.")
