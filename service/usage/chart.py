"""The usage chart: which topics people asked for over time, and where callers get stuck or leave.

Drawn for a charity's staff: plain titles and labels, content titles instead of ids, at most
TOP_TOPICS named topics (the rest grouped), and weeks instead of days for long ranges.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from service.usage.events import Event  # noqa: E402
from service.usage.report import Names, UsageReport, error_words  # noqa: E402

TOP_TOPICS = 7
WEEKLY_AFTER_DAYS = 62
TROUBLE_BARS = (
    (Event.WRONG_KEY, "pressed a wrong key", "#e69f00"),
    (Event.SILENCE, "said nothing", "#56b4e9"),
    (Event.NOT_MATCHED, "words not understood", "#cc79a7"),
    (Event.HANG_UP, "hung up here", "#d55e00"),
)
# Colour-blind-safe colours (Okabe and Ito), then grey for "all other topics".
TOPIC_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442")
OTHER_COLOUR = "#bbbbbb"
DELIVERED_COLOUR, FAILED_COLOUR = "#009e73", "#d55e00"
LABEL_WIDTH = 30  # characters a line of a bar's label: long reasons wrap rather than squeeze the chart
SUPPORTED = (".png", ".svg")


def write_chart(report: UsageReport, path: Path, title: str = "The information line") -> None:
    """Write the two-part chart as PNG or SVG (by the file's ending)."""
    if path.suffix.lower() not in SUPPORTED:
        raise ValueError(f"the chart must end in .png or .svg, not {path.name!r}")
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "usage"}):  # SVG text stays text
        _draw(report, path, title)


def _draw(report: UsageReport, path: Path, title: str) -> None:
    names = Names(report.content)
    trouble = report.trouble()
    texts = report.total(Event.SENT) or report.failures()
    ratios = [1.1, max(1.0, len(trouble) / 7)] + ([0.5] if texts else [])
    fig, axes = plt.subplots(
        len(ratios), 1, figsize=(11, 9.5 + 2.5 * bool(texts)), gridspec_kw={"height_ratios": ratios},
        layout="constrained",
    )
    try:
        fig.suptitle(f"{title}: how people used it, {_span(report)}", fontsize=15, fontweight="bold")
        _topics_over_time(axes[0], report, names)
        _trouble(axes[1], report, names)
        if texts:
            _deliveries(axes[2], report)
        fig.supxlabel(f"Not shown above: {report.ended_after_topic()} calls that ended during or after a "
                      "topic, usually because the caller heard what they needed.\n"
                      "Counts only: no phone numbers, call ids or message words are kept.",
                      fontsize=9, color="#444444")
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=110, metadata={"Date": None} if path.suffix.lower() == ".svg" else None)
    finally:
        plt.close(fig)


def _span(report: UsageReport) -> str:
    return f"{report.since:%d %b %Y} to {report.until:%d %b %Y}"


def _topics_over_time(ax: Axes, report: UsageReport, names: Names) -> None:
    """Stacked bars per day (or week): the most asked-for topics, the rest as one grey band."""
    weekly = len(report.days) > WEEKLY_AFTER_DAYS
    periods = _periods(report, weekly)
    by_topic = report.topic_days()
    ranked = [line.node for line in report.topics()]
    named, others = ranked[:TOP_TOPICS], ranked[TOP_TOPICS:]
    series = [(names(node), _per_period(by_topic[node], periods, weekly), colour)
              for node, colour in zip(named, TOPIC_COLOURS, strict=False)]
    if others:
        columns = zip(*(_per_period(by_topic[n], periods, weekly) for n in others), strict=True)
        rest = [sum(column) for column in columns]
        series.append((f"all {len(others)} other topics", rest, OTHER_COLOUR))
    width = 6.0 if weekly else 0.8
    bottom = [0] * len(periods)
    at = mdates.date2num(periods)  # Matplotlib's day numbers: the date axis below reads them
    for label, values, colour in series:
        ax.bar(at, values, width=width, bottom=bottom, label=label, color=colour, edgecolor="white",
               linewidth=0.5)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    pad = dt.timedelta(days=7 if weekly else 1)
    # the asked-for range, even with no counts
    ax.set_xlim(mdates.date2num(periods[0] - pad), mdates.date2num(periods[-1] + pad))
    if weekly:
        _mark_part_weeks(ax, report, periods, bottom)
    unit = "week" if weekly else "day"
    ax.set_title(f"Topics people asked for, {unit} by {unit} (calls and texts together)", loc="left",
                 fontsize=12)
    ax.set_ylabel(f"times heard or read per {unit}")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    ax.spines[["top", "right"]].set_visible(False)
    if series:
        ax.legend(title="Most asked for", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    else:
        ax.text(0.5, 0.5, "No topics were heard or read in this range.", transform=ax.transAxes,
                ha="center", va="center", fontsize=12, color="#555555")


def _mark_part_weeks(ax: Axes, report: UsageReport, weeks: list[dt.date], heights: list[int]) -> None:
    """Say above a first or last week that it is short, so a low bar is not read as a drop."""
    for week, height in zip(weeks, heights, strict=True):
        days = sum(1 for day in report.days if week <= day < week + dt.timedelta(days=7))
        if days < 7:
            where = (mdates.date2num(week), height)
            ax.annotate(f"{days} day{'s' * (days != 1)}\nonly", where, xytext=(0, 3),
                        textcoords="offset points", ha="center", va="bottom", fontsize=8, color="#555555")


def _periods(report: UsageReport, weekly: bool) -> list[dt.date]:
    if not weekly:
        return report.days
    return sorted({day - dt.timedelta(days=day.weekday()) for day in report.days})


def _per_period(counts: dict[dt.date, int], periods: list[dt.date], weekly: bool) -> list[int]:
    if not weekly:
        return [counts.get(day, 0) for day in periods]
    totals = dict.fromkeys(periods, 0)
    for day, number in counts.items():
        totals[day - dt.timedelta(days=day.weekday())] += number
    return [totals[p] for p in periods]


def _trouble(ax: Axes, report: UsageReport, names: Names) -> None:
    """Side-by-side bars per place on the phone line: wrong keys, silences, not understood, hang-ups."""
    lines = list(reversed(report.trouble()))  # the main menu at the top
    ax.set_title("Where callers get stuck or leave, menu by menu", loc="left", fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    if not lines:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No calls in this range.", transform=ax.transAxes, ha="center", fontsize=12)
        return
    height = 0.8 / len(TROUBLE_BARS)
    for n, (event, label, colour) in enumerate(TROUBLE_BARS):
        offsets = [i + (len(TROUBLE_BARS) / 2 - n - 0.5) * height for i in range(len(lines))]
        values = [line[event] for line in lines]
        bars = ax.barh(offsets, values, height=height, label=label, color=colour)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], padding=2, fontsize=7)
    ax.set_yticks(range(len(lines)), [_place(names, line.node, line[Event.MENU]) for line in lines])
    ax.set_xlabel("number of times")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, reverse=True)


def _deliveries(ax: Axes, report: UsageReport) -> None:
    """Texts the line sent from calls: how many arrived, and why the others did not (Twilio's codes)."""
    failures = report.failures()
    labels = ["delivered", *(textwrap.fill(f"not delivered: {error_words(code)}", LABEL_WIDTH)
                             for code, _ in failures)]
    values = [report.total(Event.DELIVERED), *(number for _, number in failures)]
    colours = [DELIVERED_COLOUR] + [FAILED_COLOUR] * len(failures)
    bars = ax.barh(range(len(labels)), values, color=colours)
    ax.bar_label(bars, labels=[str(v) for v in values], padding=2, fontsize=8)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_title(f"Texts the line sent from calls ({report.total(Event.SENT)} sent): did they arrive?",
                 loc="left", fontsize=12)
    ax.set_xlabel("number of texts")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def _place(names: Names, node: str, reached: int) -> str:
    return f"{names(node)}\nreached {reached} times" if reached else names(node)
