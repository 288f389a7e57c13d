# Paris 16 Shopping. The README's two commands: `make run`, then `make test`.
PYTHON := .venv/bin/python
PYTEST_ARGS ?=

.PHONY: install run test bench

install: .venv/.installed

.venv/.installed: requirements/lock.txt ops/install.sh
	bash ops/install.sh

run: install
	$(PYTHON) -m ops.launcher run

test: install
	$(PYTHON) -m ops.launcher test $(PYTEST_ARGS)

bench: install
	$(PYTHON) -m bench.run
