"""Pages read in a browser: the try-it phone and the topic pages, with their templates and static files."""

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
