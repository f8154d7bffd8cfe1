"""Every ```python block of README.md runs, in order, in one namespace, from the
project root, as a reader pasting them one after another would run them; so do
those of the documentation's guide and home page (docs/guide.md, docs/index.md),
each document in a namespace of its own.

A block that needs the reader's own files is marked in the README by a comment on
the line before it, ``<!-- readme-test: skip (what it needs) -->``. Such a block
is reported as skipped with that reason (``-ra`` lists it), never left out
silently; it is still compiled, and each ``analysis.<name>(...)`` call in it is
checked against the signature of ``<name>``. A block without the mark that
raises fails its test.
"""

from __future__ import annotations

import ast
import copy
import inspect
import re
from dataclasses import dataclass

import pytest

import analysis
from analysis.paths import project_root

ROOT = project_root()
README = ROOT / "README.md"
DOCUMENTS = ["README.md", "docs/guide.md", "docs/index.md"]
FENCE = re.compile(r"^```(?P<lang>[\w+-]*)[^\n]*\n(?P<code>.*?)^```[ \t]*$", re.S | re.M)
MARK = re.compile(r"<!--\s*readme-test:\s*skip\s*\((?P<reason>[^)]+)\)\s*-->")


@dataclass
class Block:
    line: int                  # 1-based line of the opening fence
    code: str
    skip: str | None           # the reason given in the README, or None
    document: str = "README.md"

    @property
    def label(self) -> str:
        return f"{self.document}:{self.line}"


def python_blocks(text: str, document: str = "README.md") -> list[Block]:
    """The ```python blocks of a Markdown text, each with the skip reason of a
    mark on the line right before it."""
    blocks = []
    for match in FENCE.finditer(text):
        if match["lang"] != "python":
            continue
        before = text[:match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = MARK.search(before)
        blocks.append(Block(text.count("\n", 0, match.start()) + 1, match["code"], mark["reason"] if mark else None,
                            document))
    return blocks


BLOCKS = [block for document in DOCUMENTS
          for block in python_blocks((ROOT / document).read_text(encoding="utf-8"), document)]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_each_document_has_python_blocks_and_every_skip_mark_stands_before_one(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    blocks = [b for b in BLOCKS if b.document == document]
    assert len(blocks) >= 1
    marks = [text.count("\n", 0, m.start()) + 1 for m in MARK.finditer(text)]
    marked = [b.line - 1 for b in blocks if b.skip]
    assert marks == marked, "a readme-test mark must stand on the line right before a ```python block"


@pytest.fixture(scope="module")
def namespace():
    """One namespace for all blocks, as in one Python session; Dask's global
    configuration, which a block sets, is put back afterwards."""
    try:
        import dask
        saved = copy.deepcopy(dask.config.config)
    except ImportError:
        dask = saved = None
    yield {document: {"__name__": "__readme__"} for document in DOCUMENTS}
    if dask is not None:
        dask.config.config.clear()
        dask.config.config.update(saved)


@pytest.mark.parametrize("block", BLOCKS, ids=[b.label for b in BLOCKS])
def test_readme_block_runs(block, namespace, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    code = compile(block.code, block.label, "exec")          # a skipped block must still be Python
    if block.skip:
        problems = _check_calls(block.code)
        assert problems == [], f"{block.label}: " + "; ".join(problems)
        pytest.skip(f"{block.label} not run: {block.skip} (its analysis.* calls match the signatures)")
    exec(code, namespace[block.document])


def _check_calls(code: str) -> list[str]:
    """What is wrong with the ``analysis.name(...)`` calls of a block: names the
    kit lacks, and arguments the function's signature does not take."""
    problems = []
    for node in ast.walk(ast.parse(code)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        chain, func = [], node.func
        while isinstance(func, ast.Attribute):
            chain.insert(0, func.attr)
            func = func.value
        if not (isinstance(func, ast.Name) and func.id == "analysis"):
            continue
        obj = analysis
        for part in chain:
            if not hasattr(obj, part):
                problems.append(f"analysis.{'.'.join(chain)} does not exist")
                break
            obj = getattr(obj, part)
        else:
            if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
                continue
            try:
                inspect.signature(obj).bind(*node.args, **{k.arg: k.value for k in node.keywords})
            except TypeError as error:
                problems.append(f"analysis.{'.'.join(chain)}(...): {error}")
    return problems


def test_the_call_check_finds_a_wrong_keyword_and_a_missing_name():
    assert _check_calls('analysis.load_corpus("x.csv", text_col="body")') == []
    assert _check_calls('analysis.load_corpus("x.csv", text_column="body")') == [
        "analysis.load_corpus(...): got an unexpected keyword argument 'text_column'"]
    assert _check_calls("analysis.no_such_function()") == ["analysis.no_such_function does not exist"]
    assert _check_calls("analysis.FrameClassifier.load('m.json', codebook='c.yaml')") == []


def test_blocks_and_marks_are_read_as_written():
    text = ("x\n<!-- readme-test: skip (needs a.csv) -->\n```python\na = 1\n```\n\n"
            "```bash\nmake\n```\n```python\nb = 2\n```\n")
    blocks = python_blocks(text)
    assert [(b.line, b.code, b.skip) for b in blocks] == [(3, "a = 1\n", "needs a.csv"), (10, "b = 2\n", None)]


def test_the_readme_names_the_columns_collocates_gives_and_no_other():
    """The first sentence of the README's `collocates` item names every column of
    the table, in backticks, as the table spells it ("co-occurrences" is `count`)."""
    item = re.search(r"^- \*\*`collocates`\*\*: (.*?)\.\s", README.read_text(encoding="utf-8"), re.S | re.M).group(1)
    named = set(re.findall(r"`(\w+)`", item))
    sents = analysis.sentences(analysis.load_corpus())
    columns = analysis.collocates(sents, "migrants", min_count=1).columns
    assert named == set(columns)
