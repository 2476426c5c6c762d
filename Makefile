# Every target makes its own virtual environment, so `make demo` and
# `make test` work on a fresh machine with only Python 3.11 and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install test demo bench fuzz score lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# compat: a plain path in a .pth file; the default editable finder costs zhnorm --help 10 ms
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]' --config-settings editable_mode=compat \
		|| $(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

demo: $(STAMP)
	mkdir -p out
	$(BIN)/zhnorm run seeds/ -o out/articles.jsonl
	$(BIN)/zhnorm show out/articles.jsonl

score: $(STAMP)
	$(BIN)/python scripts/score_dev.py

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_hardening.py -k "raises or idempotent" \
		-p no:cacheprovider --hypothesis-show-statistics -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

lint: $(STAMP)
	$(BIN)/ruff check normalize cli tests scripts

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis .bench
