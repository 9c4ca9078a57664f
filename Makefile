# Doorbraakwijzer — twee opdrachten voor nieuwkomers:
#   make serve   installeren, handboek bouwen en starten op http://127.0.0.1:8000/
#   make test    installeren (met testhulpmiddelen) en alle tests draaien
# Stil: één regel per stap. Alles zien? make serve VERBOSE=1
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
VERBOSE ?=
export PYTHONDONTWRITEBYTECODE := 1

# Debian packages the project needs at run time (PDF print: pango) and for the tests (chromium).
APT_RUN := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
APT_TEST := chromium

ifeq ($(VERBOSE),)
  Q := @
  PIP_STIL := --quiet --disable-pip-version-check --no-warn-script-location
  LOG := >>$(VENV)/installatie.log 2>&1
  BOEK_STIL := --quiet
  BOUW_LOG := >$(VENV)/boek.log 2>&1 || { tail -40 $(VENV)/boek.log; exit 1; }
else
  Q :=
  PIP_STIL :=
  LOG :=
  BOEK_STIL :=
  BOUW_LOG :=
endif

.PHONY: serve test lint book book-strikt bench clean help

help:
	@echo "make serve   - handboek met rekenhulpen op http://$(HOST):$(PORT)/"
	@echo "make test    - alle tests (ook in de browser), ruff en mypy"
	@echo "make book    - alleen het handboek bouwen"
	@echo "make bench   - metingen (snelheid, belasting), schrijft bench/RESULTS.md"
	@echo "VERBOSE=1    - laat alle uitvoer zien"

# Install only on first run or when the requirements change.
$(VENV)/.geinstalleerd: requirements.txt pyproject.toml
	@echo "1/3 Installeren in $(VENV)/ (de eerste keer duurt dit een paar minuten; details in $(VENV)/installatie.log)"
	$(Q)test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(Q)bash scripts/systeempakketten.sh $(APT_RUN) $(LOG)
	$(Q)$(PY) -m pip install $(PIP_STIL) --upgrade pip $(LOG)
	$(Q)$(PY) -m pip install $(PIP_STIL) -r requirements.txt $(LOG) || { tail -30 $(VENV)/installatie.log; exit 1; }
	$(Q)touch $@

$(VENV)/.test-geinstalleerd: $(VENV)/.geinstalleerd requirements-test.txt package.json package-lock.json
	@echo "Testhulpmiddelen installeren (pytest, Chromium, axe-core)"
	$(Q)$(PY) -m pip install $(PIP_STIL) -r requirements-test.txt $(LOG) || { tail -30 $(VENV)/installatie.log; exit 1; }
	$(Q)bash scripts/systeempakketten.sh $(APT_TEST) $(LOG)
	$(Q)npm ci --no-fund --no-audit --silent $(LOG)
	$(Q)touch $@

# Generated pages (one per case) are written before the book is built.
book: $(VENV)/.geinstalleerd
	@echo "2/3 Het handboek bouwen"
	$(Q)$(PY) -m calculators.bouw
	$(Q)$(VENV)/bin/jupyter-book build . $(BOEK_STIL) $(BOUW_LOG)
	$(Q)test -f _build/html/index.html || { echo "Het handboek is niet gebouwd. Probeer: make book VERBOSE=1"; exit 1; }

book-strikt: $(VENV)/.geinstalleerd
	$(PY) -m calculators.bouw
	$(VENV)/bin/jupyter-book build . -W -n --keep-going --quiet

serve: book
	@echo "3/3 Starten"
	$(Q)$(PY) -m calculators.server --port $(PORT) --host $(HOST)

lint: $(VENV)/.test-geinstalleerd
	@echo "ruff en mypy"
	$(Q)$(VENV)/bin/ruff check calculators tests bench scripts
	$(Q)$(VENV)/bin/ruff format --check calculators tests bench scripts
	$(Q)$(VENV)/bin/mypy

test: $(VENV)/.test-geinstalleerd lint
	$(PY) -m pytest

bench: $(VENV)/.test-geinstalleerd
	$(PY) -m bench

clean:
	rm -rf _build book/inspiratie/casussen
