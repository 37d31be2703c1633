"""The content checker: break a copy of the real content one way at a time, and read what it says."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from service.checker import load_checked
from service.checker.cli import check_content, content_group
from service.config import PROJECT_ROOT
from service.core import wording
from service.core.gsm import segments
from tests.conftest import REVIEW_DAY

TODAY = REVIEW_DAY  # every test here runs on that day (see on_review_day), whatever the real date
pytestmark = pytest.mark.usefixtures("on_review_day")
SIMPLE = "Tell your care team about new symptoms. In an emergency, call 911."
SIMPLE_ES = "Si puede ser una emergencia, llame al 911 ahora. Si no, llame hoy a su equipo médico."
HARD_BUT_UNDER_8 = (
    "Hormone therapy lowers estrogen levels in the body, which can slow cancer cells that need "
    "hormones to grow. In an emergency, call 911."
)
LONG_WINDED = (
    "Notwithstanding the aforementioned considerations, individualized multidisciplinary therapeutic "
    "interventions necessitate comprehensive evaluation of heterogeneous pathophysiological characteristics."
)
DEEPER_MENU = """\
  - id: deeper
    en:
      title: Deeper
      label: a deeper menu
      keywords: [deeper menu]
    es:
      title: Más adentro
      label: un menú más adentro
      keywords: [menu mas adentro]
    options:
      - {key: 1, to: TARGET}
"""


class Breaker:
    """A copy of the real content to break in one way, and what the checker then newly says."""

    def __init__(self, root: Path, before: frozenset[str]) -> None:
        self.root = root
        self.before = before

    def report(self, max_age_days: int = 365) -> list[str]:
        """Every line the checker prints for the copy, in order."""
        problems = check_content(self.root, max_age_days, TODAY).problems
        return [str(p) for p in problems if p.severity != "note"]  # notes only inform

    def new_problems(self, max_age_days: int = 365) -> list[str]:
        """What the checker says now that it did not say about the unbroken copy."""
        return [line for line in self.report(max_age_days) if line not in self.before]

    def new_errors(self) -> list[str]:
        """The new problems that stop the content, leaving out warnings."""
        return [line for line in self.new_problems() if ": warning: " not in line]

    def text(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        """Change one unique piece of a file (a test fails loudly if the content moved on)."""
        text = self.text(name)
        assert text.count(old) == 1, f"{old!r} is not once in {name}"
        (self.root / name).write_text(text.replace(old, new), encoding="utf-8")

    def line(self, name: str, snippet: str) -> int:
        """The line number of the first line holding a snippet (the English block comes first)."""
        found = [n for n, line in enumerate(self.text(name).splitlines(), 1) if snippet in line]
        assert found, f"{snippet!r} is not in {name}"
        return found[0]

    def write_topic(self, topic_id: str, **fields: Any) -> str:
        """Replace a topic with a small valid one (same sources), changed by the given fields."""
        name = f"topics/{topic_id}.yaml"
        found = re.search(r"^sources: (\[.*\])$", self.text(name), re.MULTILINE)
        fields.setdefault("sources", found.group(1) if found else "[article-mbc-overview]")
        (self.root / name).write_text(stub_topic(topic_id, **fields), encoding="utf-8")
        return name

    def add_source(self, entry: str) -> None:
        """Add an entry at the end of sources.yaml, so the lines of the others stay put."""
        text = self.text("sources.yaml")
        (self.root / "sources.yaml").write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")

    def topic_ids(self) -> list[str]:
        return sorted(path.stem for path in (self.root / "topics").glob("*.yaml"))


def stub_topic(
    topic_id: str,
    *,
    reviewed: dt.date | None = TODAY,
    sources: str = "[article-mbc-overview]",
    voice: str = SIMPLE,
    sms: tuple[str, ...] = (SIMPLE,),
    keywords: str | None = None,
) -> str:
    """A short topic file in the README's shape, with texts quoted as YAML strings."""
    lines = [f"id: {topic_id}"]
    if reviewed is not None:
        lines.append(f"reviewed: {reviewed}")
    lines += [
        f"sources: {sources}",
        "en:",
        "  title: Stub",
        "  label: stub",
        f"  keywords: {keywords or f'[{topic_id} stub]'}",
        f"  voice: {quoted(voice)}",
        "  sms:",
        *(f"    - {quoted(page)}" for page in sms),
        # The Spanish twin every topic needs, plain and easy, so only the English is under test.
        "es:",
        "  title: Prueba",
        "  label: prueba",
        f"  keywords: [{topic_id} prueba]",
        f"  voice: {quoted(SIMPLE_ES)}",
        "  sms:",
        f"    - {quoted(SIMPLE_ES)}",
    ]
    return "\n".join(lines) + "\n"


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@pytest.fixture(scope="session")
def clean_report() -> frozenset[str]:
    """What the checker says about the unbroken content, computed once for every breaking test."""
    return frozenset(str(p) for p in check_content(PROJECT_ROOT / "content", 365, TODAY).problems)


@pytest.fixture
def breaker(content_copy: Path, clean_report: frozenset[str]) -> Breaker:
    return Breaker(content_copy, clean_report)


# --- one break, one message ---------------------------------------------------------------


def test_bad_yaml_syntax_names_the_line(breaker: Breaker) -> None:
    breaker.replace("topics/spread-liver.yaml", "id: spread-liver", "id: spread-liver: oops")

    assert breaker.new_errors() == [
        "content/topics/spread-liver.yaml:1: (file): is not valid YAML: "
        "mapping values are not allowed here"
    ]


def test_a_prompts_file_that_is_not_yaml_is_named_first(breaker: Breaker) -> None:
    """Every other file's Spanish follows from prompts.yaml: its own line must lead, not be buried."""
    unquoted = "  sms_end: Reply MENU (for topics):"
    breaker.replace("prompts.yaml", '  sms_end: "(Reply MENU for topics)"', unquoted)
    line = breaker.line("prompts.yaml", unquoted)
    first = breaker.report()[0]
    assert first.startswith(f"content/prompts.yaml:{line}: (file): is not valid YAML: ")


def test_missing_field(breaker: Breaker) -> None:
    name = breaker.write_topic("spread-liver")
    breaker.replace(name, "  label: stub\n", "")

    line = breaker.line(name, "title: Stub")
    assert f"content/{name}:{line}: en.label: is missing or empty (text expected)" in breaker.new_problems()


def test_wrong_type(breaker: Breaker) -> None:
    name = breaker.write_topic("spread-liver", keywords="liver stub")

    line = breaker.line(name, "keywords:")
    assert f"content/{name}:{line}: en.keywords: must be a list of words or phrases" in breaker.new_problems()


def test_id_not_matching_file_name(breaker: Breaker) -> None:
    breaker.replace("topics/spread-liver.yaml", "id: spread-liver\n", "id: liver\n")

    assert (
        "content/topics/spread-liver.yaml:1: id: must be 'spread-liver', the file's name without .yaml"
        in breaker.new_problems()
    )


def test_unknown_source_id(breaker: Breaker) -> None:
    name = breaker.write_topic("spread-liver")
    breaker.replace(name, "sources: [", "sources: [study-nobody-2099, ")

    line = breaker.line(name, "sources:")
    assert breaker.new_problems() == [
        f"content/{name}:{line}: sources[0]: unknown source 'study-nobody-2099' (not in sources.yaml)"
    ]


def test_dangling_menu_target(breaker: Breaker) -> None:
    breaker.replace("menus.yaml", "{key: 4, to: lower-risk}", "{key: 4, to: lower-risks}")

    line = breaker.line("menus.yaml", "to: lower-risks}")
    problems = breaker.new_problems()
    assert any(
        re.fullmatch(rf"content/menus\.yaml:{line}: menus\[\d+\]\.options\[3\]\.to: "
                     r"'lower-risks' is neither a topic file nor a menu", p)
        for p in problems
    ), problems


def test_a_place_treated_in_a_topic_that_is_not_there(breaker: Breaker) -> None:
    breaker.replace("sites.yaml", "spread-bones: treat-bone", "spread-bones: treat-bones")

    line = breaker.line("sites.yaml", "spread-bones: treat-bones")
    assert breaker.new_problems() == [
        f"content/sites.yaml:{line}: treated_in.spread-bones: 'treat-bones' is not another topic"
    ]


def test_duplicate_key_in_a_menu(breaker: Breaker) -> None:
    breaker.replace("menus.yaml", "{key: 4, to: lower-risk}", "{key: 3, to: lower-risk}")

    line = breaker.line("menus.yaml", "{key: 3, to: lower-risk}")
    problems = breaker.new_problems()
    assert len(problems) == 1
    assert re.fullmatch(
        rf"content/menus\.yaml:{line}: menus\[\d+\]\.options\[3\]\.key: key 3 is used twice in this menu",
        problems[0],
    )


def test_keyword_claimed_by_two_topics(breaker: Breaker) -> None:
    breaker.write_topic("spread-bones", keywords="[shared word]")
    name = breaker.write_topic("spread-liver", keywords="[shared word]")

    line = breaker.line(name, "keywords:")
    owner_line = breaker.line("topics/spread-bones.yaml", "keywords:")
    assert breaker.new_problems() == [
        f"content/{name}:{line}: en.keywords[0]: keyword 'shared word' is also claimed by 'spread-bones' "
        f"(content/topics/spread-bones.yaml:{owner_line})"
    ]


def test_main_menu_keeps_key_6_for_a_person(breaker: Breaker) -> None:
    breaker.replace("menus.yaml", "      - {key: 5, to: other-treatments}\n",
                    "      - {key: 5, to: other-treatments}\n      - {key: 6, to: choosing}\n")

    problems = breaker.new_problems()
    options_line = breaker.line("menus.yaml", "{key: 1, to: symptoms-urgent}")
    key_line = breaker.line("menus.yaml", "{key: 6, to: choosing}")
    assert problems == [
        f"content/menus.yaml:{options_line}: menus[0].options: has 6 choices; at most 5 fit the main menu",
        f"content/menus.yaml:{key_line}: menus[0].options[5].key: key 6 is not 1 to 5 in the main menu "
        "(key 6 of the main menu is for a person; 7, 8, 9, 0 and * are the same everywhere)",
    ]


def test_too_many_choices(breaker: Breaker) -> None:
    breaker.replace("menus.yaml", "      - {key: 5, to: spread-other}\n",
                    "      - {key: 5, to: spread-other}\n      - {key: 6, to: lower-risk}\n")

    problems = breaker.new_problems()
    options_line = breaker.line("menus.yaml", "{key: 1, to: spread-bones}")
    assert f"content/menus.yaml:{options_line}: menus[1].options: has 6 choices; at most 5 fit a phone menu" \
        in problems
    assert any("key 6 is not 1 to 5 in a phone menu" in problem for problem in problems)


def test_too_deep(breaker: Breaker) -> None:
    breaker.replace("menus.yaml", "{key: 4, to: lower-risk}", "{key: 4, to: deeper}")
    breaker.replace("menus.yaml", "menus:\n", "menus:\n" + DEEPER_MENU.replace("TARGET", "lower-risk"))

    line = breaker.line("menus.yaml", "{key: 1, to: lower-risk}")
    assert breaker.new_problems() == [
        f"content/menus.yaml:{line}: menus[0].options[0].to: 'lower-risk' is 4 key presses from the main "
        "menu (main > other-treatments > choosing > deeper > lower-risk), over 3"
    ]


def test_core_topic_too_deep(breaker: Breaker) -> None:
    breaker.replace("menus.yaml", "{key: 1, to: spread-bones}", "{key: 1, to: deeper}")
    breaker.replace("menus.yaml", "menus:\n", "menus:\n" + DEEPER_MENU.replace("TARGET", "spread-bones"))

    line = breaker.line("menus.yaml", "  - spread-bones")
    assert breaker.new_problems() == [
        f"content/menus.yaml:{line}: core[0]: core 'spread-bones' is 3 key presses "
        "(main > spread > deeper > spread-bones) from the main menu; a core topic is at most 2"
    ]


def test_unknown_core_id(breaker: Breaker) -> None:
    breaker.replace("menus.yaml", "  - spread-bones\n", "  - spread-bone\n")

    line = breaker.line("menus.yaml", "  - spread-bone")
    assert breaker.new_problems() == [
        f"content/menus.yaml:{line}: core[0]: 'spread-bone' is neither a topic file nor a menu"
    ]


def test_curly_quote_in_an_sms_page(breaker: Breaker) -> None:
    name = breaker.write_topic("spread-liver", sms=(SIMPLE, "It\u2019s still breast cancer."))

    line = breaker.line(name, "It\u2019s")
    assert breaker.new_problems() == [
        f"content/{name}:{line}: en.sms[1]: has characters outside the plain SMS alphabet (GSM-7): '\u2019'"
    ]


def test_accented_letters_are_folded_with_a_note_not_an_error(breaker: Breaker) -> None:
    name = breaker.write_topic("spread-liver", sms=(SIMPLE, "Hable con su equipo médico el mismo día."))
    line = breaker.line(name, "Hable")
    assert breaker.new_problems() == []
    notes = [str(p) for p in check_content(breaker.root, today=TODAY).problems if p.severity == "note"]
    folded = "note: sent with these letters folded to plain SMS letters: í -> i"
    assert f"content/{name}:{line}: en.sms[1]: {folded}" in notes
    report = check_content(breaker.root, today=TODAY)
    assert report.errors == 0
    assert report.warnings == len([p for p in breaker.before if ": warning: " in p])


def test_sms_page_over_306_characters(breaker: Breaker) -> None:
    page = "We are here to help you. " * 12
    name = breaker.write_topic("spread-liver", sms=(page.strip(),))

    line = breaker.line(name, "We are here")
    problems = breaker.new_problems()
    assert len(problems) == 1
    assert re.fullmatch(
        rf"content/{name}:{line}: en\.sms\[0\]: 3\d\d characters as sent \(with the reply hint\), "
        r"over the 306 budget",
        problems[0],
    ), problems


def test_sms_page_whose_euro_sign_would_straddle_two_segments(breaker: Breaker) -> None:
    """306 characters, but the € (two septets) would fall across the first segment's end."""
    probe, words = "PROBE", "We are here to help you. " * 12
    breaker.write_topic("spread-liver", sms=(probe,))
    before, after = wording.sms_page(load_checked(breaker.root), "spread-liver", 0, "en").split(probe)
    tail = words[: 152 - segments(after).units]
    page = words[: 152 - segments(before).units] + "€" + tail.rstrip().ljust(len(tail), "!")
    name = breaker.write_topic("spread-liver", sms=(page,))
    assert segments(before + page + after).units == 306

    line = breaker.line(name, "We are here")
    assert any(re.fullmatch(
        rf"content/{name}:{line}: en\.sms\[0\]: \d+ characters as sent \(with the reply hint\) arrive in 3 "
        r"segments, over the budget of 2: .* never split between segments; shorten the text a little",
        problem) for problem in breaker.new_problems()), breaker.new_problems()


def test_grade_above_8(breaker: Breaker) -> None:
    name = breaker.write_topic("spread-liver", voice=LONG_WINDED)

    line = breaker.line(name, "voice:")
    problems = breaker.new_problems()
    assert len(problems) == 1
    assert re.fullmatch(
        rf"content/{name}:{line}: en\.voice: reading grade \d+\.\d \(Flesch-Kincaid\), over 8: "
        "use shorter sentences and shorter words",
        problems[0],
    ), problems


def test_grade_above_6_is_a_warning(breaker: Breaker) -> None:
    name = breaker.write_topic("spread-liver", voice=HARD_BUT_UNDER_8)

    line = breaker.line(name, "voice:")
    assert breaker.new_problems() == [
        f"content/{name}:{line}: en.voice: warning: reading grade 7.4, above 6: aim for grade 6"
    ]


def test_mean_grade_above_6(breaker: Breaker) -> None:
    for topic_id in breaker.topic_ids():
        breaker.write_topic(topic_id, voice=HARD_BUT_UNDER_8, sms=(HARD_BUT_UNDER_8,))

    report = check_content(breaker.root, today=TODAY)
    errors = [
        str(p) for p in report.problems
        if p.severity == "error" and "must open with when to get help" not in str(p)
        and "(urgent signs)" not in str(p)  # the stubs have no keywords left for the signs
        and "has no SMS page" not in str(p)  # nor the pages medicines.yaml points to
        and "urgent-signs topic" not in str(p)  # nor any sign for the urgent topic to name
    ]
    assert report.mean_grade is not None and report.mean_grade > 6
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"content:1: (all texts): mean grade {report.mean_grade:.1f} across ")
    assert ", over 6; hardest: content/topics/" in errors[0]


def test_a_spoken_part_over_30_seconds(breaker: Breaker) -> None:
    """The phone says a topic in parts split at sentence ends; one sentence too long for a part fails."""
    name = breaker.write_topic("spread-liver", voice="Rest when you need to and " * 16 + "rest.")

    line = breaker.line(name, "voice:")
    assert [p for p in breaker.new_problems() if "reading grade" not in p] == [
        f"content/{name}:{line}: en.voice: part 1 as spoken has 97 words, about 39 seconds at 150 words "
        "a minute, over 30: break its long sentence (at most 75 words a part)"
    ]


def test_a_long_topic_of_short_sentences_is_said_in_parts_and_passes(breaker: Breaker) -> None:
    breaker.write_topic("spread-liver", voice="Rest when you need to. " * 40)

    assert breaker.new_problems() == []


def test_welcome_and_main_menu_too_long_together(breaker: Breaker) -> None:
    """A new call hears the welcome, the main menu and the keys before any choice: it must fit."""
    intro = "Rest when you need to. " * 16
    breaker.replace("menus.yaml", "  - id: main\n    en:\n", f"  - id: main\n    en:\n      intro: {intro}\n")

    welcome = breaker.line("prompts.yaml", "  welcome:")
    problems = breaker.new_problems()
    assert any(
        re.fullmatch(
            rf"content/prompts\.yaml:{welcome}: en\.welcome: the opening \(911, main menu, welcome, keys\) "
            r"has 1\d\d words, about \d\d seconds, over 60",
            problem,
        )
        for problem in problems
    ), problems
    assert any(
        re.fullmatch(
            r"content/menus\.yaml:\d+: menus\[0\]\.en: the menu as heard has 1\d\d words, about "
            r"\d\d seconds, over 45: shorten the intro or the labels",
            problem,
        )
        for problem in problems
    ), problems


def test_the_emergency_line_must_come_within_the_first_25_words(breaker: Breaker) -> None:
    """Both ways a call starts: the bilingual choice (each language's line), and a caller greeted in the
    language the line remembers (911 first, then the main menu)."""
    breaker.replace(
        "prompts.yaml", "  emergency: In an emergency, call 911.\n",
        "  emergency: Hello, and thank you for calling us today.\n",
    )
    breaker.replace(
        "prompts.yaml",
        "  language_choice: In an emergency, call 911. For English, press 1.\n",
        "  language_choice: For English, press 1.\n",
    )

    emergency = breaker.line("prompts.yaml", "  emergency: Hello")
    choice = breaker.line("prompts.yaml", "  language_choice: For English")
    within = "a caller must hear to call 911 within the first 25 words"
    assert breaker.new_problems() == [
        f"content/prompts.yaml:{emergency}: en.emergency: {within}",
        f"content/prompts.yaml:{choice}: en.language_choice: {within}",
    ]


@pytest.mark.parametrize(
    ("reviewed", "max_age_days", "expected"),
    [
        pytest.param(
            None, 365,
            "content/topics/spread-liver.yaml:1: reviewed: is missing: the day a person last checked it, "
            "like 2026-11-23",
            id="missing",
        ),
        pytest.param(
            TODAY - dt.timedelta(days=400), 365,
            f"content/topics/spread-liver.yaml:2: reviewed: {TODAY - dt.timedelta(days=400)} is 400 days "
            "ago, over 365 (CONTENT_MAX_AGE_DAYS): check the topic against its sources, then set the date",
            id="too-old",
        ),
        pytest.param(
            TODAY - dt.timedelta(days=31), 30,
            f"content/topics/spread-liver.yaml:2: reviewed: {TODAY - dt.timedelta(days=31)} is 31 days "
            "ago, over 30 (CONTENT_MAX_AGE_DAYS): check the topic against its sources, then set the date",
            id="too-old-for-a-shorter-limit",
        ),
        pytest.param(
            TODAY + dt.timedelta(days=1), 365,
            f"content/topics/spread-liver.yaml:2: reviewed: {TODAY + dt.timedelta(days=1)} is in the "
            f"future (today is {TODAY})",
            id="future",
        ),
    ],
)
def test_reviewed_date(breaker: Breaker, reviewed: dt.date | None, max_age_days: int, expected: str) -> None:
    breaker.write_topic("spread-liver", reviewed=reviewed)

    assert expected in breaker.new_problems(max_age_days)


def test_reviewed_date_within_the_limit_passes(breaker: Breaker) -> None:
    breaker.write_topic("spread-liver", reviewed=TODAY - dt.timedelta(days=365))

    assert breaker.new_problems() == []


URGENT_OPENING = 'a symptom topic must open with when to get help now ({where}): mention 911 or ' \
    '"call your care team right away", as in "If this may be an emergency, call 911 now."'
WHEN_TO_CALL = "If this may be an emergency, call 911 now. If not, call your care team today."


def test_symptom_topic_without_urgent_help_wording_first(breaker: Breaker) -> None:
    """The when-to-call line at the end is not enough: the first sentence and first page carry it."""
    quiet = "Liver spread may cause no symptoms at first. Tell your care team about any of these."
    name = breaker.write_topic("symptoms-liver", voice=f"{quiet} {SIMPLE}", sms=(quiet, SIMPLE))

    voice_line, page_line = breaker.line(name, "voice:"), breaker.line(name, '- "Liver spread')
    assert [p for p in breaker.report() if p.startswith(f"content/{name}:")] == [
        f"content/{name}:{voice_line}: en.voice: {URGENT_OPENING.format(where='first sentence')}",
        f"content/{name}:{page_line}: en.sms[0]: {URGENT_OPENING.format(where='first page')}",
    ]


@pytest.mark.parametrize(
    "wording",
    [
        "If you cannot breathe, call 911.",
        "For a fever, call your care team right away.",
        "For new weakness, Call Your Care Team at once.",
        WHEN_TO_CALL,
    ],
)
def test_urgent_help_wording_that_counts(breaker: Breaker, wording: str) -> None:
    later = "Liver spread may cause no symptoms."
    name = breaker.write_topic("symptoms-liver", voice=f"{wording} {later}", sms=(wording, later))

    assert [p for p in breaker.new_problems() if name in p] == []


def symptom_topics(root: Path) -> list[Path]:
    return sorted((root / "topics").glob("symptoms-*.yaml"))


def test_every_real_symptom_topic_opens_with_its_when_to_call_line() -> None:
    """Passes once the content carries the line first (the content branch does)."""
    report = check_content(PROJECT_ROOT / "content", 365, TODAY)
    missing = [str(p) for p in report.problems if "must open with when to get help now" in str(p)]
    assert symptom_topics(PROJECT_ROOT / "content") and missing == [], "\n".join(missing)


def test_symptom_topics_given_the_line_first_pass_and_one_without_it_fails(content_copy: Path) -> None:
    """The same check on a copy: every symptom topic given the line first passes; taking one away fails."""
    already = r"\s+".join(map(re.escape, WHEN_TO_CALL.split())) + r"\s*"
    for path in symptom_topics(content_copy):
        text = re.sub(already, "", path.read_text(encoding="utf-8"))  # content that has it: start over
        text = re.sub(r"(\n  voice: >-\n    )", rf"\1{WHEN_TO_CALL} ", text, count=1)
        text = re.sub(r"(\n  sms:\n    - >-\n      )", rf"\1{WHEN_TO_CALL} ", text, count=1)
        path.write_text(text, encoding="utf-8")

    def missing() -> list[str]:
        report = check_content(content_copy, 365, TODAY)
        return [str(p) for p in report.problems if "must open with when to get help now" in str(p)]

    assert missing() == []
    brain = content_copy / "topics" / "symptoms-brain.yaml"
    brain.write_text(brain.read_text(encoding="utf-8").replace(f"{WHEN_TO_CALL} ", "", 1), encoding="utf-8")
    assert [line.split(": ", 2)[1] for line in missing()] == ["en.voice"]


def test_unused_source_is_a_warning(breaker: Breaker) -> None:
    breaker.add_source(
        "  - id: study-unused-2020\n    kind: study\n    cited_by: article-mbc-overview\n"
        '    title: "A study no topic names"\n    publisher: "Nobody, 2020"\n',
    )

    line = breaker.line("sources.yaml", "study-unused-2020")
    problems = breaker.new_problems()
    assert len(problems) == 1
    assert re.fullmatch(
        rf"content/sources\.yaml:{line}: sources\[\d+\]\.id: "
        "warning: 'study-unused-2020' is named by no topic",
        problems[0],
    ), problems


def test_unused_source_with_a_reviewed_reason_is_no_warning(breaker: Breaker) -> None:
    breaker.add_source(
        "  - id: study-unused-2020\n    kind: study\n    cited_by: article-mbc-overview\n"
        '    title: "A study no topic names"\n    publisher: "Nobody, 2020"\n'
        '    unused_because: "kept for the complete reference list"\n',
    )
    assert breaker.new_problems() == []


def test_the_shipped_content_has_no_warnings() -> None:
    report = check_content(PROJECT_ROOT / "content")
    assert [str(p) for p in report.problems if p.severity != "note"] == []


def test_study_without_the_article_citing_it(breaker: Breaker) -> None:
    breaker.add_source(
        "  - id: study-orphan-2020\n    kind: study\n"
        '    title: "A study with no article"\n    publisher: "Nobody, 2020"\n',
    )
    breaker.replace("topics/spread-liver.yaml", "sources: [", "sources: [study-orphan-2020, ")

    line = breaker.line("sources.yaml", "study-orphan-2020")
    problems = breaker.new_problems()
    assert len(problems) == 1
    assert re.fullmatch(
        rf"content/sources\.yaml:{line}: sources\[\d+\]\.cited_by: is missing: a study names the article "
        r"that cites it \(cited_by\)",
        problems[0],
    ), problems


# --- all at once, and the command ---------------------------------------------------------


def test_problems_in_different_files_are_all_reported_at_once(breaker: Breaker) -> None:
    breaker.replace("topics/spread-liver.yaml", "id: spread-liver", "id: spread-liver: oops")
    breaker.replace("menus.yaml", "{key: 4, to: lower-risk}", "{key: 3, to: lower-risk}")
    breaker.write_topic("treat-chemo", voice=LONG_WINDED)
    breaker.write_topic("spread-lungs", reviewed=TODAY - dt.timedelta(days=400))

    files = {line.split(":", 1)[0] for line in breaker.new_problems()}
    assert files == {
        "content/topics/spread-liver.yaml",
        "content/menus.yaml",
        "content/topics/treat-chemo.yaml",
        "content/topics/spread-lungs.yaml",
    }


def test_command_prints_problems_and_a_summary_and_fails(breaker: Breaker) -> None:
    name = breaker.write_topic("spread-liver", reviewed=TODAY - dt.timedelta(days=40))

    result = CliRunner().invoke(
        content_group, ["check", "--dir", str(breaker.root), "--max-age-days", "30"], env={}
    )

    assert result.exit_code == 1
    reviewed = TODAY - dt.timedelta(days=40)
    assert f"content/{name}:2: reviewed: {reviewed} is 40 days ago, over 30" in result.output
    last = result.output.strip().splitlines()[-1]
    assert re.fullmatch(rf"{re.escape(str(breaker.root))}: [1-9]\d* error\(s\), \d+ warning\(s\), "
                        r"mean grade \d+\.\d", last), last


@pytest.mark.parametrize(
    ("value", "exit_code", "expected"),
    [
        ("30", 1, "is 40 days ago, over 30 (CONTENT_MAX_AGE_DAYS)"),
        ("soon", 1, "CONTENT_MAX_AGE_DAYS is 'soon': use a whole number of days from 1 up"),
    ],
)
def test_command_reads_the_age_limit_from_the_environment(
    breaker: Breaker, value: str, exit_code: int, expected: str
) -> None:
    breaker.write_topic("spread-liver", reviewed=TODAY - dt.timedelta(days=40))

    result = CliRunner().invoke(
        content_group, ["check", "--dir", str(breaker.root)], env={"CONTENT_MAX_AGE_DAYS": value}
    )

    assert result.exit_code == exit_code
    assert expected in result.output


def test_flask_command_runs_without_the_app_settings(breaker: Breaker) -> None:
    """CI runs `flask content check` before any secret exists: the plugin must not build the app."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "FLASK_"))}
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi:app", "content", "check", "--dir", str(breaker.root)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )

    assert "Traceback" not in result.stderr, result.stderr
    assert re.search(r"content: \d+ error\(s\), \d+ warning\(s\), mean grade \d+\.\d\n$", result.stdout)


# --- the real content ---------------------------------------------------------------------


def test_the_real_content_passes() -> None:
    report = check_content(PROJECT_ROOT / "content")

    errors = [str(p) for p in report.problems if p.severity == "error"]
    assert errors == [], "\n".join(errors)
    assert report.mean_grade is not None and report.mean_grade <= 6


def test_keyword_that_finds_another_topic(breaker: Breaker) -> None:
    name = "topics/symptoms-urgent.yaml"
    breaker.replace(name, "keywords: [urgent,", "keywords: [brains, urgent,")

    line = breaker.line(name, "keywords:")
    assert breaker.new_problems() == [
        f"content/{name}:{line}: en.keywords[0]: keyword 'brains' finds 'spread-brain', "
        "not 'symptoms-urgent': make it more specific or remove it"
    ]


def test_help_reply_too_long_for_two_segments(breaker: Breaker) -> None:
    longer = "Free; msg rates may apply. We are glad you wrote to us today, and we hope it helps.{phone}"
    breaker.replace("prompts.yaml", "Free; msg rates may apply.{phone}", longer)

    line = breaker.line("prompts.yaml", "sms_help:")
    problems = breaker.new_problems()
    assert len(problems) == 1
    expected = rf"content/prompts\.yaml:{line}: en\.sms_help: 3\d\d characters as sent.*"
    assert re.fullmatch(expected, problems[0])


def test_one_topic_broken_eight_ways_shows_all_eight_in_one_run(breaker: Breaker) -> None:
    """Errors the loader finds do not hide the checks after it: an editor sees everything at once."""
    long_sentence = "Rest when you need to and " * 16 + "rest."
    broken = "\n".join([
        "id: symptoms-lungs",
        "reviewed: last tuesday",
        "sources: [article-mbc-overview, no-such-source]",
        "colour: blue",
        "en:",
        "  title: Lung symptoms",
        "  label: lung symptoms",
        "  keywords: [lung symptoms, liver, menu]",
        f"  voice: {quoted('Lungs can be hurt. ' + long_sentence)}",
        "  sms:",
        f"    - {quoted('It' + chr(0x2019) + 's hard to breathe sometimes. Tell your care team.')}",
        f"    - {quoted('We are here to help you. ' * 13)}",
        f"    - {quoted(LONG_WINDED)}",
        "es:",
        "  title: Síntomas en los pulmones",
        "  label: síntomas en los pulmones",
        "  keywords: [sintomas en los pulmones prueba]",
        f"  voice: {quoted(SIMPLE_ES)}",
        "  sms:",
        f"    - {quoted(SIMPLE_ES)}",
    ]) + "\n"
    name = "topics/symptoms-lungs.yaml"
    (breaker.root / name).write_text(broken, encoding="utf-8")

    mine = [p for p in breaker.report() if p.startswith(f"content/{name}:")]
    expected = {
        "reviewed: 'last tuesday' must be a date": "reviewed",
        "unknown source 'no-such-source'": "sources[1]",
        "is not a topic field": "colour",
        "keyword 'liver' is also claimed by 'spread-liver'": "en.keywords[1]",
        "'menu' is a command word": "en.keywords[2]",
        "outside the plain SMS alphabet": "en.sms[0]",
        "over the 306 budget": "en.sms[1]",
        "part 2 as spoken has 97 words": "en.voice",
        "must open with when to get help now (first sentence)": "en.voice",
        "reading grade": "en.sms[2]",
    }
    for words, field in expected.items():
        assert any(f": {field}: " in p and words in p for p in mine), (words, mine)


def test_distress_reply_too_long_with_a_helpline(breaker: Breaker) -> None:
    longer = "We are glad you wrote to us today, and we hope it helps you and the people you love."
    breaker.replace(
        "prompts.yaml", "    In an emergency, call 911.\n  # In a text, each number",
        f"    In an emergency, call 911. {longer}\n  # In a text, each number",
    )

    line = breaker.line("prompts.yaml", "sms_distress:")
    problems = breaker.new_problems()
    assert len(problems) == 1 and problems[0].startswith(f"content/prompts.yaml:{line}: en.sms_distress: 3")
    assert problems[0].endswith("characters as sent (with the reply hint), over the 306 budget")


def test_an_urgent_sign_whose_words_find_no_topic(breaker: Breaker) -> None:
    breaker.replace("topics/symptoms-urgent.yaml", "keywords: [urgent,", "keywords: [")

    assert breaker.new_problems() == [
        "content:1: (urgent signs): the urgent sign 'urgent' finds None, not a topic: give the topic for "
        "it (such as symptoms-urgent) the keyword 'urgent'"
    ]


def test_a_phone_number_the_line_gives_must_be_listed_with_its_hours(breaker: Breaker) -> None:
    breaker.replace("prompts.yaml", 'your care team or {number}. Emergency',
                    'your care team, 1-800-555-0142 or {number}. Emergency')
    line = breaker.line("prompts.yaml", "  sms_person: ")
    problems = breaker.new_problems()
    assert any(p.startswith(f"content/prompts.yaml:{line}: en.sms_person: names 1-800-555-0142, which "
                            "phones.yaml does not list") for p in problems), problems


def test_phone_hours_the_line_cannot_read(breaker: Breaker) -> None:
    breaker.replace("phones.yaml", "Mon-Fri 08:00-20:00 America/New_York", "Mon-Fri 08:00-20:00 Eastern")
    line = breaker.line("phones.yaml", "hours: Mon-Fri")
    assert breaker.new_problems() == [
        f"content/phones.yaml:{line}: phones[1].hours: 'Eastern' is not a time zone name "
        "like America/New_York"
    ]


def test_a_medicine_kind_whose_page_is_not_a_topic(breaker: Breaker) -> None:
    breaker.replace("medicines.yaml", "page: treat-bone", "page: treat-bones")
    line = breaker.line("medicines.yaml", "page: treat-bones")
    problem = f"content/medicines.yaml:{line}: classes[8].page: 'treat-bones' is not a topic"
    assert problem in breaker.new_problems()


def test_a_medicine_of_no_known_kind(breaker: Breaker) -> None:
    breaker.replace("medicines.yaml", "[xgiva, exgeva, denosumap], class: bone,",
                    "[xgiva, exgeva, denosumap], class: bones,")
    line = breaker.line("medicines.yaml", "class: bones")
    assert breaker.new_problems() == [
        f"content/medicines.yaml:{line}: medicines[44].class: 'bones' is not one of the classes: "
        "hormone, cdk46, her2, parp, adc, targeted, chemo, immuno, bone"
    ]
