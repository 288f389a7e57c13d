# Paris 16 Shopping. The README's two commands: `make run`, then `make test`.
PYTHON := .venv/bin/python
PYTEST_ARGS ?=

.PHONY: install run test bench platform-check

install: .venv/.installed

.venv/.installed: requirements/lock.txt ops/install.sh
	bash ops/install.sh

run: install
	$(PYTHON) -m ops.launcher run

test: install
	$(PYTHON) -m ops.launcher test $(PYTEST_ARGS)

bench: install
	$(PYTHON) -m bench.run

# Saleor's own upstream suite on our platform: SALEOR_SRC=<saleor/saleor tag 2.10.1 tree>.
platform-check: install
	bash ops/platform_check.sh
