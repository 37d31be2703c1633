# The obvious targets. Each does its set-up first (see scripts/setup): `make run` and `make dev` the
# serving install (requirements/serve.txt), `make talk` serving with speech, `make test` and the
# rest everything. A .venv that holds more than a target needs is used as it is.
HOST ?= 0.0.0.0
PORT ?= 8000
WORKERS ?= 2

.PHONY: setup setup-serve setup-speech run dev talk test lint content-check menu-map lock lock-upgrade

setup:
	@scripts/setup

setup-serve:
	@scripts/setup serve

setup-speech:
	@scripts/setup speech

# After changing dependencies in pyproject.toml: the lock files, with hashes (see scripts/lock).
lock:
	@scripts/lock

lock-upgrade:
	@scripts/lock --upgrade

run: setup-serve
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) .venv/bin/gunicorn -c gunicorn.conf.py wsgi:app

dev: setup-serve
	.venv/bin/flask --app wsgi:app run --port $(PORT)

talk: setup-speech
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

content-check: setup-serve
	.venv/bin/flask --app wsgi:app content check

menu-map: setup
	.venv/bin/flask content map --out docs/menu-map.svg
