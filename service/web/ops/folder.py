"""The folder gunicorn's workers write their metric files in (prometheus-client's multiprocess mode).

Kept apart from service.web.ops.metrics because prometheus-client picks its mode when it is first
imported: gunicorn.conf.py sets PROMETHEUS_MULTIPROC_DIR from here before anything imports it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
OWN_PREFIX = "mbc-line-metrics-"


def prepare(configured: str) -> Path:
    """The operator's folder, or a new private one, emptied of an earlier run's files and set for the
    workers; counts start from zero with each start of the server, as Prometheus expects."""
    folder = Path(configured) if configured else Path(tempfile.mkdtemp(prefix=OWN_PREFIX))
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.db"):
        old.unlink()
    os.environ[MULTIPROCESS_DIR] = str(folder)
    return folder


def remove_own(folder: Path) -> None:
    """At exit, remove the folder if it was made here (an operator's own folder is left)."""
    if folder.name.startswith(OWN_PREFIX) and folder.parent == Path(tempfile.gettempdir()):
        shutil.rmtree(folder, ignore_errors=True)
