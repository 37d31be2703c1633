# The obvious targets. `make run` and `make test` do all set-up first (see scripts/setup).
HOST ?= 0.0.0.0
PORT ?= 8000
WORKERS ?= 2

.PHONY: setup run dev talk test lint content-check menu-map lock lock-upgrade

setup:
	@scripts/setup

# After changing dependencies in pyproject.toml: the lock files, with hashes (see scripts/lock).
lock:
	@scripts/lock

lock-upgrade:
	@scripts/lock --upgrade

run: setup
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) .venv/bin/gunicorn -c gunicorn.conf.py wsgi:app

dev: setup
	.venv/bin/flask --app wsgi:app run --port $(PORT)

talk: setup
	.venv/bin/flask talk

test: setup
	.venv/bin/flask content check
	.venv/bin/ruff check .
	.venv/bin/lint-imports
	.venv/bin/mypy
	.venv/bin/python -m pytest --durations=10

lint: setup
	.venv/bin/ruff check .
	.venv/bin/lint-imports
	.venv/bin/mypy

content-check: setup
	.venv/bin/flask --app wsgi:app content check

menu-map: setup
	.venv/bin/flask content map --out docs/menu-map.svg
