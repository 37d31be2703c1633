"""Remove from .venv every package the lock file does not list, so .venv holds the lock and no more.

    .venv/bin/python scripts/venv_sync.py requirements/dev.txt

scripts/setup runs it after installing the lock: a package dropped from the lock (or installed by
hand) leaves, and the tests that compare .venv with the lock stay true.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import distributions
from pathlib import Path

PROJECT = "mbc-line"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", re.MULTILINE)


def canonical(name: str) -> str:
    """A distribution name as the package index compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(lock: Path) -> set[str]:
    """The names pinned in a lock file."""
    return {canonical(name) for name in _PIN.findall(lock.read_text(encoding="utf-8"))}


def installed() -> set[str]:
    """The names of the distributions this interpreter sees."""
    return {canonical(dist.metadata["Name"]) for dist in distributions()}


def main(lock: Path) -> int:
    extra = sorted(installed() - locked(lock) - {PROJECT})
    if extra:
        print(f"setup: removing packages {lock} does not list: {' '.join(extra)}")
        subprocess.run([sys.executable, "-m", "pip", "uninstall", "-q", "-y", *extra], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
