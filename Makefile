# Two commands on a fresh machine:  `make demo`  and  `make test`.
# Each creates .venv itself, installing the pinned dependency tree in requirements.lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
SEED   := ../shared/seed/000_762bebefbf6e6e89.txt

.PHONY: demo test lint unit venv dev lock schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(PIP) install -c requirements.lock -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(PIP) install -c requirements.lock -e '.[dev]'
	touch $@

venv: $(VENV)/.installed
dev: $(VENV)/.dev-installed

demo: venv
	$(BIN)/newsdesk extract src/newsdesk/examples/harbour_strike.txt src/newsdesk/examples/city_budget.html

test: dev lint unit

lint: dev
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard bench)
	$(BIN)/mypy

unit: dev
	$(BIN)/pytest

schema: venv
	$(BIN)/newsdesk schema -o src/newsdesk/schema/article.schema.json

lock: venv
	$(BIN)/python -m pip freeze --exclude-editable | sort -f > requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
