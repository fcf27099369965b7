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
RELEVANCE_OPENSEARCH_PORT ?= 9240
RELEVANCE_DIR := var/relevance
RUN_ADDRESS ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help install pdf-libs run stop test test-cluster lint bench bench-pages audit-pages relevance chromium redis nginx messages catalogs prod-packages prod-up prod-down load load-search load-search-nocache

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

install: pdf-libs $(INSTALLED) ## Create the virtualenv and install the project with its dev tools

# WeasyPrint lays out the PDF dossiers (shortlists/dossier.py) with Debian's Pango and
# HarfBuzz, and a font with the accents of every language; installed only when missing.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-libs:
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || { apt-get update -q && $(APT_INSTALL) $(PDF_PACKAGES); }

# Debian's Chromium drives the browser tests; installed only when missing.
chromium:
	@command -v chromium >/dev/null || { apt-get update -q && $(APT_INSTALL) chromium; }

# Debian's Redis: production's cache, which the multi-process rate-limit test also runs
# on (a server of its own, started and stopped by the test); installed only when missing.
redis:
	@command -v redis-server >/dev/null || { apt-get update -q && $(APT_INSTALL) redis-server; }

# Debian's nginx: the tests send documents and unreviewed uploads through the rendered site.
nginx:
	@command -v nginx >/dev/null || { apt-get update -q && $(APT_INSTALL) nginx; }

messages: install ## Compile the interface translations of every language in settings.LANGUAGES (installs gettext when missing)
	@command -v msgfmt >/dev/null || { apt-get update -q && $(APT_INSTALL) gettext; }
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v 0

catalogs: install ## Refresh (or start) the catalogs of settings.LANGUAGES after changing interface strings (then translate what is new)
	$(MANAGE) makemessages $(addprefix -l ,$(shell $(MANAGE) languages --translated)) --ignore=.venv --ignore=var --ignore=node_modules --no-obsolete --no-location

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
test: install chromium redis nginx messages ## Run every test (unit, OpenSearch, browser)
	$(MANAGE) opensearch start --port $(TEST_OPENSEARCH_PORT)
	@status=0; \
	OPENSEARCH_URL=http://127.0.0.1:$(TEST_OPENSEARCH_PORT) $(VENV)/bin/pytest $(PYTEST_ARGS) || status=$$?; \
	$(MANAGE) opensearch stop --port $(TEST_OPENSEARCH_PORT); \
	exit $$status

# The tests marked `cluster` (deselected by `make test`) against a cluster of their
# own, with a replica of every shard; the cluster is stopped whatever the outcome.
# CI runs it after the SQLite suite (.ci/run).
test-cluster: install messages ## Run the tests that kill a node of a 3-node OpenSearch cluster and bring it back (ports 9260-9262)
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

bench-pages: install ## Print p50/p95 server time of the home, search, case, city and spotlight pages per language, rendered and cached (BENCH_REQUESTS)
	$(PY) bench/pages_bench.py

audit-pages: install chromium ## Print Lighthouse's mobile scores and axe's serious/critical counts for home, search, case, city, expert, collection and insights in each language (a running site: `make run`, or AUDIT_URL)
	CHROME_PATH=$$(command -v chromium) $(PY) bench/audit_pages.py

# Each judged set gets a throwaway database under var/relevance/<set> and an index prefix
# of its own on a node of its own, so the figures never depend on what the development
# database holds and one set's content never answers the other's queries. With the node
# stopped, the independent set is scored once more through the database fallback (its
# "OpenSearch unavailable" warnings go to fallback.log).
# Long timeouts: a busy machine must make the run slower, not send a query to the fallback.
RELEVANCE_ENV = VAR_DIR=$(CURDIR)/$(RELEVANCE_DIR) DATABASE_URL=sqlite:///$(RELEVANCE_DIR)/$$set/db.sqlite3 \
	MEDIA_ROOT=$(RELEVANCE_DIR)/$$set/media OPENSEARCH_URL=http://127.0.0.1:$(RELEVANCE_OPENSEARCH_PORT) \
	OPENSEARCH_INDEX_PREFIX=relevance-$$set OPENSEARCH_TIMEOUT=60 OPENSEARCH_SEARCH_TIMEOUT=30
relevance: install ## Print nDCG@10 of both judged sets (demo-derived, independent), overall and per category (RECORD=1 re-records the baselines)
	rm -rf $(RELEVANCE_DIR) && mkdir -p $(RELEVANCE_DIR)/demo $(RELEVANCE_DIR)/independent
	$(MANAGE) opensearch start --port $(RELEVANCE_OPENSEARCH_PORT)
	@status=0; \
	for set in demo independent; do \
	$(RELEVANCE_ENV) $(MANAGE) relevance --set $$set --load --save $(RELEVANCE_DIR)/$$set.json $(if $(RECORD),--record) || status=$$?; \
	done; \
	$(MANAGE) opensearch stop --port $(RELEVANCE_OPENSEARCH_PORT); \
	set=independent; $(RELEVANCE_ENV) $(MANAGE) relevance --set independent --fallback --save $(RELEVANCE_DIR)/fallback.json \
		2>$(RELEVANCE_DIR)/fallback.log || { status=$$?; tail -n 5 $(RELEVANCE_DIR)/fallback.log; }; \
	$(MANAGE) relevance --beside demo=$(RELEVANCE_DIR)/demo.json independent=$(RELEVANCE_DIR)/independent.json \
		"independent, fallback=$(RELEVANCE_DIR)/fallback.json" || status=$$?; \
	exit $$status

# The production layout on loopback (deploy/loopback.py, docs/deploy.md): ports, the
# OpenSearch cluster's size and the demo's size can be changed on the command line.
PROD_HTTP_PORT ?= 8100
PROD_POSTGRES_PORT ?= 5441
PROD_REDIS_PORT ?= 6390
PROD_OPENSEARCH_PORT ?= 9201
PROD_OPENSEARCH_NODES ?= 3
PROD_DEMO_CASES ?= 150
PROD_ENV = PROD_HTTP_PORT=$(PROD_HTTP_PORT) PROD_POSTGRES_PORT=$(PROD_POSTGRES_PORT) \
	PROD_REDIS_PORT=$(PROD_REDIS_PORT) PROD_OPENSEARCH_PORT=$(PROD_OPENSEARCH_PORT) \
	PROD_OPENSEARCH_NODES=$(PROD_OPENSEARCH_NODES) PROD_DEMO_CASES=$(PROD_DEMO_CASES)

# Debian's nginx, PostgreSQL and Redis, installed only when missing.
prod-packages: redis nginx pdf-libs
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -q && $(APT_INSTALL) postgresql; }

prod-up: install messages prod-packages ## Start nginx, gunicorn, PostgreSQL, Redis, the worker and OpenSearch on loopback (http://127.0.0.1:8100)
	$(PROD_ENV) $(PY) deploy/loopback.py up

prod-down: ## Stop everything prod-up started
	$(PROD_ENV) $(PY) deploy/loopback.py down

LOAD_USERS ?= 50
LOAD_TIME ?= 60s
LOAD_WARMUP ?= 60s
LOAD_HOST ?= http://127.0.0.1:$(PROD_HTTP_PORT)
LOCUST = $(VENV)/bin/locust -f bench/locustfile.py --headless --users $(LOAD_USERS) --spawn-rate $(LOAD_USERS) \
	--host $(LOAD_HOST) --only-summary --loglevel WARNING

# The warm-up's figures are not printed: right after prod-up the JVMs compile, every
# worker fills its own caches and the page cache is empty (docs/scaling.md gives
# those cold figures too). LOAD_WARMUP=0s measures from cold.
load: install ## Load-test the running prod-up layout with Locust: LOAD_USERS (50) for LOAD_TIME (60s) after LOAD_WARMUP (60s), prints req/s, p50/p95/p99, errors
	@if [ "$(LOAD_WARMUP)" != "0s" ]; then echo "Warming up for $(LOAD_WARMUP) (not counted)..."; \
		$(LOCUST) --run-time $(LOAD_WARMUP) Visitor > /dev/null; fi
	$(LOCUST) --run-time $(LOAD_TIME) Visitor

# Every search one never asked before (bench/vocabulary.py): the page cache cannot
# answer, so this measures searching and rendering. The warm-up's searches are new too.
load-search: install ## Load-test the running prod-up layout with unique searches (pages and API, en/fr/es, half with a facet): same variables and figures as `make load`
	@if [ "$(LOAD_WARMUP)" != "0s" ]; then echo "Warming up for $(LOAD_WARMUP) (not counted)..."; \
		$(LOCUST) --run-time $(LOAD_WARMUP) UniqueSearcher > /dev/null; fi
	$(LOCUST) --run-time $(LOAD_TIME) UniqueSearcher

# gunicorn is restarted without the page cache (PAGE_CACHE_TIMEOUT=0: no page and no
# remembered value is kept), and with it again afterwards, whatever the outcome.
load-search-nocache: install ## `make load-search` with the app server's page cache off
	PAGE_CACHE_TIMEOUT=0 $(PROD_ENV) $(PY) deploy/loopback.py app
	@status=0; $(MAKE) --no-print-directory load-search || status=$$?; \
	$(PROD_ENV) $(PY) deploy/loopback.py app; exit $$status
