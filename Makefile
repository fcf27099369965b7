# Cities Exchange: `make run` starts the platform with demo content, `make test` runs
# every test. `make help` lists the other targets.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
INSTALLED := $(VENV)/.installed
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -q

TEST_OPENSEARCH_PORT ?= 9250
# make test-cluster: a cluster of this many nodes on consecutive HTTP ports from this one.
TEST_CLUSTER_PORT ?= 9260
TEST_CLUSTER_NODES ?= 3
RUN_ADDRESS ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help install run stop test test-cluster lint bench bench-pages chromium messages catalogs

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml package.json
	@# Debian splits venv support out of its Python packages.
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { apt-get update -q && $(APT_INSTALL) python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@# The map's world outline and the accessibility checker come from npm.
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(INSTALLED) ## Create the virtualenv and install the project with its dev tools

# Debian's Chromium drives the browser tests; installed only when missing.
chromium:
	@command -v chromium >/dev/null || { apt-get update -q && $(APT_INSTALL) chromium; }

messages: install ## Compile the French and Spanish interface translations (installs gettext when missing)
	@command -v msgfmt >/dev/null || { apt-get update -q && $(APT_INSTALL) gettext; }
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v 0

catalogs: install ## Refresh the fr/es catalogs after changing interface strings (then translate what is new)
	$(MANAGE) makemessages -l fr -l es --ignore=.venv --ignore=var --ignore=node_modules --no-obsolete --no-location

run: install messages ## Start OpenSearch, migrate, load the demo, build the index, serve on http://127.0.0.1:8000 with the index worker
	$(MANAGE) opensearch start
	$(MANAGE) migrate --no-input -v 1
	$(MANAGE) load_demo
	$(MANAGE) search_index rebuild
	@# The index worker runs beside the server and stops with it.
	$(MANAGE) search_index work & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	$(MANAGE) runserver $(RUN_ADDRESS)

stop: install ## Stop the development OpenSearch node
	$(MANAGE) opensearch stop

# The whole suite runs against its own OpenSearch node (own port and data folder),
# which is stopped afterwards whatever the outcome.
test: install chromium messages ## Run every test (unit, OpenSearch, browser)
	$(MANAGE) opensearch start --port $(TEST_OPENSEARCH_PORT)
	@status=0; \
	OPENSEARCH_URL=http://127.0.0.1:$(TEST_OPENSEARCH_PORT) $(VENV)/bin/pytest $(PYTEST_ARGS) || status=$$?; \
	$(MANAGE) opensearch stop --port $(TEST_OPENSEARCH_PORT); \
	exit $$status

# The tests marked `cluster` (deselected by `make test`) against a cluster of their
# own, with a replica of every shard; the cluster is stopped whatever the outcome.
test-cluster: install messages ## Run the tests that kill a node of a 3-node OpenSearch cluster (ports 9260-9262)
	$(MANAGE) opensearch start --nodes $(TEST_CLUSTER_NODES) --port $(TEST_CLUSTER_PORT) --timeout 300
	@status=0; \
	url=$$(seq -s, -f 'http://127.0.0.1:%g' $(TEST_CLUSTER_PORT) $$(($(TEST_CLUSTER_PORT) + $(TEST_CLUSTER_NODES) - 1))); \
	OPENSEARCH_URL=$$url $(VENV)/bin/pytest -m cluster $(PYTEST_ARGS) || status=$$?; \
	$(MANAGE) opensearch stop --nodes $(TEST_CLUSTER_NODES) --port $(TEST_CLUSTER_PORT); \
	exit $$status

lint: install ## Lint Python (ruff) and templates (djLint)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint

bench: install ## Print search latency (10,000 and 100,000 documents) and the rebuild rate
	$(MANAGE) opensearch start
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo -v 0
	$(PY) bench/search_bench.py

bench-pages: install ## Print p50/p95 server time of the home, search, case and spotlight pages per language (BENCH_REQUESTS)
	$(PY) bench/pages_bench.py
