"""`flask usage report`: the right range, a readable table, CSV for spreadsheets, and a chart."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import time_machine
from click.testing import CliRunner, Result

from service.content import Content
from service.store.sqlite import SqliteStore
from service.usage.report import UsageReport, load_report, table_lines
from service.web.cli.usage import date_range, usage_group

TODAY = dt.datetime.now(dt.UTC).date()


@pytest.fixture(autouse=True)
def on_today() -> Iterator[None]:
    """Noon (UTC) of the day the counts were written for: a run that crosses midnight still reports it."""
    with time_machine.travel(dt.datetime.combine(TODAY, dt.time(12), dt.UTC), tick=True):
        yield


def day(offset: int) -> str:
    return (TODAY - dt.timedelta(days=offset)).isoformat()


@pytest.fixture
def state_db(tmp_path: Path) -> Path:
    """A store with a week of counts: bones most asked for, callers lost in 'Other places'."""
    path = tmp_path / "state.db"
    store = SqliteStore(path)
    for offset in range(7):
        store.add_counts(day(offset), {
            ("call", "voice", "en", ""): 10,
            ("call_seconds", "voice", "en", ""): 1800,
            ("text", "sms", "en", ""): 20,
            ("topic", "voice", "en", "spread-bones"): 4,
            ("topic", "sms", "en", "spread-bones"): 6,
            ("topic", "sms", "en", "treat-chemo"): 3,
            ("menu", "voice", "en", "main"): 10,
            ("menu", "voice", "en", "spread-other"): 5,
            ("hang_up", "voice", "en", "spread-other"): 3,
            ("wrong_key", "voice", "en", "main"): 2,
            ("hang_up", "voice", "en", "spread-bones"): 2,
            ("opt_out", "sms", "", ""): 1,
        })
    store.add_counts(day(40), {("topic", "sms", "en", "spread-liver"): 99})  # outside the last 30 days
    return path


def run(state_db: Path, *args: str) -> Result:
    return CliRunner().invoke(usage_group, ["report", *args], env={"STATE_URL": f"sqlite:///{state_db}"},
                              catch_exceptions=False)


def test_the_table_names_topics_by_title_most_asked_first(state_db: Path) -> None:
    result = run(state_db, "--days", "30")
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"from {day(29)} to {day(0)} (30 days" in out
    assert "Calls:               70, 3.0 minutes on average" in out
    assert "Stopped texts:       7" in out
    bones = next(line for line in out.splitlines() if line.strip().startswith("Bones"))
    assert bones.split()[1:5] == ["28", "42", "70", "Where"]
    assert out.index("Bones") < out.index("Chemotherapy")
    assert "Liver" not in out  # 40 days ago
    lost = next(line for line in out.splitlines() if line.strip().startswith("Other places"))
    assert lost.split()[2:] == ["35", "0", "0", "0", "21", "0"]
    assert "ended during or after a topic (usually an answer found): 14" in out


def test_csv_has_a_row_per_count_with_topic_channel_and_count(state_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "usage.csv"
    assert run(state_db, "--days", "7", "--csv", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert {"day", "topic", "channel", "count", "menu", "title"} <= set(rows[0])
    bones_by_text = [r for r in rows if r["topic"] == "spread-bones" and r["channel"] == "text"]
    assert len(bones_by_text) == 7 and {r["count"] for r in bones_by_text} == {"6"}
    assert {r["title"] for r in bones_by_text} == {"Bones"}
    assert any(r["menu"] == "spread-other" and r["event"] == "hang_up" for r in rows)


def test_since_and_until_choose_the_days(state_db: Path) -> None:
    result = run(state_db, "--since", day(40), "--until", day(40))
    assert "Liver" in result.output and "Bones" not in result.output


@pytest.mark.parametrize(("args", "message"), [
    (("--days", "3", "--since", "2026-01-01"), "not both"),
    (("--since", "2026-02-01", "--until", "2026-01-01"), "is after"),
])
def test_a_contradictory_range_is_refused(state_db: Path, args: tuple[str, ...], message: str) -> None:
    result = CliRunner().invoke(usage_group, ["report", *args], env={"STATE_URL": f"sqlite:///{state_db}"})
    assert result.exit_code == 2 and message in result.output


def test_date_range_defaults_to_the_last_30_days_including_today() -> None:
    first, last = date_range(None, None, None, dt.date(2026, 3, 1))
    assert (first, last) == (dt.date(2026, 1, 31), dt.date(2026, 3, 1))
    with pytest.raises(click.UsageError):
        date_range(2, dt.datetime(2026, 1, 1), None, dt.date(2026, 3, 1))


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_the_chart_is_written(state_db: Path, tmp_path: Path, suffix: str) -> None:
    chart = tmp_path / f"usage{suffix}"
    result = run(state_db, "--days", "7", "--chart", str(chart), "--title", "Spread Info Line")
    assert result.exit_code == 0, result.output
    data = chart.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG") and len(data) > 20_000
    else:
        text = data.decode()
        for words in ("Spread Info Line: how people used it", "Topics people asked for, day by day",
                      "Where callers get stuck or leave", "Bones", "Other places", "hung up here",
                      "no phone numbers"):
            assert words in text, words


def test_a_long_range_is_charted_week_by_week_and_short_weeks_say_so(
    state_db: Path, tmp_path: Path, content: Content
) -> None:
    from service.usage.chart import write_chart

    store = SqliteStore(state_db)
    store.add_counts("2026-02-02", {("topic", "sms", "en", "spread-bones"): 5})
    report = load_report(store, content, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    write_chart(report, tmp_path / "long.svg")
    drawn = (tmp_path / "long.svg").read_text()
    assert "week by week" in drawn
    assert "4 days" in drawn and "2 days" in drawn  # Thursday 1 January to Sunday; Monday 30 March on


def test_an_empty_range_says_so_in_the_table_and_the_chart(tmp_path: Path, content: Content) -> None:
    from service.usage.chart import write_chart

    report = UsageReport(dt.date(2026, 1, 1), dt.date(2026, 1, 7), (), content)
    text = "\n".join(table_lines(report))
    assert "none in this range" in text and "no calls in this range" in text
    write_chart(report, tmp_path / "empty.svg")
    assert "No calls in this range." in (tmp_path / "empty.svg").read_text()


def test_texts_the_line_sent_are_charted_delivered_or_not_by_error_code(
    state_db: Path, tmp_path: Path, content: Content
) -> None:
    from service.usage.chart import write_chart

    store = SqliteStore(state_db)
    store.add_counts(day(1), {("sent", "sms", "", ""): 9, ("delivered", "sms", "", ""): 6,
                              ("failed", "sms", "", "30006"): 2, ("failed", "sms", "", "21610"): 1})
    report = load_report(store, content, TODAY - dt.timedelta(days=6), TODAY)
    assert report.failures() == [("30006", 2), ("21610", 1)]
    write_chart(report, tmp_path / "texts.svg")
    drawn = (tmp_path / "texts.svg").read_text()
    assert "(9 sent): did they arrive?" in drawn and "30006" in drawn and "opted out (STOP)" in drawn
    write_chart(load_report(SqliteStore(tmp_path / "none.db"), content, TODAY, TODAY), tmp_path / "no.svg")
    assert "did they arrive?" not in (tmp_path / "no.svg").read_text()  # no texts sent: no panel


def test_a_chart_must_be_png_or_svg(state_db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(usage_group, ["report", "--chart", str(tmp_path / "x.jpg")],
                                env={"STATE_URL": f"sqlite:///{state_db}"})
    assert result.exit_code == 2 and ".png or .svg" in result.output
