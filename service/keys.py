"""The keys that mean the same thing in every menu and after every topic."""

from __future__ import annotations

SLOWER = "7"
BACK = "8"
REPEAT = "9"
MAIN = "0"
CHOICE_KEYS = ("1", "2", "3", "4", "5")
