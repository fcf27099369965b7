# Cities Exchange: `make run` starts the platform with demo content, `make test` runs
# every test. `make help` lists the other targets.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
INSTALLED := $(VENV)/.installed
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -q

TEST_OPENSEARCH_PORT ?= 9250
TEST_OPENSEARCH_HOME := var/opensearch/node-test
RUN_ADDRESS ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help install run stop test lint system-packages messages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(INSTALLED) ## Create the virtualenv and install the project with its dev tools

# Debian packages the tests need: Chromium for the browser tests, gettext to compile
# the interface translations. Installed only when missing.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -q && $(APT_INSTALL) $$missing; \
	fi

messages: install ## Compile the French and Spanish interface translations
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v 0

run: install messages ## Start OpenSearch, prepare the database and demo content, serve on http://127.0.0.1:8000
	$(MANAGE) opensearch start
	$(MANAGE) migrate --no-input -v 1
	$(MANAGE) setup_site
	@test ! -f var/admin-login.txt || { echo "Admin login (http://$(RUN_ADDRESS)/admin/):"; cat var/admin-login.txt; }
	$(MANAGE) runserver $(RUN_ADDRESS)

stop: install ## Stop the development OpenSearch node
	$(MANAGE) opensearch stop

# The whole suite runs against its own OpenSearch node (own port and data folder),
# which is stopped afterwards whatever the outcome.
test: install system-packages messages ## Run every test (unit, OpenSearch, browser)
	$(MANAGE) opensearch start --port $(TEST_OPENSEARCH_PORT) --home $(TEST_OPENSEARCH_HOME)
	@status=0; \
	OPENSEARCH_URL=http://127.0.0.1:$(TEST_OPENSEARCH_PORT) $(VENV)/bin/pytest $(PYTEST_ARGS) || status=$$?; \
	$(MANAGE) opensearch stop --port $(TEST_OPENSEARCH_PORT) --home $(TEST_OPENSEARCH_HOME); \
	exit $$status

lint: install ## Lint Python (ruff) and templates (djLint)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
