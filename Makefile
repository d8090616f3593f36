# Set-up and everyday commands. A fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Rebuilt whenever the lock file changes.
READY  := $(VENV)/.installed

.PHONY: serve build check test bench urls lock clean

serve: $(READY) ## Build and serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(READY) ## Strict build into site/
	$(BIN)/mkdocs build --strict --clean

check: $(READY) ## The source check alone (no rendering): answers in about a second
	@$(BIN)/python -m sourcing

test: $(READY) ## Every test, including strict builds of fixture sites and of the real site
	$(BIN)/python -m pytest

urls: build ## Record the addresses of new pages and headings in published-urls.txt (they must never break)
	$(BIN)/python -m publishing.addresses site published-urls.txt

bench: $(READY) ## How fast `make check` answers, on the real site and on a large synthetic one
	$(BIN)/python benchmarks/check_speed.py

$(READY): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

lock: ## Re-pin requirements.in into requirements.lock (with hashes)
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	rm -rf .venv-lock

clean:
	rm -rf site $(VENV)
