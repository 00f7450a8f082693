# One task runner: `make run` starts the dashboard, `make test` runs every test (browser tests included).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run data test lint bench load lighthouse clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-build.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

run: setup
	$(VENV)/bin/gunicorn --config gunicorn.conf.py app:server

data: setup
	$(PY) -m pipeline.build

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m mypy

test: setup lint
	scripts/ensure-system-deps.sh
	$(PY) -m pytest --cov --cov-report=term:skip-covered

bench: setup
	$(PY) bench/run.py

load: setup
	$(PY) bench/load.py --users 50 200 --seconds 30 --soak 600

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

lighthouse: setup
	$(PY) bench/lighthouse.py
