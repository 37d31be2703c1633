"""SMS segments counted as phones receive them: an escaped GSM-7 character or a UTF-16 surrogate pair
is never split between two segments. Held to a reference written as the plain rule."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from service.core.gsm import GSM_BASIC, GSM_EXTENDED, segments

ESCAPE = 0x1B  # GSM 03.38: an extended character is sent as ESC and its code, two septets


def reference(text: str) -> tuple[str, int, int]:
    """The rule as written: 160 septets alone, else parts of 153 (UCS-2: 70, else 67 units), and a part
    may not end with an escape (UCS-2: a high surrogate), which then opens the next part instead."""
    if all(char in GSM_BASIC or char in GSM_EXTENDED for char in text):
        encoding, single, part = "GSM-7", 160, 153
        units = [unit for char in text
                 for unit in ([ESCAPE, ord(char)] if char in GSM_EXTENDED else [ord(char)])]
        splits_a_pair = [unit == ESCAPE for unit in units]
    else:
        encoding, single, part = "UCS-2", 70, 67
        raw = text.encode("utf-16-be")
        units = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]
        splits_a_pair = [0xD800 <= unit <= 0xDBFF for unit in units]
    if len(units) <= single:
        return encoding, len(units), 1 if units else 0
    parts, start = 0, 0
    while start < len(units):
        end = min(start + part, len(units))
        if end < len(units) and splits_a_pair[end - 1]:
            end -= 1
        parts, start = parts + 1, end
    return encoding, len(units), parts


PIECES = st.sampled_from([
    "a", "a" * 10, "a" * 50, "a" * 150, "€", "[", "]", "{", "}", "\\", "~", "|", "^", "\f", "é", "Ñ", "ß",
    " ", "\n", "á", "’", "中", "😀", "𝄞",
])


@given(st.lists(PIECES, max_size=60).map("".join))
@example("a" * 152 + "€" + "a" * 152)  # 306 septets, but the € cannot be split: 3 segments
@example("a" * 152 + "€")  # 154 septets: two segments, the € opens the second
@example("a" * 66 + "😀" + "á" * 66)  # the emoji's two units cannot be split
@example("€" * 80)  # 160 septets exactly: one segment
@example("")
def test_segments_match_the_rule_as_written(text: str) -> None:
    counted = segments(text)
    assert (counted.encoding, counted.units, counted.count) == reference(text)


def test_an_escape_at_a_segment_boundary_makes_a_third_segment() -> None:
    assert segments("a" * 152 + "€" + "a" * 152).count == 3
    assert segments("a" * 153 + "€" + "a" * 151).count == 2
    assert segments("a" * 306).count == 2


def test_a_surrogate_pair_at_a_segment_boundary_moves_to_the_next() -> None:
    assert segments("á" * 66 + "😀" + "á" * 66).count == 3
    assert segments("á" * 67 + "😀" + "á" * 65).count == 2
