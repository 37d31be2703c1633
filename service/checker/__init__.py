"""The content checker: content read by `service.content`, held to what the line's wording needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from service.checker.budget import serving_problems
from service.checker.lexicon import lexicon_problems
from service.checker.quality import Report, check_quality
from service.config import Settings
from service.content import Content, ContentError
from service.content.loader import read_folder
from service.content.yamlfile import UNREADABLE, Problem

__all__ = ["Report", "check_content", "load_checked"]


def load_checked(root: Path) -> Content:
    """Load content for serving: refuse it, naming every error, when the line could not send it."""
    reading = read_folder(root)
    problems = [*reading.problems, *serving_problems(reading), *lexicon_problems(reading)]
    errors = [p for p in problems if p.severity == "error"]
    if errors or reading.content is None:
        raise ContentError(in_order(errors or problems))
    return reading.content


def check_content(
    root: Path, max_age_days: int = Settings.content_max_age_days, today: dt.date | None = None
) -> Report:
    """Every problem in a content folder, the loader's and the quality checks', in file order."""
    reading = read_folder(root)
    quality = check_quality(reading, today or dt.date.today(), max_age_days)
    found = [*reading.problems, *serving_problems(reading), *lexicon_problems(reading), *quality.problems]
    return Report(in_order(found), quality.mean_grade)


def in_order(problems: list[Problem]) -> list[Problem]:
    """File order, but a file that could not be read at all first: what else is wrong may follow from it
    (a prompts.yaml that is not YAML leaves every other file's Spanish "not a language")."""
    return sorted(problems, key=lambda p: (p.field != UNREADABLE, p.file, p.line))
