# Entry point for people: `make` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SETUP  := $(VENV)/.installed
EXTRAS := dev,notebooks,dask
DOCS_SETUP := $(VENV)/.installed-docs
# make docs: offline, warnings are errors, every cross-reference checked (nitpicky),
# read afresh each time (-E) so that no warning hides in Sphinx's cache
DOCS_OUT   ?= docs/_build/html
SPHINXOPTS ?= -E -n -W --keep-going

NEWS_ZIP  := data/external/NewsArticles.zip
# notebooks that need the NewsArticles corpus run only once `make news-corpus` has fetched it
NEWS_NOTEBOOKS := notebooks/06_outlets.py notebooks/07_keywords.py notebooks/08_unseen_news.py
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.py))
ifeq ($(wildcard $(NEWS_ZIP)),)
NOTEBOOKS := $(filter-out $(NEWS_NOTEBOOKS),$(NOTEBOOKS))
endif
STAMPS    := $(patsubst notebooks/%.py,figures/.stamps/%.done,$(NOTEBOOKS))
PACKAGE   := $(shell find analysis -name '*.py' -o -name '*.yaml' -o -name '*.csv' | sort)
CODING    := $(wildcard data/coding/*)
SEEDS     := $(wildcard seeds/*)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.DEFAULT_GOAL := help
.PHONY: help setup figures test lab clean codebook news-corpus classifier docs

help: ## Show this list of targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

setup: $(SETUP) ## Create .venv and install the kit with its extras (re-run when pyproject.toml changes)

$(SETUP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; set PYTHON=python3.x")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

$(DOCS_SETUP): pyproject.toml | $(SETUP)
	$(PY) -m pip install --quiet -e '.[$(EXTRAS),docs]'
	touch $@

docs: $(DOCS_SETUP) ## Build the documentation offline into docs/_build/html: API reference, notebook gallery, guide
	$(PY) -m sphinx -b html $(SPHINXOPTS) -d docs/_build/doctrees docs $(DOCS_OUT)
	@echo "make docs: open $(DOCS_OUT)/index.html"

figures: $(STAMPS) figures/codebook.md ## Rebuild every figure and table in figures/ from seeds/ (only what changed)
	@$(if $(wildcard $(NEWS_ZIP)),,echo "Skipped $(NEWS_NOTEBOOKS): run 'make news-corpus' first to obtain the NewsArticles corpus.")

figures/.stamps/%.done: notebooks/%.py $(PACKAGE) $(SEEDS) $(CODING) | $(SETUP)
	$(PY) -m analysis run-notebook $<
	@mkdir -p $(@D) && touch $@

figures/.stamps/06_outlets.done figures/.stamps/07_keywords.done figures/.stamps/08_unseen_news.done: $(NEWS_ZIP)

codebook: figures/codebook.md ## Write the codebook (frames, actors, cues) for a paper's appendix

figures/codebook.md: $(PACKAGE) | $(SETUP)
	$(PY) -m analysis codebook $@

classifier: | $(SETUP) ## Refit the shipped frame classifier on the hand coding in data/coding/ (deterministic)
	$(PY) data/coding/fit_frame_classifier.py

news-corpus: $(NEWS_ZIP) ## Fetch the NewsArticles corpus (3,824 articles; Dai 2017) into data/external/

$(NEWS_ZIP): | $(SETUP)
	$(PY) -m analysis fetch-news --dest $@

test: $(SETUP) $(DOCS_SETUP) ## Run the test suite offline (NLTK_DATA points at an empty folder); it builds the docs too
	@mkdir -p $(VENV)/empty_nltk_data
	NLTK_DATA=$(CURDIR)/$(VENV)/empty_nltk_data $(PY) -m pytest

lab: $(SETUP) ## Open the notebooks in JupyterLab (loopback only, token on)
	$(VENV)/bin/jupyter lab --ip=127.0.0.1 --no-browser --notebook-dir=notebooks $(ROOT_FLAG)

clean: ## Remove generated files (figures, stamps, caches); never touches seeds/
	rm -rf figures/* figures/.stamps figures/.tmp-* .pytest_cache docs/_build docs/api docs/gallery
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
