# Set-up and everyday commands. A fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Rebuilt whenever the lock file changes.
READY  := $(VENV)/.installed
# axe-core, the accessibility engine the browser tests inject into each page (package-lock.json)
AXE    := node_modules/axe-core/axe.min.js

.PHONY: serve build publish check test chromium bench readability urls lock clean

serve: $(READY) ## Build and serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(READY) ## Strict build into site/
	$(BIN)/mkdocs build --strict --clean

publish: $(READY) ## The build for the real address (any deployment): needs SITE_URL and REPO_URL, refuses placeholders
	@$(BIN)/python -m publishing.settings
	$(BIN)/mkdocs build --strict --clean

check: $(READY) ## The source check alone (no rendering): answers in about a second
	@$(BIN)/python -m sourcing

test: $(READY) $(AXE) chromium ## Every test: units, fixture sites, the real site, and the site in a real browser
	$(BIN)/python -m pytest

chromium: ## Debian's Chromium for the browser tests, installed when missing (never a downloaded browser)
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

$(AXE): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

urls: $(READY) ## Record the addresses of new pages and headings in published-urls.txt (they must never break)
	@$(BIN)/python -m sourcing.addresses

bench: $(READY) ## Full vs plain MkDocs builds, serve latencies, make check: real site and 1,000 pages (ratios)
	$(BIN)/python benchmarks/bench.py

readability: $(READY) ## Flesch reading ease of every page and of its "In one minute" summary
	$(BIN)/python -m sourcing.readability

$(READY): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

lock: ## Re-pin requirements.in into requirements.lock (with hashes)
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	rm -rf .venv-lock

clean:
	rm -rf site $(VENV) node_modules test-artifacts .cache
