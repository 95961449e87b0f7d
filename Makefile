# Two commands set everything up: `make run` and `make test`.
# The Dockerfile runs the same steps (install, collectstatic, gunicorn).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format check install install-dev migrate demo admin serve bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

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
## PostgreSQL when DATABASE_URL is set).
test: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make check: Django's system checks and the missing-migrations check.
check: install-dev
	DJANGO_SETTINGS_MODULE=mysite.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=mysite.settings.test $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles
