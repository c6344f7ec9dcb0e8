# Baspasoz: one entry point for running and testing the press site.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
REDIS_TEST_URL ?= redis://127.0.0.1:6379/0

.PHONY: help install vendor run test lint format check migrations-check messages static test-sqlite test-services test-passes test-browser

help: ## Show the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the project with its dev tools

messages: install ## Compile the .po translations
	@command -v msgfmt >/dev/null || scripts/apt-install.sh gettext
	$(MANAGE) compilemessages --ignore=.venv -v 0

#: Browser libraries from the npm registry, pinned in package-lock.json, served from static/vendor/.
VENDOR_NCALAYER := static/vendor/ncalayer-js-client

vendor: ## Install the pinned browser libraries (npm ci) and copy them with their licences into static/vendor/
	@command -v npm >/dev/null || { echo "npm is required (Node.js 18 or newer)"; exit 1; }
	@test -d node_modules/ncalayer-js-client || npm ci --ignore-scripts --no-audit --no-fund
	@mkdir -p $(VENDOR_NCALAYER)
	cp node_modules/ncalayer-js-client/ncalayer-client.js node_modules/ncalayer-js-client/LICENSE $(VENDOR_NCALAYER)/

static: install vendor ## Collect static files for whitenoise
	$(MANAGE) collectstatic --noinput -v 0

run: install messages static ## Migrate, seed the demo once, and serve the site with its worker on :8000
	$(MANAGE) migrate --noinput
	@mkdir -p var
	@test -f var/.demo-seeded || { $(MANAGE) seed_demo && touch var/.demo-seeded; }
	scripts/serve-dev.sh

lint: install ## Ruff lint and format check, djhtml on templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	git ls-files -z -- '*.py' | xargs -0 $(BIN)/django-upgrade --target-version 5.2
	$(BIN)/djhtml --check templates

format: install ## Apply ruff fixes and formatting, djhtml on templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check: install ## Django system checks, including production's --deploy checks
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-enough-value-for-the-deploy-check \
	ALLOWED_HOSTS=press.example.kz DATABASE_URL=sqlite:///var/deploy-check.sqlite3 \
	WAGTAILADMIN_BASE_URL=https://press.example.kz \
	DJANGO_SETTINGS_MODULE=cms.settings.production $(MANAGE) check --deploy --fail-level WARNING

migrations-check: install ## Fail if models changed without a migration
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

test-sqlite: install messages
	$(BIN)/pytest -m "not browser" -p no:cacheprovider

test-services: install messages
	@if scripts/services-ready.sh; then \
		echo "== tests on PostgreSQL + Redis =="; \
		DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) $(BIN)/pytest -m "not browser" -p no:cacheprovider; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL or Redis is not reachable, and CI=true: failing"; exit 1; \
	else \
		echo "PostgreSQL or Redis is not reachable: skipping the second run (it is required in CI)"; \
	fi

test-passes: install messages ## Both database passes at once: SQLite, and PostgreSQL + Redis
	PG_URL=$(PG_URL) REDIS_TEST_URL=$(REDIS_TEST_URL) scripts/test-passes.sh

test-browser: install messages
	@scripts/ensure-browser.sh
	$(BIN)/pytest tests/browser -m browser -p no:cacheprovider

test: lint check migrations-check test-passes test-browser ## Lint, checks and every test: SQLite, PostgreSQL + Redis, browser
