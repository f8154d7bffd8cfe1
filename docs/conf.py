"""Sphinx configuration of the kit's documentation: `make docs` builds it offline
into docs/_build/html, with warnings as errors and every cross-reference checked."""

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))
sys.path.insert(0, str(DOCS.parent))          # the checkout's analysis/, even if another one is installed

import analysis  # noqa: E402

project = "analysis"
author = "the analysis kit's authors"
copyright = "the analysis kit's authors; MIT licence"
release = version = "0.1.0"

extensions = [
    "sphinx.ext.autodoc",
    "numpydoc",
    "myst_nb",          # Markdown pages (MyST) and the executed notebooks
    "kitdocs",          # writes api/*.rst and gallery/ from the package and figures/notebooks/
]

# -- what Sphinx reads ------------------------------------------------------------
root_doc = "index"
exclude_patterns = ["_build", "_ext", "**.ipynb_checkpoints", "README.md"]
suppress_warnings = []

# every internal reference must resolve (nitpicky); what cannot resolve offline
# (no intersphinx: nothing is fetched at build time) is the standard library's and
# the dependencies' own objects, which are named here instead.
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(pd|pandas|np|numpy|sklearn|scipy|matplotlib|plt|nltk|dask|pyarrow|yaml)(\..*)?"),
    (r"py:.*", r"(re|os|pathlib|importlib|collections|typing|io|json|zipfile|datetime|decimal)(\..*)?"),
    (r"py:class", r"(DataFrame|Series|ndarray|Path|Figure|Axes|Pattern|Traversable|BaseEstimator|TransformerMixin)"),
]

# -- autodoc and numpydoc ---------------------------------------------------------
autodoc_typehints = "none"            # types are in the docstrings' Parameters sections
autodoc_member_order = "bysource"
autodoc_default_options = {}
numpydoc_show_class_members = False   # autoclass :members: lists them once
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
# Docstrings that lack a section the build can see fail it (with -W):
#   GL08 no docstring, PR01 a parameter left undocumented, PR02 a documented
#   parameter that does not exist (or text after Parameters read as one), RT01 no
#   Returns section in a function that returns something.
# An example in each public docstring (an Examples section or a >>> line) is
# checked by tests/test_docs.py, and run by `make test` (--doctest-modules).
# Every documented name passes these checks (tests/test_docs.py too).
numpydoc_validation_checks = {"GL08", "PR01", "PR02", "RT01"}

# -- notebooks: shown as executed by `make figures`, never run here ----------------
nb_execution_mode = "off"
nb_merge_streams = True
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- HTML -------------------------------------------------------------------------
html_theme = "furo"
html_title = "analysis: a research kit for how news frames migration"
html_static_path = []
html_show_sourcelink = False
html_copy_source = False
