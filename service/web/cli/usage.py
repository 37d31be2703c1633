"""`flask usage report`: counts for a range of days as a table, CSV and a chart.

A plugin command: it reads the store and the content directly, so it works on the server
without starting the line (no Twilio token needed).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from service.checker import load_checked
from service.config import Settings
from service.content import ContentError
from service.errors import ConfigError, StoreError
from service.store import open_store
from service.usage.report import load_report, table_lines, write_csv
from service.web.instance import instance_folder

DEFAULT_DAYS = 30


@click.group("usage")
def usage_group() -> None:
    """Anonymous counts of how the line is used."""


@usage_group.command("report")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help=f"The last N days, today included (default {DEFAULT_DAYS}).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First day, YYYY-MM-DD.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Last day, YYYY-MM-DD (default today, UTC).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Also write every count as CSV to this file ('-' for the screen).")
@click.option("--chart", "chart_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also draw a chart to this .png or .svg file.")
@click.option("--title", default="The information line", show_default=True,
              help="The line's name, at the top of the chart.")
def report_command(
    days: int | None, since: dt.datetime | None, until: dt.datetime | None,
    csv_path: str | None, chart_path: Path | None, title: str,
) -> None:
    """Which topics people asked for and where callers got stuck, for a range of days."""
    first, last = date_range(days, since, until, dt.datetime.now(dt.UTC).date())
    try:
        settings = Settings.from_env()
        content = load_checked(settings.content_dir)
        store = open_store(settings.state_url, instance_folder())
        report = load_report(store, content, first, last)
    except (ConfigError, ContentError, StoreError) as error:
        raise click.ClickException(str(error)) from None
    for line in table_lines(report):
        click.echo(line)
    if csv_path == "-":
        write_csv(report, sys.stdout)
    elif csv_path:
        with open(csv_path, "w", encoding="utf-8", newline="") as out:
            rows = write_csv(report, out)
        click.echo(f"\nWrote {rows} rows to {csv_path}.")
    if chart_path:
        try:
            from service.usage.chart import write_chart  # matplotlib loads only when a chart is asked for
        except ImportError:
            raise click.ClickException(
                "--chart needs the reports extra (matplotlib), which the serving install leaves out: "
                "run `scripts/setup` for the full install, then try again."
            ) from None
        try:
            write_chart(report, chart_path, title)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--chart") from None
        click.echo(f"Wrote the chart to {chart_path}.")


def date_range(
    days: int | None, since: dt.datetime | None, until: dt.datetime | None, today: dt.date
) -> tuple[dt.date, dt.date]:
    """First and last day from --days or --since/--until; a reversed or mixed range is refused."""
    last = until.date() if until else today
    if days is not None and since is not None:
        raise click.UsageError("give --days or --since, not both")
    first = since.date() if since else last - dt.timedelta(days=(days or DEFAULT_DAYS) - 1)
    if first > last:
        raise click.UsageError(f"--since {first} is after --until {last}")
    return first, last
