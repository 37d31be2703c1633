"""The keys that mean the same thing in every menu and after every topic."""

from __future__ import annotations

SLOWER = "7"
BACK = "8"
REPEAT = "9"
MAIN = "0"
CHOICE_KEYS = ("1", "2", "3", "4", "5")
# Number words that name a choice or the main menu, said or texted instead of the digit.
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "zero": "0"}
