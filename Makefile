# Set-up and everyday commands. A fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Rebuilt whenever the lock file changes.
READY  := $(VENV)/.installed
# axe-core, the accessibility engine the browser tests inject into each page (package-lock.json)
AXE    := node_modules/axe-core/axe.min.js

.PHONY: help serve build publish pdf check lint test test-fast properdocs links chromium bench readability urls lock clean

help: ## This list: every target and what it does
	@awk 'BEGIN {FS = ":[^#]*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

serve: $(READY) ## Build and serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(READY) ## Strict build into site/
	$(BIN)/mkdocs build --strict --clean

publish: $(READY) chromium ## The build for the real address (any deployment): needs SITE_URL and REPO_URL, refuses placeholders
	@$(BIN)/python -m publishing.settings
	$(BIN)/mkdocs build --strict --clean
	$(BIN)/python -m publishing.pdf site

pdf: build chromium ## The classroom handouts and teacher guides as A4 PDFs, beside their pages in site/
	$(BIN)/python -m publishing.pdf site

check: $(READY) ## The source check alone (no rendering): answers in about a second (GitHub annotations when GITHUB_ACTIONS=true)
	@$(BIN)/python -m sourcing $(CHECK_ARGS)

test: $(READY) $(AXE) chromium ## Every test: units, fixture sites, the real site, and the site in a real browser
	$(BIN)/python -m pytest

test-fast: $(READY) ## The Python tests without the browser (no root, no Node.js needed)
	$(BIN)/python -m pytest --ignore=tests/browser

lint: $(READY) ## What pre-commit runs, on every file: source check, ruff, codespell, yamllint, actionlint, zizmor, issue forms
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

properdocs: $(READY) ## Build the site with ProperDocs too and compare it page by page with the MkDocs build
	$(BIN)/python -m pytest tests/test_properdocs.py

chromium: ## Debian's Chromium and a CJK font for the browser tests, installed when missing (never a downloaded browser)
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

$(AXE): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

urls: $(READY) ## Record the addresses of new pages and headings in published-urls.txt (they must never break)
	@$(BIN)/python -m sourcing.addresses

bench: $(READY) ## Full vs plain MkDocs builds, serve latencies, make check: real site and 1,000 pages (ratios)
	$(BIN)/python benchmarks/bench.py

links: $(READY) ## Check every outside address (bibliography url and archived, links in pages) with LinkChecker; LINKS_ARGS=--report FILE writes the issue text
	$(BIN)/python -m upkeep.links $(LINKS_ARGS)

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

clean: ## Remove what make and the tests made: site/, .venv, node_modules, test-artifacts, .cache
	rm -rf site $(VENV) node_modules test-artifacts .cache
