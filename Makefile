# Doorbraakwijzer — twee opdrachten voor nieuwkomers:
#   make serve   installeren, handboek bouwen en starten op http://127.0.0.1:8000/
#   make test    installeren (met testhulpmiddelen) en alle tests draaien
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test book book-strikt bench clean help

help:
	@echo "make serve   - handboek met rekenhulpen op http://$(HOST):$(PORT)/"
	@echo "make test    - alle tests (ook in de browser)"
	@echo "make book    - alleen het handboek bouwen"
	@echo "make bench   - metingen (snelheid, belasting), schrijft bench/RESULTS.md"

# Install only on first run or when the requirements change.
$(VENV)/.geinstalleerd: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test-geinstalleerd: $(VENV)/.geinstalleerd requirements-test.txt package.json package-lock.json
	$(PY) -m pip install --quiet -r requirements-test.txt
	@command -v chromium >/dev/null || command -v /usr/bin/chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium libpango-1.0-0 libpangoft2-1.0-0; \
	  else echo "Installeer Chromium: sudo apt-get install chromium"; exit 1; fi; }
	npm ci --no-fund --no-audit --silent
	@touch $@

# Generated pages (one per case) are written before the book is built.
book: $(VENV)/.geinstalleerd
	$(PY) -m calculators.bouw
	$(VENV)/bin/jupyter-book build . --quiet

book-strikt: $(VENV)/.geinstalleerd
	$(PY) -m calculators.bouw
	$(VENV)/bin/jupyter-book build . -W -n --keep-going --quiet

serve: book
	$(PY) -m calculators.server --port $(PORT) --host $(HOST)

test: $(VENV)/.test-geinstalleerd
	$(PY) -m pytest

bench: $(VENV)/.test-geinstalleerd
	$(PY) -m bench

clean:
	rm -rf _build book/inspiratie/casussen
