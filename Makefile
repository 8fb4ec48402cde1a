# Everyday tasks. `make setup` once; then `make test`, `make lint`, `make bench`, `make goldens`.
PY ?= .venv/bin/python

.PHONY: setup test lint bench goldens

setup:
	python3 -m venv .venv && .venv/bin/pip install -e ".[dev]"

test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check drafter tests benchmarks && $(PY) -m mypy

bench:
	$(PY) benchmarks/render_startup.py 10
	$(PY) benchmarks/mine_speed.py
	$(PY) benchmarks/score_miner.py
	$(PY) benchmarks/watch_latency.py
	$(PY) benchmarks/chachong.py
	$(PY) benchmarks/typo_speed.py

# Rewrites tests/golden from the current renderer: read every diff before committing.
goldens:
	$(PY) -m pytest tests/test_golden.py tests/test_meeting_pack.py --update-goldens
	git diff --stat tests/golden
