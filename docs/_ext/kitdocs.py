"""Pages of the documentation that are made from the kit itself, so that they
cannot drift from it: the API reference (one page per folder of the package,
from ``analysis.__all__``) and the notebook gallery (from the executed copies in
``figures/notebooks/``, never run again). Both are written into ``docs/api/`` and
``docs/gallery/`` (not committed) when Sphinx starts; a file is rewritten only
when its content changes, so Sphinx rebuilds only what changed.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1]
ROOT = DOCS.parent
PACKAGE = ROOT / "analysis"

#: The API reference's pages, in the order data flows through the package, with
#: their titles: one per folder, and one per module of the ground floor
#: (``matching`` is analysis/matching.py; ``errors`` is analysis/errors.py and every error class).
GROUPS = {
    "matching": "Matching: dictionaries (lexicons) against text",
    "resources": "Resources: codebook, actors, cues, rules, word vectors",
    "corpus": "Corpus: loading, cleaning, NewsArticles",
    "text": "Text: segmentation, tokens, keywords in context",
    "textstats": "Text statistics: keyness, collocates, dispersion, clusters",
    "measures": "Measures: frames, naming, actors, quotes, attributions, topics",
    "evaluation": "Evaluation: coding sheets, agreement, validity",
    "inference": "Inference: prevalence, differences and regressions corrected with the hand coding",
    "report": "Report: figures, tables, the codebook appendix",
    "synthetic": "Synthetic corpora with a known answer, for tests and benchmarks",
    "errors": "Errors",
}


def _write(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds it (keeps mtimes, so Sphinx's cache holds)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


# -- API reference ---------------------------------------------------------------

def public_sources() -> dict[str, str]:
    """Each name of ``analysis.__all__`` and the module that defines it, as the
    table ``_WHERE`` of ``analysis/__init__.py`` records it (the package
    imports its names on first use) (``"load_corpus": "analysis.corpus.load"``)."""
    import analysis

    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    table = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                 and [getattr(target, "id", None) for target in node.targets] == ["_WHERE"])
    sources = {name: f"analysis.{module}" for name, module in ast.literal_eval(table).items()}
    missing = [name for name in analysis.__all__ if name not in sources]
    if missing:
        raise RuntimeError(f"analysis.__all__ names {missing}, which the table _WHERE of analysis/__init__.py "
                           "does not place in a module")
    return {name: sources[name] for name in analysis.__all__}


def group_of(name: str, module: str) -> str:
    """The reference page of a public name: every error class is on the errors
    page; anything else is on the page of the folder its module is in."""
    import analysis

    obj = getattr(analysis, name)
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return "errors"
    return module.split(".")[1]


def is_module(group: str) -> bool:
    """Whether a page is one module of the ground floor (analysis/errors.py), not a folder."""
    return (PACKAGE / f"{group}.py").is_file()


def modules_of(group: str) -> list[str]:
    """The documented modules of a folder of the package (private ``_*`` modules left out),
    or the one module of a page of the ground floor."""
    if is_module(group):
        return [f"analysis.{group}"]
    package = importlib.import_module(f"analysis.{group}")
    names = [f"analysis.{group}.{m.name}" for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")]
    return sorted(names)


def api_pages() -> dict[str, str]:
    """The reST source of each reference page, keyed by group."""
    sources = public_sources()
    pages = {}
    for group, title in GROUPS.items():
        names = {name: module for name, module in sources.items() if group_of(name, module) == group}
        modules = modules_of(group)
        # modules holding public names first, in the order of analysis.__all__; then the others
        order = list(dict.fromkeys([*(names[n] for n in names if names[n] in modules), *modules]))
        lines = [f".. _api-{group}:", "", title, "=" * len(title), ""]
        if not is_module(group):
            lines += [f".. automodule:: analysis.{group}", "   :no-members:", "   :no-index:", ""]
        for module in order:
            members = [n for n, m in names.items() if m == module]
            heading = f"``{module}``"
            if not members and is_module(group):       # a ground-floor module outside analysis.__all__: all of it
                lines += [heading, "-" * len(heading), "", f".. automodule:: {module}", "   :members:", ""]
                continue
            lines += [heading, "-" * len(heading), "", f".. automodule:: {module}", "   :no-members:", "",
                      ".. currentmodule:: analysis", ""]
            for name in members:
                lines += _directive(name) + [""]
        stray = [n for n, m in names.items() if m not in order]
        if stray:
            lines += ["Also here", "---------", "", ".. currentmodule:: analysis", ""]
            for name in stray:
                lines += _directive(name) + [""]
        pages[group] = "\n".join(lines)
    return pages


def _directive(name: str) -> list[str]:
    import analysis

    obj = getattr(analysis, name)
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return [f".. autoexception:: {name}", "   :show-inheritance:"]
    if inspect.isclass(obj):
        return [f".. autoclass:: {name}", "   :members:", "   :inherited-members: BaseEstimator,TransformerMixin",
                "   :special-members: __call__"]
    if callable(obj):
        return [f".. autofunction:: {name}"]
    return [f".. autodata:: {name}", "   :annotation:"]


def documented_names() -> list[str]:
    """The dotted names the reference documents: each name of ``analysis.__all__``
    and the public methods and properties its classes define with a docstring,
    which is what autodoc's ``:members:`` shows (not the error classes' members
    and not what scikit-learn's base classes add)."""
    import analysis

    names = []
    for name in analysis.__all__:
        obj = getattr(analysis, name)
        names.append(f"analysis.{name}")
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for member, value in inspect.getmembers(obj):
                func = getattr(value, "fget", None) or getattr(value, "func", None) or getattr(value, "__func__", value)
                if (not member.startswith("_") and (inspect.isfunction(func) or inspect.ismethod(func))
                        and (getattr(func, "__module__", "") or "").startswith("analysis") and func.__doc__):
                    names.append(f"analysis.{name}.{member}")
    return names


def write_api() -> None:
    pages = api_pages()
    toc = ["# API reference", "",
           "Everything `import analysis` gives (`analysis.__all__`), on one page per folder of the package, "
           "in the order data flows through it: resources are read, a corpus loaded and cut into text units, "
           "measures taken, checked against hand coding, and reported. Each entry is written from the "
           "function's docstring, with a runnable example; the module texts say what else each module holds.",
           "", "```{toctree}", ":maxdepth: 2", "", *GROUPS, "```", ""]
    _write(DOCS / "api" / "index.md", "\n".join(toc))
    for group, text in pages.items():
        _write(DOCS / "api" / f"{group}.rst", text)


# -- notebook gallery ------------------------------------------------------------

def _notebook_summary(path: Path) -> tuple[str, str]:
    """(title, question) from the first markdown cell of an executed notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = next("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    title = re.search(r"^# (.+)$", first, re.M).group(1).strip()
    question = re.search(r"\*\*Question:\*\*\s*(.+?)(?:\n\n|$)", first, re.S)
    question = " ".join(question.group(1).split()) if question else ""
    return title, question[:1].upper() + question[1:]


def write_gallery() -> list[str]:
    """Copy the executed notebooks into docs/gallery/ and write its index: per
    notebook, its title, its question and the figures it made. Returns the names."""
    source = ROOT / "figures" / "notebooks"
    target = DOCS / "gallery"
    notebooks = sorted(source.glob("[0-9][0-9]_*.ipynb"))
    for old in target.glob("*.ipynb"):
        if not (source / old.name).exists():
            old.unlink()
    lines = ["# Notebook gallery", "",
             "The notebooks of `notebooks/`, as `make figures` last ran them: the executed copies in "
             "`figures/notebooks/`, shown here with their outputs and not run again. Each answers one "
             "question; the figures below each title are the ones that notebook wrote to `figures/`. "
             "To run them yourself: `make lab`.", ""]
    for path in notebooks:
        _write(target / path.name, path.read_text(encoding="utf-8"))
        title, question = _notebook_summary(path)
        number = path.name[:2]
        lines += [f"## [{title}]({path.stem}.ipynb)", "", question, ""]
        for figure in sorted((ROOT / "figures").glob(f"{number}_*.png")):
            lines += [f"```{{image}} ../../figures/{figure.name}", f":alt: {figure.stem}", ":width: 45%", "```", ""]
    lines += ["```{toctree}", ":hidden:", "", *(p.stem for p in notebooks), "```", ""]
    _write(target / "index.md", "\n".join(lines))
    return [p.stem for p in notebooks]


# -- references ------------------------------------------------------------------

def _resolve_object(dotted: str, module: str | None, cls: str | None):
    """The Python object a reference names, tried as written, then within the
    module and class the reference was written in; None if it names nothing."""
    candidates = [dotted]
    if module:
        candidates += [f"{module}.{cls}.{dotted}" if cls else None, f"{module}.{dotted}"]
    for candidate in filter(None, candidates):
        parts = candidate.split(".")
        for i in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:i]))
            except ImportError:
                continue
            try:
                for attr in parts[i:]:
                    obj = getattr(obj, attr)
            except AttributeError:
                break
            return obj
    return None


def _identity(obj):
    return id(getattr(obj, "__func__", obj))


def resolve_to_public_name(app, env, node, contnode):
    """Link a reference written with the module path an object is defined in
    (``analysis.resources.Codebook``), or unqualified inside its module's
    docstrings (``find_actors`` in analysis.measures.actors), to the entry of
    the same object in the reference, which documents it under its public name
    (``analysis.Codebook``). References to anything else stay unresolved, and
    with nitpicky and -W fail the build."""
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    target_name = node["reftarget"].lstrip("~.")
    obj = _resolve_object(target_name, node.get("py:module"), node.get("py:class"))
    if obj is None:
        return None
    if isinstance(obj, (str, int, float)):           # a constant: the same value under the same name
        import analysis
        name = target_name.rsplit(".", 1)[-1]
        if name in analysis.__all__ and getattr(analysis, name) is obj and f"analysis.{name}" in domain.objects:
            from sphinx.util.nodes import make_refnode
            entry = domain.objects[f"analysis.{name}"]
            return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode,
                                f"analysis.{name}")
        return None
    if not hasattr(env, "_kitdocs_public"):
        public = {}
        for name in domain.objects:
            if name.startswith("analysis."):
                found = _resolve_object(name, None, None)
                if found is not None and not isinstance(found, (str, int, float)):
                    public.setdefault(_identity(found), name)
        env._kitdocs_public = public
    target = env._kitdocs_public.get(_identity(obj))
    if target is None:
        return None
    from sphinx.util.nodes import make_refnode
    entry = domain.objects[target]
    return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, target)


def skip_inherited_from_dependencies(app, what, name, obj, skip, options):
    """Leave out what scikit-learn's base classes add to an estimator (metadata
    routing, set_output): it is scikit-learn's API, documented there."""
    module = getattr(getattr(obj, "__func__", obj), "__module__", "") or ""
    if module.startswith("sklearn") or name in {"get_metadata_routing", "set_output"} or (
            name.startswith("set_") and name.endswith("_request")):
        return True
    return None


def setup(app):
    write_api()
    write_gallery()
    app.connect("missing-reference", resolve_to_public_name)
    app.connect("autodoc-skip-member", skip_inherited_from_dependencies)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
