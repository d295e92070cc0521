# The two commands the README gives: `make run` (set up, build the sample graph, query it)
# and `make test` (set up with the test services' dependencies, run the tests and ruff).
VENV ?= .venv
PY := $(VENV)/bin/python
STORE ?= policykg-store

.PHONY: setup run test test-deps lint

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

run: setup
	$(VENV)/bin/policykg build samples/ --store $(STORE)
	$(VENV)/bin/policykg query --name most-cited-documents --store $(STORE)

test-deps: setup
	scripts/install-test-deps

lint: setup
	$(VENV)/bin/ruff check .

test: test-deps lint
	$(PY) -m pytest
