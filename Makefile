# PairPad: `make run` and `make test` set everything up themselves (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python >= 3.11 on PATH (override: make setup PYTHON=/path/to/python3.12).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
NPM ?= npm
WEBUI := webui
UI_BUILT := $(WEBUI)/dist/index.html
UI_SOURCES := $(shell find $(WEBUI) -path $(WEBUI)/node_modules -prune -o -path $(WEBUI)/dist -prune \
	-o -type f \( -name '*.ts' -o -name '*.css' -o -name '*.html' -o -name '*.json' -o -name '*.mjs' \) -print 2>/dev/null)

.PHONY: help setup ui wire run serve test test-python test-webui lint format lock dist soak bench bench-quick clean

help:
	@echo "make run    set up (first time) and start PairPad"
	@echo "make test   set up (first time) and run every test"
	@echo "make setup  the shared, idempotent set-up: .venv, Python and npm packages, web UI build"
	@echo "make serve  the server alone on http://127.0.0.1:8000 (no window)"
	@echo "make lint   ruff and mypy;  make format  ruff format"
	@echo "make dist   build the single executable (dist/pairpad, PairPad.exe or PairPad.app)"
	@echo "make soak   10 minutes of hundreds of clients; memory, sessions and tasks must stay flat"
	@echo "make bench  PairPad against y-websocket, Hocuspocus and bare relays (~25 min; bench/README.md)"
	@echo "make lock   re-resolve requirements.lock from pyproject.toml"
	@echo "make wire   rewrite webui/src/net/wire.schema.json after changing server/messages.py"

setup: $(VENV)/.installed ui

$(PY):
	@test -n "$(PYTHON)" || { echo "PairPad needs Python 3.11 or newer on PATH (python3.11, python3.12, ...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Re-run when the lock or the project metadata changes.
$(VENV)/.installed: $(PY) requirements.lock pyproject.toml
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.lock
	$(PY) -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e .
	@touch $@

ifneq ($(wildcard $(WEBUI)/package.json),)
ui: $(UI_BUILT)

$(WEBUI)/node_modules/.package-lock.json: $(WEBUI)/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "PairPad needs Node.js 20 or newer (npm) to build the web UI"; exit 1; }
	cd $(WEBUI) && $(NPM) ci --no-audit --no-fund
	@touch $@

$(UI_BUILT): $(WEBUI)/node_modules/.package-lock.json $(UI_SOURCES)
	cd $(WEBUI) && $(NPM) run build
else
ui:
	@true
endif

# The message schema the web UI's types are generated from (tests/test_wire_schema.py fails
# when it is stale). Not a build step of its own: a checkout builds from the committed file.
wire: $(VENV)/.installed
	$(PY) build_scripts/wire_schema.py

run: setup
	$(PY) -m desktop

serve: setup
	$(PY) -m server --host 127.0.0.1 --port 8000

test: setup lint test-webui test-python

test-python: setup
	$(PY) -m pytest

test-webui: setup
ifneq ($(wildcard $(WEBUI)/package.json),)
	cd $(WEBUI) && $(NPM) test
endif

dist: setup
	$(PY) build_scripts/build.py

soak: setup
	$(PY) bench/soak.py --minutes 10 --clients 300

# The benchmark's own packages: the servers we compare with, and matplotlib for the plot.
BENCH_NODE := bench/node
$(VENV)/.bench-installed: $(VENV)/.installed bench/requirements.lock
	$(PY) -m pip install --disable-pip-version-check -q -r bench/requirements.lock
	@touch $@

$(BENCH_NODE)/node_modules/.package-lock.json: $(BENCH_NODE)/package-lock.json
	cd $(BENCH_NODE) && $(NPM) ci --no-audit --no-fund
	@touch $@

bench: setup $(VENV)/.bench-installed $(BENCH_NODE)/node_modules/.package-lock.json
	$(PY) -m bench.run $(BENCH_ARGS)

bench-quick: BENCH_ARGS += --quick
bench-quick: bench

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
ifneq ($(wildcard $(WEBUI)/package.json),)
	cd $(WEBUI) && $(NPM) run typecheck
endif

format: $(VENV)/.installed
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

lock: $(VENV)/.installed
	$(PY) -m pip install -q uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--no-header -o requirements.lock
	$(VENV)/bin/uv pip compile bench/requirements.in --constraint requirements.lock --universal \
		--python-version 3.11 --no-header -o bench/requirements.lock

clean:
	rm -rf $(VENV) $(WEBUI)/node_modules $(WEBUI)/dist $(BENCH_NODE)/node_modules build dist .pytest_cache .mypy_cache .ruff_cache
