# Two commands on a fresh machine:  make run   (set up and start on the embedded SQLite)
#                                   make test  (the whole suite; .ci/run calls exactly this)
# For an office (every core, behind nginx):  make serve
# README.md documents both; tests/unit/test_readme.py checks that it names only targets and commands that exist.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
PORT    ?= 8501
# make serve: nginx's port, the first replica's port, and the number of replicas (empty: one per core).
SERVE_PORT   ?= 8080
REPLICA_PORT ?= 8601
REPLICAS     ?=
export TPPO_GEO_DIR ?= $(abspath ../shared/geo)
export TPPO_REFERENCE_DIR ?= $(abspath ../shared/reference)

.PHONY: setup run serve test test-packages test-deep bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py vendor-assets
	$(BIN)/python manage.py init-demo

run: setup
	$(BIN)/streamlit run serve.py --server.port $(PORT)

# One replica per core (REPLICAS=N overrides) on 127.0.0.1:$(REPLICA_PORT).., behind nginx on :$(SERVE_PORT) with the
# configuration of deploy/nginx (tools/serve_replicas.py; docs/DEPLOYMENT.md). Ctrl-C stops everything: the
# launcher's 130 is the normal way out, so make does not add an error line of its own.
serve: setup
	$(BIN)/python tools/serve_replicas.py --port $(SERVE_PORT) --base-port $(REPLICA_PORT) \
		$(if $(REPLICAS),--replicas $(REPLICAS)) || [ $$? -eq 130 ]

# Everything but the browser tests on both cores, then the Chromium tests (one server and browser for the session;
# two workers, each with its own server and browser, were slower on two cores: 8 min 37 s against ~7.5 min).
# worksteal: an idle worker takes tests from the busy one, so a few long AppTest/CLI cases do not leave one core
# idle at the end. The 15 slowest tests are listed, so a new slow test is noticed. Quick local loop:
# `pytest -m "not browser and not slow"`.
test: test-packages $(VENV)/.installed
	$(BIN)/python manage.py vendor-assets
	$(BIN)/python -m pytest -q -n 2 --dist worksteal --durations=15 -m "not browser"
	$(BIN)/python -m pytest -q --durations=5 -m browser

# The Debian programs the tests drive (Chromium, LibreOffice Impress, Ghostscript, nginx), before any test runs:
# missing ones are installed with apt-get when make runs as root on a machine with apt (CI); otherwise make stops
# here with one sentence naming the apt-get command. TPPO_NO_INSTALL=1 only checks.
test-packages:
	@$(PY) tools/ensure_test_packages.py

# The generative test of issue 22 with many random draws (tests/app/test_sentences.py; `make test` runs a fixed set).
test-deep: $(VENV)/.installed
	TPPO_HYPOTHESIS_PROFILE=deep $(BIN)/python -m pytest -q -n 2 -p no:cacheprovider tests/app/test_sentences.py

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf var static/vendor test-artifacts bench/results
