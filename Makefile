# VIF learning library. `make` (or `make help`) lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
SCENARIO ?= all
INTEGRATION_DB ?= postgres://postgres@127.0.0.1:5432/vif_test
# Its db n holds the run's queue; the test processes cache in n+1 and n+2 (settings/test.py), so
# a run beside this one needs a db at least 3 away (prod-smoke uses 14, the benchmarks 15).
INTEGRATION_REDIS ?= redis://127.0.0.1:6379/0
export PLAYWRIGHT_CHROMIUM_EXECUTABLE ?= /usr/bin/chromium

.PHONY: help run test test-fast test-integration prod-smoke lint format check worker bench install install-dev lock messages makemessages clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-18s %s\n", $$1, $$2}'

# Two installs into the same .venv, each remembered by a marker: production's (requirements.lock:
# no test tools) and development's (requirements-dev.lock: production's pins plus the test and
# lint tools). The dev marker also stands for production's set, so `make run` after `make test`
# installs nothing; a production install after a dev one removes the dev marker (pip-sync is not
# used, so the test tools stay installed but are no longer vouched for).
$(BIN)/.installed: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	rm -f $(BIN)/.installed-dev
	touch $@

$(BIN)/.installed-dev: requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(BIN)/.installed $@

install: ## Create the virtualenv and install the production dependencies (requirements.lock)
	@if [ ! -f $(BIN)/.installed-dev ] || [ requirements.lock -nt $(BIN)/.installed-dev ]; then \
		$(MAKE) -s --no-print-directory $(BIN)/.installed; fi

install-dev: $(BIN)/.installed-dev ## Install production plus the test and lint tools (requirements-dev.lock)

# scorm-again, the independent SCORM 1.2 runtime in which tests/courses/standards/test_scorm_again.py
# plays every exported SCO: from npm with Debian's node, pinned by its package-lock.json.
SCORM_RUNTIME := tests/courses/standards/runtime
$(SCORM_RUNTIME)/node_modules/.installed: $(SCORM_RUNTIME)/package-lock.json
	@command -v npm >/dev/null || { echo "The SCORM runtime test needs Debian's node and npm: apt-get install nodejs npm"; exit 1; }
	npm ci --prefix $(SCORM_RUNTIME) --no-audit --no-fund --loglevel=error
	touch $@

# pip-tools runs from its own virtualenv (.venv-lock), so neither install needs it. Existing pins
# are kept (pip-compile prefers the versions already in the output file); to move one package:
# make lock LOCK_ARGS="--upgrade-package wagtail", everything: LOCK_ARGS=--upgrade.
LOCK_VENV := .venv-lock
LOCK_ARGS ?=
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock: ## Re-resolve requirements*.in into requirements.lock and requirements-dev.lock (with hashes)
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && \
		$(LOCK_VENV)/bin/pip install --quiet "pip-tools==7.7.0"; }
	$(PIP_COMPILE) -o requirements.lock requirements.in
	$(PIP_COMPILE) -o requirements-dev.lock requirements-dev.in

messages: install ## Compile the translations (.po -> .mo; the compiled .mo files are also committed)
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --ignore '.venv' -v0; \
	else echo "note: gettext's msgfmt is missing; using the committed .mo files"; fi

makemessages: install ## Extract UI strings into the nl/fr/en .po files
	$(MANAGE) makemessages -l nl -l fr -l en --ignore '.venv' --ignore 'var' --ignore 'tests' --no-obsolete

# Links that leave the site (mails, feeds, the attest's QR code) name the address served here.
run: export SITE_URL = http://$(HOST):$(PORT)
run: install messages ## Set up the embedded default (SQLite, local files), seed the demo, serve
	@for tool in ffmpeg espeak-ng; do command -v $$tool >/dev/null || { echo "The demo's recordings need $$tool: apt-get install ffmpeg espeak-ng"; exit 1; }; done
	mkdir -p var/uploads
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) seed_demo
	$(MANAGE) search_rebuild -v0
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-dev messages $(SCORM_RUNTIME)/node_modules/.installed ## Run the whole test suite on the embedded default (SQLite), browsers included
	@command -v chromium >/dev/null || echo "note: Debian's chromium is missing; browser tests will fail (apt-get install chromium)"
	@command -v espeak-ng >/dev/null || echo "note: espeak-ng is missing; the demo tests will fail (apt-get install espeak-ng)"
	@ldconfig -p | grep -q libical.so.3 || echo "note: libical is missing; the calendar tests will fail (apt-get install libical3)"
	$(BIN)/pytest -n 2 --dist loadfile

test-fast: install-dev messages ## Run the suite on SQLite without the browser tier (tests/e2e, tests marked e2e)
	$(BIN)/pytest -n 2 --dist loadfile -m "not e2e" --ignore=tests/e2e

test-integration: install-dev messages $(SCORM_RUNTIME)/node_modules/.installed ## Run the suite against PostgreSQL and Redis with a real Celery worker
	$(PY) -m tests.integration_db $(INTEGRATION_DB)
	DATABASE_URL=$(INTEGRATION_DB) REDIS_URL=$(INTEGRATION_REDIS) CELERY_BROKER_URL=$(INTEGRATION_REDIS) \
		$(BIN)/pytest -n 2 --dist loadfile

prod-smoke: install-dev messages ## Start the production shape (nginx+TLS, gunicorn, Celery worker and beat, PostgreSQL, Redis) on 127.0.0.1, smoke-test it through nginx, stop it
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { echo "prod-smoke needs Debian's nginx: apt-get install nginx-light"; exit 1; }
	$(PY) -m tests.prod_smoke

lint: install-dev ## ruff check, ruff format --check, and the import layers (import-linter contracts in pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev ## Format and fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install ## Django system checks, production deploy checks, migrations check
	$(MANAGE) check
	DJANGO_SETTINGS_MODULE=settings.production DJANGO_SECRET_KEY=$$(printf 'x%.0s' {1..64})check-only \
		SITE_URL=https://leren.example.be $(MANAGE) check --deploy --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

worker: install ## Run a Celery worker (needs REDIS_URL / CELERY_BROKER_URL)
	DJANGO_SETTINGS_MODULE=settings.dev $(BIN)/celery -A elearning worker -l info

bench: install-dev messages ## Measure the performance budgets (SCENARIO=pages|... or all)
	$(PY) -m tests.benchmarks.run $(SCENARIO)

clean: ## Remove runtime data (database, uploads, caches) under var/
	rm -rf var
