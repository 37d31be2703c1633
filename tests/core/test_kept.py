"""The bounded memo the hot paths share: an answer is built once, None included, and the map stays small."""

from __future__ import annotations

from service.core.kept import Kept


def test_none_is_kept_as_an_answer_and_not_built_again() -> None:
    kept: Kept[str, str | None] = Kept(4)
    built: list[str] = []

    def build() -> None:
        built.append("x")

    assert kept.get("no match", build) is None
    assert kept.get("no match", build) is None
    assert built == ["x"]


def test_the_oldest_answer_goes_first_when_full() -> None:
    kept: Kept[int, int] = Kept(3)
    for number in range(5):
        kept.get(number, lambda number=number: number * number)
    assert list(kept) == [2, 3, 4] and len(kept) == 3
