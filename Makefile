# Two commands do all the set-up on a fresh machine (Python 3.11+, Java 17, Maven):
#   make run    install, start the local Neo4j, migrate, load the demo district and serve
#   make test   install and run the whole test suite against a real Neo4j
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format schema bench db-stop clean
HOUSEHOLDS ?= 10000 100000

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

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

bench: $(STAMP)
	$(BIN)/python -m bench.run --households $(HOUSEHOLDS)

db-stop: $(STAMP)
	$(BIN)/graph-service db stop

clean:
	rm -rf $(VENV) .graph-service .pytest_cache .mypy_cache .ruff_cache
