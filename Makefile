# Two commands on a fresh machine:  `make demo`  and  `make test`.
# Each creates .venv itself, installing the pinned dependency tree in requirements.lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
SEED   := ../shared/seed/000_762bebefbf6e6e89.txt

.PHONY: demo test lint unit venv dev browser postgres lock schema clean

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

# Debian's Chromium for the web desk's end-to-end tests: Playwright drives this binary and
# never downloads a browser of its own. Installed only when missing.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get -o DPkg::Lock::Timeout=600 update -qq
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium fonts-liberation
browser: $(CHROMIUM)

# Debian's PostgreSQL server for the store tests: tests/conftest.py runs initdb and pg_ctl
# from /usr/lib/postgresql/*/bin on 127.0.0.1 itself. Installed only when missing.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  apt-get -o DPkg::Lock::Timeout=600 update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends postgresql; }

demo: venv
	$(BIN)/newsdesk extract src/newsdesk/examples/harbour_strike.txt src/newsdesk/examples/city_budget.html src/newsdesk/examples/river_aid.txt
	$(BIN)/newsdesk alerts add floods --query "flood" --replace --db newsdesk.db
	$(BIN)/newsdesk ingest src/newsdesk/examples --db newsdesk.db
	$(BIN)/newsdesk speakers --db newsdesk.db --limit 5
	$(BIN)/newsdesk alerts list --db newsdesk.db
	@echo "The web desk on http://127.0.0.1:8000/ (Ctrl-C stops it)"
	$(BIN)/newsdesk serve --host 127.0.0.1 --port 8000

test: dev lint unit

lint: dev
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard bench)
	$(BIN)/mypy

unit: dev browser postgres
	$(BIN)/pytest

schema: venv
	$(BIN)/newsdesk schema -o src/newsdesk/schema/article.schema.json

lock: venv
	$(BIN)/python -m pip freeze --exclude-editable | sort -f > requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
