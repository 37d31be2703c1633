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

__all__ = ["Report", "check_content", "load_checked"]


def load_checked(root: Path) -> Content:
    """Load content for serving: refuse it, naming every error, when the line could not send it."""
    reading = read_folder(root)
    problems = [*reading.problems, *serving_problems(reading), *lexicon_problems(reading)]
    errors = [p for p in problems if p.severity == "error"]
    if errors or reading.content is None:
        raise ContentError(sorted(errors or problems, key=lambda p: (p.file, p.line)))
    return reading.content


def check_content(
    root: Path, max_age_days: int = Settings.content_max_age_days, today: dt.date | None = None
) -> Report:
    """Every problem in a content folder, the loader's and the quality checks', in file order."""
    reading = read_folder(root)
    quality = check_quality(reading, today or dt.date.today(), max_age_days)
    found = [*reading.problems, *serving_problems(reading), *lexicon_problems(reading), *quality.problems]
    problems = sorted(found, key=lambda p: (p.file, p.line))
    return Report(problems, quality.mean_grade)
