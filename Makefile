# Two commands do all the set-up on a fresh machine (Python 3.11+, Java 17, Maven):
#   make run    install, start the local Neo4j, migrate, load the demo district and serve
#   make test   install and run the whole test suite against a real Neo4j
# Both install the exact versions (and hashes) in requirements.lock; `make lock` updates it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
RUNTIME_LOCK := requirements-runtime.lock
# The locks are resolved for every platform and Python the project supports, with every file's
# hash, so that a fresh machine installs what CI tested. The runtime lock (the image's) is the
# same versions without the test and dev tools.
UV_COMPILE := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
	--generate-hashes --quiet

.PHONY: run test lint format schema schemas bench db-stop clean lock lock-upgrade vendor
HOUSEHOLDS ?= 10000 100000

# The locked dependencies first (hashes required), then the project itself without resolving
# anything; `pip check` fails when pyproject.toml asks for something the lock does not hold
# (run `make lock`).
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

# After changing dependencies in pyproject.toml: keeps every pin that still fits.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv>=0.5'
	$(UV_COMPILE) --extra dev --output-file $(LOCK)
	$(UV_COMPILE) --constraint $(LOCK) --output-file $(RUNTIME_LOCK)

# Moves every dependency to its newest version allowed by pyproject.toml.
lock-upgrade:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv>=0.5'
	$(UV_COMPILE) --extra dev --upgrade --output-file $(LOCK)
	$(UV_COMPILE) --constraint $(LOCK) --output-file $(RUNTIME_LOCK)

run: $(STAMP)
	$(BIN)/graph-service serve --demo

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: $(STAMP)
	$(BIN)/strawberry export-schema graph_service.graphql.schema:schema --output schema.graphql

# Refetches the browser libraries the pages ship (pinned in graph_service/web/vendor.py) from
# the npm registry, checked against its integrity hashes, with their licences; records each
# file's sha256 in graph_service/web/static/vendor/manifest.json.
vendor: $(STAMP)
	$(BIN)/python -m graph_service.web.vendor

# The JSON Schemas of the access policy and reference data files, from their models.
schemas: $(STAMP)
	$(BIN)/graph-service policy schemas --out docs/schemas

bench: $(STAMP)
	$(BIN)/python -m bench.run --households $(HOUSEHOLDS)

db-stop: $(STAMP)
	$(BIN)/graph-service db stop

clean:
	rm -rf $(VENV) .graph-service .pytest_cache .mypy_cache .ruff_cache
