"""The usage report: totals for a range of days, as a table for people and as CSV for spreadsheets."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from service.content.model import MAIN_MENU, Content
from service.store.base import UsageRow
from service.usage.events import SMS, UNKNOWN, VOICE, WHATSAPP, Event

EVENT_WORDS = {
    Event.CALL: "calls",
    Event.CALL_SECONDS: "seconds on calls",
    Event.TEXT: "texts answered",
    Event.TOPIC: "topic heard or read",
    Event.MORE: "more of a topic read (MORE)",
    Event.MENU: "menu reached",
    Event.HELP: "HELP texted",
    Event.WRONG_KEY: "wrong key pressed",
    Event.NOT_MATCHED: "words not understood",
    Event.SILENCE: "silence (no answer)",
    Event.TIMED_OUT: "call ended after 3 silences",
    Event.HANG_UP: "caller hung up",
    Event.OPT_OUT: "stopped texts (STOP)",
    Event.OPT_IN: "started texts again",
    Event.URGENT: "urgent answer given",
    Event.PERSON: "put through to the helpline",
    Event.TEXT_ME: "topic texted from a call",
    Event.SENT: "text sent by the line",
    Event.DELIVERED: "text delivered",
    Event.FAILED: "text not delivered",
}
CHANNEL_WORDS = {VOICE: "phone", SMS: "text", WHATSAPP: "WhatsApp"}
# Twilio's error codes for a text that did not arrive, in plain words.
ERROR_WORDS = {
    "21610": "the phone had opted out (STOP)",
    "30003": "phone switched off or out of reach",
    "30005": "unknown or inactive number",
    "30006": "a landline, or a carrier that cannot take texts",
    "30007": "blocked by the carrier as unwanted",
    "": "no reason given",
}
CSV_COLUMNS = ("day", "event", "description", "channel", "language", "topic", "menu", "title", "count")
TROUBLE_EVENTS = (
    Event.MENU, Event.WRONG_KEY, Event.SILENCE, Event.NOT_MATCHED, Event.HANG_UP, Event.TIMED_OUT,
)


@dataclass(frozen=True)
class Names:
    """Plain names for content ids: titles, with the menu a topic sits in when two titles clash."""

    content: Content

    def __call__(self, node: str) -> str:
        """A node's title; an id the content no longer has is shown as it is."""
        if not node or node == UNKNOWN:
            return "(not known)"
        if node not in self.content.topics and node not in self.content.menus:
            return node
        title = self.content.title(node)
        clashes = [n for n in (*self.content.topics, *self.content.menus) if self.content.title(n) == title]
        return f"{title} ({self.parent(node)})" if len(clashes) > 1 else title

    def parent(self, node: str) -> str:
        """The title of the menu that leads to a node ("" for the main menu or an unknown id)."""
        parent = self.content.menu_of(node)
        return self.content.title(parent) if parent else ""


@dataclass(frozen=True)
class TopicLine:
    """One topic's totals over the range."""

    node: str
    calls: int
    texts: int

    @property
    def total(self) -> int:
        return self.calls + self.texts


@dataclass(frozen=True)
class TroubleLine:
    """What happened in one menu (or topic) over the range: where callers get stuck or leave."""

    node: str
    counts: dict[Event, int]

    def __getitem__(self, event: Event) -> int:
        return self.counts.get(event, 0)


@dataclass(frozen=True)
class UsageReport:
    """Counts from the store for a range of days, with the content that names them."""

    since: dt.date
    until: dt.date
    rows: tuple[UsageRow, ...]
    content: Content

    @property
    def days(self) -> list[dt.date]:
        """Every day of the range, in order."""
        return [self.since + dt.timedelta(days=n) for n in range((self.until - self.since).days + 1)]

    def total(self, event: Event, channel: str | None = None) -> int:
        """The sum of one event over the range, on one channel or all."""
        return sum(r.count for r in self.rows
                   if r.event == event and (channel is None or r.channel == channel))

    def topics(self) -> list[TopicLine]:
        """Every topic heard or read, most asked for first (ties by title)."""
        calls: Counter[str] = Counter()
        texts: Counter[str] = Counter()
        for row in self.rows:
            if row.event == Event.TOPIC:
                (calls if row.channel == VOICE else texts)[row.node] += row.count
        names = Names(self.content)
        lines = [TopicLine(node, calls[node], texts[node]) for node in {*calls, *texts}]
        return sorted(lines, key=lambda line: (-line.total, names(line.node)))

    def trouble(self) -> list[TroubleLine]:
        """Per phone menu: reached, wrong keys, silences, not understood, hang-ups, timed out."""
        by_node: dict[str, Counter[Event]] = defaultdict(Counter)
        for row in self.rows:
            if row.channel == VOICE and row.event in TROUBLE_EVENTS and row.node not in self.content.topics:
                by_node[row.node][Event(row.event)] += row.count
        lines = [TroubleLine(node, dict(counts)) for node, counts in by_node.items()]
        return sorted(lines, key=lambda line: (line.node != MAIN_MENU, -line[Event.HANG_UP], line.node))

    def ended_after_topic(self) -> int:
        """Calls that ended while a topic was playing or just after: usually a caller who got an answer."""
        return sum(r.count for r in self.rows if r.event in (Event.HANG_UP, Event.TIMED_OUT)
                   and r.channel == VOICE and r.node in self.content.topics)

    def failures(self) -> list[tuple[str, int]]:
        """Texts the line sent that did not arrive, per Twilio error code, most first."""
        codes: Counter[str] = Counter()
        for row in self.rows:
            if row.event == Event.FAILED:
                codes[row.node] += row.count
        return sorted(codes.items(), key=lambda found: (-found[1], found[0]))

    def topic_days(self) -> dict[str, dict[dt.date, int]]:
        """Per topic, per day: how often it was heard or read (both channels)."""
        found: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
        for row in self.rows:
            if row.event == Event.TOPIC:
                found[row.node][dt.date.fromisoformat(row.day)] += row.count
        return found


def load_report(store: object, content: Content, since: dt.date, until: dt.date) -> UsageReport:
    """Read the range from a store (any backend with `counts`)."""
    rows = store.counts(since.isoformat(), until.isoformat())  # type: ignore[attr-defined]
    return UsageReport(since, until, tuple(rows), content)


def write_csv(report: UsageReport, out: TextIO) -> int:
    """Every count as one row (long format, for spreadsheets); returns the number of rows."""
    names = Names(report.content)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.rows:
        node = "" if row.node == UNKNOWN else row.node
        is_menu = node in report.content.menus
        writer.writerow((
            row.day, row.event, EVENT_WORDS.get(row.event, row.event),  # type: ignore[call-overload]
            CHANNEL_WORDS.get(row.channel, row.channel), row.lang,
            "" if is_menu else node, node if is_menu else "", names(node) if node else "", row.count,
        ))
    return len(report.rows)


def table_lines(report: UsageReport) -> Iterable[str]:
    """The report as plain text for a terminal or an email."""
    names = Names(report.content)
    days = len(report.days)
    yield f"Usage of the line from {report.since} to {report.until} ({days} day{'s' * (days != 1)}, UTC)"
    yield ""
    yield from _summary(report)
    yield ""
    topics = report.topics()
    yield "Topics people asked for (heard on a call or read in a text):"
    if not topics:
        yield "  none in this range"
    width = max((len(names(t.node)) for t in topics), default=10) + 2
    if topics:
        yield f"  {'topic':{width}}{'calls':>7}{'texts':>7}{'total':>7}   found under"
    for t in topics:
        yield f"  {names(t.node):{width}}{t.calls:7}{t.texts:7}{t.total:7}   {names.parent(t.node)}"
    yield ""
    yield from _trouble(report, names)
    yield ""
    yield from _deliveries(report)


def error_words(code: str) -> str:
    """A Twilio error code with what it means, e.g. "30006 (a landline, ...)"."""
    meaning = ERROR_WORDS.get("" if code == UNKNOWN else code)
    return f"{code} ({meaning})" if code and meaning else (meaning or code)


def _deliveries(report: UsageReport) -> Iterable[str]:
    sent = report.total(Event.SENT)
    yield (f"Texts the line sent (text me this): {sent} sent, {report.total(Event.DELIVERED)} delivered, "
           f"{report.total(Event.FAILED)} not delivered")
    for code, number in report.failures():
        yield f"  {number:5}  {error_words(code)}"
    if sent:
        yield "  (delivered and not delivered are counted from Twilio's status callback, /sms/status)"


def _summary(report: UsageReport) -> Iterable[str]:
    calls = report.total(Event.CALL)
    seconds = report.total(Event.CALL_SECONDS)
    average = f", {seconds / calls / 60:.1f} minutes on average" if calls and seconds else ""
    yield f"  Calls:               {calls}{average}"
    yield f"  Texts answered:      {report.total(Event.TEXT)}"
    yield (f"  Stopped texts:       {report.total(Event.OPT_OUT)} "
           f"(started again: {report.total(Event.OPT_IN)})")
    yield f"  Urgent answers:      {report.total(Event.URGENT)}"
    yield f"  HELP texted:         {report.total(Event.HELP)}"
    yield (f"  Not understood:      {report.total(Event.NOT_MATCHED, SMS)} texts, "
           f"{report.total(Event.NOT_MATCHED, VOICE)} things said on calls")


def _trouble(report: UsageReport, names: Names) -> Iterable[str]:
    lines = report.trouble()
    yield "Where callers get stuck or leave (phone menus):"
    if not lines:
        yield "  no calls in this range"
        return
    heads = ("reached", "wrong key", "silence", "not understood", "hung up", "timed out")
    width = max(len(names(line.node)) for line in lines) + 2
    yield "  " + f"{'place':{width}}" + "".join(f"{h:>15}" for h in heads)
    for line in lines:
        yield "  " + f"{names(line.node):{width}}" + "".join(f"{line[e]:15}" for e in TROUBLE_EVENTS)
    yield f"  Calls that ended during or after a topic (usually an answer found): " \
          f"{report.ended_after_topic()}"
    yield "  ('hung up' is counted only when Twilio's call-status callback is set: see flask doctor.)"
