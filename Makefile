# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_PLAN ?= samples/oak-house.geojson
OUT    ?= out

.PHONY: fuzz demo test lint typecheck bench bench-quick docs clean wheel-check realcheck holdout holdout2 holdout3 holdout4 holdout5 holdout6 holdout7 holdout8

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# (the distribution was called "floorplan" before it became "floorplan-check": an old
# install of it in this venv is removed, so one distribution owns the package)
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	-$(BIN)/python -m pip uninstall --quiet --yes floorplan 2>/dev/null
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	-$(BIN)/python -m pip uninstall --quiet --yes floorplan 2>/dev/null
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	mkdir -p $(OUT)
	$(BIN)/floorplan check $(DEMO_PLAN) --format text; test $$? -le 1
	$(BIN)/floorplan check $(DEMO_PLAN) --format json --output $(OUT)/oak-house.json --image $(OUT)/oak-house.png; test $$? -le 1
	@echo "JSON report: $(OUT)/oak-house.json   marked-up plan: $(OUT)/oak-house.png"
	@echo "Now run floorplan yourself: '. $(BIN)/activate' then 'floorplan --help' (or '$(BIN)/floorplan --help')"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

# ruff, and mypy over the package (it ships py.typed): both must stay clean
lint: $(VENV)/.installed-test
	$(BIN)/ruff check floorplan tests benchmarks samples
	$(BIN)/mypy

# the real-drawing scorecard (issue 10): rebuild tests/data/real/files/ from the fetched
# snapshots where they are on this machine, then score every drawing present
realcheck: $(VENV)/.installed-test
	-$(BIN)/python tests/data/real/extract.py
	$(BIN)/python tests/realcheck.py

# the holdout (tests/data/holdout/README.md): drawings outside the corpus, never committed;
# rebuild tests/data/holdout/files/ from the mirror where it is on this machine, then score
holdout: $(VENV)/.installed-test
	-$(BIN)/python tests/data/real/extract.py --expected tests/data/holdout/expected.toml \
		--into tests/data/holdout/files
	$(BIN)/python tests/realcheck.py --holdout -v

# the later holdouts, each tests/data/holdoutN/ with its README.md (where its drawings come from),
# SELECTION.md (the rule that chose them, written down first, from holdout3 on) and expected.toml
# (read by hand before the reader was run on them); each scored the same way
HOLDOUTS := holdout2 holdout3 holdout4 holdout5 holdout6 holdout7 holdout8
$(HOLDOUTS): holdout%: $(VENV)/.installed-test
	-$(BIN)/python tests/data/real/extract.py --expected tests/data/holdout$*/expected.toml \
		--into tests/data/holdout$*/files
	$(BIN)/python tests/realcheck.py --expected tests/data/holdout$*/expected.toml -v

# the benchmark (docs/performance.md): interleaved pairs, CPU time; nice: the machine is shared
bench: $(VENV)/.installed
	nice $(BIN)/python benchmarks/run.py

bench-quick: $(VENV)/.installed
	nice $(BIN)/python benchmarks/run.py --quick

# the wheel as a user gets it: built, installed into a fresh venv outside the source tree,
# and run on a sample copied elsewhere (so nothing is found through the checkout)
wheel-check: $(VENV)/.installed-test
	sh .ci/wheel-check.sh $(BIN)/python

clean:
	rm -rf $(OUT) build dist *.egg-info

# the readers under fuzzing, FUZZ_SECONDS each (tests/fuzz.py); nice: the machine is shared
FUZZ_SECONDS ?= 600
fuzz: $(VENV)/.installed-test
	FLOORPLAN_FUZZ_SECONDS=$(FUZZ_SECONDS) nice $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_fuzz.py
