"""What the tests of coding sheets share (tests/evaluation/test_sampling.py and
test_sheets.py): the resources of their sheets, and writing, reading and
editing a sheet as a coder would."""

import csv

import pandas as pd
import pytest

from analysis.evaluation.sampling import coding_sheet
from analysis.evaluation.sheets import read_coding, resource_versions

FRAMES = ["sovereignty", "humanitarian"]
# The resources of the sheets: a codebook with FRAMES, and three actors (libya, europe, un_agencies), both version 9.
CODEBOOK = {"version": 9, "frames": [{"id": "sovereignty", "entries": ["sovereign*"]},
                                     {"id": "humanitarian", "entries": ["humanitarian*"]}]}
ACTOR_FILE = {"version": 9, "actors": {"libya": {"definition": "The Libyan state.", "aliases": ["Libya"]},
                                       "europe": {"definition": "The EU and its states.", "aliases": ["EU"]},
                                       "un_agencies": {"definition": "The UN and its bodies.", "aliases": ["UN"]}}}
VERSION = resource_versions(codebook=CODEBOOK, actors=ACTOR_FILE)


@pytest.fixture
def sents():
    """Ten sentences of three documents (6, 3 and 1 sentences), each saying which
    it is (the fixture of the same name in tests/conftest.py is the seed corpus's)."""
    docs = {"a": 6, "b": 3, "c": 1}
    return pd.DataFrame([(d, i, f"Sentence {i} of {d}.") for d, k in docs.items() for i in range(k)],
                        columns=["doc_id", "sent_id", "text"])


def make_sheet(sents, path, **kw):
    kw = {"n": 5, "codebook": CODEBOOK, "actors": ACTOR_FILE, **kw}
    """A coding sheet of ``n=5`` sentences of ``sents`` with CODEBOOK and ACTOR_FILE, written to ``path``."""
    return coding_sheet(sents, path=path, **kw)


def read_sheets(*paths, **kw):
    """The coded sheets, read with the resources they were made with."""
    return read_coding(list(paths), **{"codebook": CODEBOOK, "actors": ACTOR_FILE, "codebook_version": VERSION, **kw})


def edit_sheet(path, edits=None, rows=None, drop_lines=(), text=None):
    """Rewrite a sheet: ``edits`` maps (data row index, column) -> value."""
    records = list(csv.reader(open(path, encoding="utf-8", newline="")))
    start = next(i for i, r in enumerate(records) if not r[0].startswith("#"))
    columns = records[start]
    for (i, col), value in (edits or {}).items():
        records[start + 1 + i][columns.index(col)] = value
    records += rows or []
    records = [r for i, r in enumerate(records) if i not in drop_lines]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(records)
    return start


OWN = {"version": 1, "frames": [{"id": "danger", "entries": ["danger*", "risk*"]},
                                {"id": "care", "entries": ["aid", "help*"]}]}


def write_old_sheet(sheet, path, version):
    """``sheet`` written as coding_sheet wrote sheets before issue 24: six '#' lines (the stamp first), then the table."""
    lines = [f"# codebook_version: {version}", "# Code the sentence only; previous and next are context.",
             "# Frames: 1 if the sentence uses the frame; blank or 0 if not.", "# actor: who is held responsible.",
             "# kind: causal or treatment. polarity: assign or deny.", "# coder: your name or initials."]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerows([line] for line in lines)
        writer.writerow(sheet.columns)
        writer.writerows(sheet.astype(str).itertuples(index=False))
