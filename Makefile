# Two commands set everything up: `make run` and `make test`.
# The Dockerfile runs the same steps (install, collectstatic, gunicorn).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Moderation emails, canonical links and the printed admin address follow
# the port actually served (`make run PORT=8100`).
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test lint format check messages install install-dev install-node migrate demo admin serve audit bench bench-signup prod-check bench-send bench-bakerydemo clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# Test-only Node tools (axe-core, the Nu Html Checker, Lighthouse): the site
# itself has no Node build step.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-node: node_modules/.installed

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_content

admin: migrate
	$(MANAGE) ensure_admin

## make run: install, migrate, load the demo, make an admin, serve on SQLite.
run: demo admin
	$(MANAGE) runserver $(HOST):$(PORT)

## make test: install the dev tools and run the whole suite (SQLite, or
## PostgreSQL when DATABASE_URL is set), browser tests included: they need
## Debian's Chromium and Java, and skip without them unless REQUIRE_BROWSER=1.
## In parallel, one worker per core (pytest.ini); PYTEST_ARGS="-n 0" runs serially.
test: install-dev install-node
	$(BIN)/pytest $(PYTEST_ARGS)

## make audit: pip-audit on the requirements, bandit -ll on the code, and
## every runtime requirement on the newest patch of its minor line.
audit: install-dev
	$(BIN)/python -m tests.proof.audit
	$(BIN)/python -m tests.proof.freshness

## make bench: one table of queries, render time, throughput, bytes and
## Lighthouse scores per page type (see bench/README.md). Not part of `test`.
bench: install-dev install-node
	$(BIN)/python -m bench.run $(BENCH_ARGS)

## make bench-signup: 50 concurrent sign-ups for 30 s against gunicorn and
## PostgreSQL (DATABASE_URL, or a throwaway local database).
bench-signup: install-dev
	$(BIN)/python -m bench.signup $(BENCH_ARGS)

## make bench-send: one newsletter issue to 10,000 subscribers through a
## local SMTP sink and a real db_worker, killed once mid-send (bench/send.py).
bench-send: install-dev
	$(BIN)/python -m bench.send $(BENCH_ARGS)

## make bench-bakerydemo: uncached renders beside wagtail/bakerydemo's, both
## served at once (issue 16: the campaign page at least 2x its blog post).
bench-bakerydemo: install-dev
	$(BIN)/python -m bench.bakerydemo $(BENCH_ARGS)

## make prod-check: the production topology on this machine (Caddy, gunicorn,
## db_worker, PostgreSQL, a Redis of its own on 6391, moto's S3) checked in
## Chromium over https; see deploy/README.md. Needs caddy, redis-server,
## PostgreSQL on 127.0.0.1 and Debian's Chromium. Not part of `test`.
prod-check: install-dev
	$(BIN)/python -m deploy.check

## make lint: ruff, and the import contracts of .importlinter (the layers).
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make messages: extract every app's strings into its own catalogues (the
## templates of mysite/ into mysite/locale), drop the messages the code no
## longer has, and compile. tests/core/test_catalogues.py fails until this is
## run and every new message is translated.
LANGUAGES_TRANSLATED := fr es ar zh_Hans
messages: install-dev
	DJANGO_SETTINGS_MODULE=mysite.settings.test $(MANAGE) makemessages --no-obsolete \
		$(addprefix -l ,$(LANGUAGES_TRANSLATED)) \
		-i tests -i bench -i deploy -i docs -i node_modules -i staticfiles -i media \
		-i screenshots -i test-results
	DJANGO_SETTINGS_MODULE=mysite.settings.test $(MANAGE) compilemessages \
		$(addprefix -l ,$(LANGUAGES_TRANSLATED)) -i '.*' -i node_modules

## make check: Django's system checks and the missing-migrations check.
check: install-dev
	DJANGO_SETTINGS_MODULE=mysite.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=mysite.settings.test $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles node_modules

## make screenshots: phone (412 px) and desktop (1366 px) screenshots of every
## public page type and the pattern library, per language, in screenshots/.
screenshots: install-dev
	$(BIN)/python -m tests.browser.screenshots
