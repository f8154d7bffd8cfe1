"""Coding sheets as files: what a sheet holds, and reading coded sheets back.

* A sheet (written by :func:`analysis.coding_sheet`, which draws its sentences,
  :mod:`analysis.evaluation.sampling`) is a plain CSV table whose last column,
  ``codebook_version``, stamps every row with the versions of the resources
  (codebook, actors, cues) it was made with (:func:`resource_versions`); how to
  code it is in a text file beside it. (Sheets made before had ``#`` lines at
  the top, the stamp among them; they are still read.)
* :func:`read_coding` reads coded sheets back and checks every value against
  those resources (and the versions against the sheet's stamp);
  :func:`read_frame_coding` reads files coded for the frames only, and
  :func:`read_attribution_coding` files coded for responsibility attributions.

>>> resource_versions()
'frames.yaml v1.3; actors.yaml v4; cues.yaml v4'
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pandas as pd

from ..errors import AnalysisError, CodingSheetError
from ..resources.actors import Actors
from ..resources.codebook import Codebook
from ..resources.cues import KINDS, POLARITIES, Cues


def resource_versions(*, codebook=None, actors=None, cues=None) -> str:
    """The files and versions of the resources used, as stamped on coding
    sheets and tables, e.g. "frames.yaml v1.2; actors.yaml v3; cues.yaml v3".

    Parameters
    ----------
    codebook : Codebook, path or mapping, optional
        The frames (default the shipped codebook).
    actors : Actors, path or mapping, optional
        The actors (default the shipped actors).
    cues : Cues, path or mapping, optional
        The cues of responsibility attribution (default the shipped cues).

    Returns
    -------
    str
        The codebook, actors and cues in that order, joined by "; ": each as
        its file name (``<mapping>`` for one given as a mapping) followed by
        ``v<version>``, or by "(unversioned)" if it has no version.

    Examples
    --------
    >>> resource_versions(codebook={"aid": ["aid"]}).split("; ")[0]
    '<mapping> (unversioned)'
    """
    return "; ".join(map(resource_version, (Codebook.load(codebook), Actors.load(actors), Cues.load(cues))))


def resource_version(resource) -> str:
    """A loaded resource's file name (``<mapping>`` for a mapping) and version.

    >>> resource_version(Codebook.load())
    'frames.yaml v1.3'
    """
    name = resource.source if resource.source.startswith("<") else Path(resource.source).name
    return name + (" (unversioned)" if resource.version == "unversioned" else f" v{resource.version}")


def coding_actor_ids(actors=None) -> list[str]:
    """The actor ids a coder may write: the actors' ids and their unresolved id.

    >>> coding_actor_ids({"actors": {"greens": {"definition": "Green parties.", "aliases": ["Greens"]}}})
    ['greens', 'government_unresolved']
    """
    actors = Actors.load(actors)
    return [*actors.ids, actors.unresolved]




ATTRIBUTION_FIELDS = ("actor", "kind", "polarity")


CONTEXT_COLUMNS = ["doc_id", "sent_id", "previous", "sentence", "next"]
#: The sheet's last column: each sentence's probability of having been drawn
#: (:func:`analysis.coding_sample`), which the corrected estimators read.
PROBABILITY_COLUMN = "coding_probability"

#: The column that stamps every row of a sheet with :func:`resource_versions`
#: (sheets made before it had a ``# codebook_version:`` line at the top instead).
STAMP = "codebook_version"


def read_coding(paths, *, codebook=None, actors=None, cues=None, codebook_version: str | None = None,
                sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read one or more coded sheets, checking every value against the codebook.

    Frame cells must be 1, 0 or blank (blank = 0). ``actor``, ``kind`` and
    ``polarity`` hold one attribution, or several separated by ";" in the same
    order in the three columns; ``kind`` is causal or treatment, ``polarity``
    assign or deny, ``actor`` an actor id of ``actors`` (or its unresolved id).
    A blank ``coder`` cell takes the file's name (without extension). Rows with
    no value at all are skipped.

    Parameters
    ----------
    paths : str or Path, or a sequence of them
        The coded sheets, as :func:`analysis.coding_sheet` wrote them (with
        their ``codebook_version`` column; an older sheet's ``#`` lines kept).
    codebook, actors, cues : Codebook, Actors, Cues, path or mapping, optional
        The resources the sheets were made with: the frames (a column each),
        the actor ids coders may use, and the cues; default the shipped ones.
    codebook_version : str, optional
        The stamp (the ``codebook_version`` column; an older sheet's
        ``# codebook_version:`` line) every sheet must carry;
        by default :func:`resource_versions` of the resources given, so that
        codes are read with the resources they were made with.
    sentences : DataFrame, optional
        ``analysis.sentences(corpus)``: if given, every (doc_id, sent_id) must
        be one of them.

    Returns
    -------
    DataFrame
        One row per coded sentence and coder: doc_id, sent_id, coder, one
        integer column per frame, actor, kind, polarity (";"-joined, "" for
        none), notes, file (the sheet's path), row (the sheet's row number, as
        a spreadsheet shows it), coding_probability (the sentence's probability
        of having been drawn; NaN for a sheet without that column) and
        codebook_version (the sheet's stamp).

    Raises
    ------
    CodingSheetError
        Naming the file, row and column: a missing file, stamp or column, a
        stamp other than ``codebook_version``, an unknown or repeated column,
        a sheet without rows, a value not allowed (a coding_probability
        outside (0, 1] too), a sentence coded twice by one coder, or one not
        in ``sentences``.
    AnalysisError
        If ``paths`` is empty.

    Examples
    --------
    >>> import analysis, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> sents = analysis.sentences(analysis.load_corpus())
    >>> _ = analysis.coding_sheet(sents, n=5, path=path, codebook={"crime": ["crime*"]})
    >>> coded = read_coding(path, codebook={"crime": ["crime*"]})
    >>> len(coded), int(coded["crime"].sum()), coded["coder"].iloc[0]
    (5, 0, 'sheet')
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not paths:
        raise AnalysisError("read_coding() needs at least one sheet path.")
    frames = Codebook.load(codebook).frame_ids
    actor_ids = coding_actor_ids(actors)
    version = codebook_version or resource_versions(codebook=codebook, actors=actors, cues=cues)
    table = pd.concat([_read_sheet(Path(p), frames, set(actor_ids), version) for p in paths], ignore_index=True)
    seen = table.duplicated(["doc_id", "sent_id", "coder"], keep="first")
    if seen.any():
        dup = table[seen].iloc[0]
        raise CodingSheetError(dup["file"], int(dup["row"]), "sent_id",
                               f"coder {dup['coder']!r} coded sentence ({dup['doc_id']}, {dup['sent_id']}) twice; "
                               "keep one row per sentence and coder.")
    if sentences is not None:
        known = pd.MultiIndex.from_arrays([sentences["doc_id"], sentences["sent_id"].astype(int)])
        unknown = table[~pd.MultiIndex.from_arrays([table["doc_id"], table["sent_id"]]).isin(known)]
        if len(unknown):
            bad = unknown.iloc[0]
            raise CodingSheetError(bad["file"], int(bad["row"]), "doc_id",
                                   f"sentence ({bad['doc_id']}, {bad['sent_id']}) is not in the corpus; was the sheet "
                                   "made from another corpus, or were doc_id or sent_id edited?")
    return table


def read_frame_coding(paths, *, codebook=None, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read files of sentences coded for the frames (for training or testing a
    :class:`analysis.FrameClassifier`), checking every row.

    Parameters
    ----------
    paths : str or Path, or a sequence of them
        CSV files with doc_id, sent_id, the sentence's text (``sentence`` or
        ``text``) and one column per frame of the codebook holding 0 or 1
        (other columns are kept), such as a sheet of
        :func:`analysis.coding_sheet` (an older sheet's ``#`` header lines are
        skipped), and a blank frame cell is 0 in a row that holds a code or a
        coder (as the sheet's instructions tell coders).
    codebook : Codebook, path or mapping, optional
        The frames (default the shipped codebook).
    sentences : DataFrame, optional
        ``analysis.sentences(corpus)``: if given, every sentence must be in it,
        with the same text (whitespace at either end aside).

    Returns
    -------
    DataFrame
        One row per sentence, in file order: the files' columns (the text's
        renamed ``text``; sent_id and the frame columns as integers,
        ``coding_probability`` as a float, the others as strings), then file
        (the file's name), and codebook_version (the sheet's ``#
        codebook_version:`` stamp) for a sheet that has one and no such column.

    Raises
    ------
    CodingSheetError
        Naming the file, the row (as a spreadsheet shows it) and the column
        for: a missing file or one that is not CSV (or has ";" between its
        cells), a missing column, a sent_id that is not a whole number, a
        value other than 0 or 1, a coding_probability that is not a number in
        (0, 1], a row left uncoded (every frame cell and the coder blank), a sentence (doc_id, sent_id) listed twice, and, given
        ``sentences``, a sentence that is not in the corpus or whose text
        differs from it (with an excerpt of both where they part).
    AnalysisError
        If ``paths`` is empty.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "coded.csv"
    >>> _ = path.write_text("doc_id,sent_id,sentence,aid\\nd,0,Aid came.,1\\nd,1,Talks.,2\\n")
    >>> read_frame_coding(path, codebook={"aid": ["aid"]})
    Traceback (most recent call last):
    ...
    analysis.errors.CodingSheetError: .../coded.csv, row 3, column 'aid': a frame cell must be 0 or 1 (found '2').
    """
    book = Codebook.load(codebook)
    frames = book.frame_ids
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not paths:
        raise AnalysisError("read_frame_coding() needs at least one file.")
    known = None if sentences is None else dict(zip(zip(sentences["doc_id"].astype(str), sentences["sent_id"]),
                                                   sentences["text"]))
    tables, seen = [], {}
    for path in map(Path, paths):
        table, n_header = _read_table(path)
        text = "sentence" if "sentence" in table.columns else "text"
        for column in ["doc_id", "sent_id", text, *frames]:
            if column not in table.columns:
                hint = (f" (the codebook in use is {resource_version(book)}; pass codebook= the one the sheet was "
                        "coded with)" if column in frames else "")
                raise CodingSheetError(path, n_header + 1, column, f"column missing; a frame coding needs doc_id, "
                                       f"sent_id, sentence and one column per frame {frames}{hint}.")
        for row, cells in enumerate(table.to_dict("records"), start=n_header + 2):
            key = (cells["doc_id"], _integer(cells["sent_id"]))
            if key[1] is None:
                raise CodingSheetError(path, row, "sent_id", f"sent_id must be a whole number (found {cells['sent_id']!r}).")
            codes = [cells[frame].strip() for frame in frames]
            if not any(codes) and not cells.get("coder", "").strip():
                raise CodingSheetError(path, row, frames[0], "the row is not coded (every frame cell and the coder "
                                       "blank); code it (0 or 1 per frame) or delete the row.")
            for frame, code in zip(frames, codes):
                if code not in ("", "0", "1"):
                    raise CodingSheetError(path, row, frame, f"a frame cell must be 0 or 1 (found {code!r}).")
            if key in seen:
                raise CodingSheetError(path, row, "sent_id", f"sentence {key} is also coded in {seen[key]}; "
                                       "keep one row per sentence.")
            seen[key] = f"{path.name} row {row}"
            if known is not None and key not in known:
                raise CodingSheetError(path, row, "doc_id", f"sentence {key} is not in the corpus; was the file made "
                                       "from another corpus or segmentation?")
            if known is not None and known[key].strip() != cells[text].strip():
                same, ours, theirs = _first_difference(cells[text].strip(), known[key].strip())
                raise CodingSheetError(path, row, text, f"the text differs from that of sentence {key} in the corpus "
                                       f"after {same} characters: the file has {ours}, the corpus {theirs}. Copy the "
                                       "corpus's text back (a spreadsheet may have changed quotes, dashes or spaces); "
                                       "if the file was made from another corpus or segmentation, use that one.")
        table = table.rename(columns={text: "text"}).assign(file=path.name)
        if PROBABILITY_COLUMN in table.columns:
            table[PROBABILITY_COLUMN] = [_probability(path, row, value) for row, value in
                                         enumerate(table[PROBABILITY_COLUMN], start=n_header + 2)]
        stamp = _stamp(path, n_header)
        if stamp and not {"codebook_version", "codebook"} & set(table.columns):
            table["codebook_version"] = stamp
        table["sent_id"] = table["sent_id"].map(_integer)
        table[frames] = table[frames].apply(lambda column: column.str.strip().replace("", "0"))
        tables.append(table.astype({frame: "int64" for frame in frames}))
    return pd.concat(tables, ignore_index=True)


#: The speakers a coder may write besides an actor id: the outlet's own voice, and a named speaker who is no actor.
CODED_SPEAKERS = ("(outlet)", "(no actor)")


def read_attribution_coding(paths, *, actors=None, sentences: pd.DataFrame | None = None,
                            speaker: str = "speaker_actor", blank_speaker: str = "(no actor)") -> pd.DataFrame:
    """Read files of sentences coded for responsibility attributions (for
    training or testing :class:`analysis.AttributionModel` and
    :class:`analysis.ResponsibilityClassifier`, or for
    :func:`analysis.attributions_agreement`), checking every row.

    Parameters
    ----------
    paths : str or Path, or a sequence of them
        CSV files with doc_id, sent_id, the sentence's text (``sentence`` or
        ``text``), speaker_actor, actor, kind and polarity, one row per
        attribution, as ``data/coding/news_attribution_dev.csv``: a sentence
        without any has one row with actor, kind, polarity and speaker_actor
        blank; ``actor``, ``kind`` and ``polarity`` may list several,
        separated by ";" in the same order, said by the row's speaker. Other
        columns (coding_probability, outlet, stratum...) are kept. ``#``
        header lines are skipped.
    actors : Actors, path or mapping, optional
        The actors the coding was made with (default the shipped ones): every
        actor and speaker_actor must be one of their ids or the unresolved id
        (``analysis.evaluation.sheets.coding_actor_ids``); a speaker may also be "(outlet)" or "(no
        actor)" (blank: "(no actor)").
    sentences : DataFrame, optional
        ``analysis.sentences(corpus)``: if given, every sentence must be in it,
        with the same text (whitespace at either end aside).
    speaker : str
        The column that holds the speaker (``speaker`` in the seeds' coding).
    blank_speaker : {"(no actor)", "(outlet)"}
        What a blank speaker of an attribution means: a named speaker who is
        no actor (the default, as the coder instructions write it), or the
        outlet's own voice (the seeds' coding).

    Returns
    -------
    DataFrame
        One row per attribution (";"-lists split), and one per sentence
        without any (actor, kind, polarity blank), in file order: doc_id
        (text), sent_id (int), text, speaker_actor, actor, kind, polarity, the
        files' other columns (as text), file (the file's name) and row (its
        row, as a spreadsheet numbers it).

    Raises
    ------
    CodingSheetError
        Naming the file, the row and the column for: a missing file or one
        that is not CSV, a missing column, a sent_id that is not a whole
        number, an actor or speaker that is no id of ``actors``, a kind or
        polarity outside the scheme (causal, treatment; assign, deny), lists
        of different lengths, a sentence coded as having no attribution in
        one row and some in another, one whose text differs between rows, and,
        given ``sentences``, a sentence that is not in the corpus or whose
        text differs from it.
    AnalysisError
        If ``paths`` is empty.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "coded.csv"
    >>> _ = path.write_text("doc_id,sent_id,sentence,speaker_actor,actor,kind,polarity\\n"
    ...                     "d,0,Italy must act.,(outlet),europe,treatment,assign\\nd,1,Talks.,,,,\\n")
    >>> read_attribution_coding(path)[["sent_id", "speaker_actor", "actor", "kind"]].values.tolist()
    [[0, '(outlet)', 'europe', 'treatment'], [1, '', '', '']]
    >>> _ = path.write_text("doc_id,sent_id,sentence,speaker_actor,actor,kind,polarity\\n"
    ...                     "d,0,Italy must act.,(outlet),italy,treatment,assign\\n")
    >>> read_attribution_coding(path)
    Traceback (most recent call last):
    ...
    analysis.errors.CodingSheetError: .../coded.csv, row 2, column 'actor': 'italy' is no actor id of actors.yaml v4; ...
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not paths:
        raise AnalysisError("read_attribution_coding() needs at least one file.")
    if blank_speaker not in CODED_SPEAKERS:
        raise AnalysisError(f"read_attribution_coding(): blank_speaker {blank_speaker!r} is not one of "
                            f"{list(CODED_SPEAKERS)}.")
    loaded = Actors.load(actors)
    ids = set(coding_actor_ids(loaded))
    speakers = ids | set(CODED_SPEAKERS)
    known = None if sentences is None else dict(zip(zip(sentences["doc_id"].astype(str), sentences["sent_id"]),
                                                   sentences["text"]))
    tables, first = [], {}                  # first: sentence -> (file and row, its text, whether it has attributions)
    for path in map(Path, paths):
        table, n_header = _read_table(path)
        text = "sentence" if "sentence" in table.columns else "text"
        for column in ["doc_id", "sent_id", text, speaker, *ATTRIBUTION_FIELDS]:
            if column not in table.columns:
                raise CodingSheetError(path, n_header + 1, column, "column missing; an attribution coding needs "
                                       f"doc_id, sent_id, sentence, {speaker}, actor, kind and polarity.")
        rows = []
        for row, cells in enumerate(table.to_dict("records"), start=n_header + 2):
            cells = {k: v.strip() for k, v in cells.items()}

            def fail(column: str, problem: str, row=row, cells=cells):
                raise CodingSheetError(path, row, column, f"{problem} (found {cells[column]!r}).")

            sent_id = _integer(cells["sent_id"])
            if sent_id is None:
                fail("sent_id", "sent_id must be a whole number")
            parts = {f: [p.strip() for p in cells[f].split(";")] if cells[f] else [] for f in ATTRIBUTION_FIELDS}
            for value in parts["actor"]:
                if value not in ids:
                    fail("actor", f"{value!r} is no actor id of {resource_version(loaded)}; correct it, or pass the "
                         "actors file the coding was made with (actors=...), or add the actor to that file. The ids: "
                         "analysis.coding_actor_ids(actors)")
            for field, allowed in (("kind", KINDS), ("polarity", POLARITIES)):
                for value in parts[field]:
                    if value not in allowed:
                        fail(field, f"{field} must be one of {list(allowed)} (separated by ';' for several), "
                             "as the coder instructions define them")
            counts = {f: len(v) for f, v in parts.items()}
            if len(set(counts.values())) > 1:
                fail(min(counts, key=counts.get), "actor, kind and polarity must list the same number of "
                     f"attributions, in the same order; got {counts}")
            said_by = cells[speaker]
            if said_by and said_by not in speakers:
                fail(speaker, f"{said_by!r} is no actor id of {resource_version(loaded)}, '(outlet)' or "
                     "'(no actor)'; correct it, or pass the actors file the coding was made with (actors=...)")
            key = (cells["doc_id"], sent_id)
            coded = bool(parts["actor"])
            if key in first:
                where, sentence, had = first[key]
                if sentence != cells[text]:
                    fail(text, f"the sentence {key} has another text in {where}; each row of a sentence holds its "
                         "text as the corpus has it")
                if had != coded:
                    fail("actor", f"the sentence {key} is coded {'with' if had else 'without'} attributions in "
                         f"{where} and {'with' if coded else 'without'} here; a sentence without any has one row "
                         "with actor, kind and polarity blank, and no other rows")
            else:
                first[key] = (f"{path.name} row {row}", cells[text], coded)
                if known is not None and key not in known:
                    fail("doc_id", f"sentence {key} is not in the corpus; was the file made from another corpus or "
                         "segmentation? Pass sentences= of the corpus that was coded")
                if known is not None and known[key].strip() != cells[text]:
                    same, ours, theirs = _first_difference(cells[text], known[key].strip())
                    fail(text, f"the text differs from that of sentence {key} in the corpus after {same} characters: "
                         f"the file has {ours}, the corpus {theirs}. Copy the corpus's text back (a spreadsheet may "
                         "have changed quotes, dashes or spaces), or pass the sentences of the corpus that was coded")
            others = {k: v for k, v in cells.items()
                      if k not in ("doc_id", "sent_id", text, speaker, *ATTRIBUTION_FIELDS)}
            base = {"doc_id": cells["doc_id"], "sent_id": sent_id, "text": cells[text]}
            for actor, kind, polarity in zip(*parts.values()) if coded else [("", "", "")]:
                rows.append({**base, "speaker_actor": (said_by or blank_speaker) if coded else "", "actor": actor,
                             "kind": kind, "polarity": polarity, **others, "file": path.name, "row": row})
        tables.append(pd.DataFrame(rows))
    result = pd.concat(tables, ignore_index=True)
    return result.astype({"sent_id": "int64", "row": "int64"})


def instructions_path(path) -> Path:
    """The file of instructions for coders beside a sheet: ``to_code.csv`` -> ``to_code.instructions.txt``.

    >>> instructions_path("coding/to_code.csv").as_posix()
    'coding/to_code.instructions.txt'
    """
    return Path(path).with_suffix(".instructions.txt")


def sheet_instructions(name: str, version: str, book: Codebook, actors: list[str]) -> str:
    """What coders need to code the sheet ``name``: the instructions file
    :func:`analysis.coding_sheet` writes beside it."""
    return "\n".join([
        f"How to code {name} (made with {version}; its {STAMP} column says so on every row).",
        "",
        f"Code the sentence only; previous and next are context. Definitions: {definitions_of(book)}.",
        f"Frames ({' '.join(book.frame_ids)}): 1 if the sentence uses the frame; blank or 0 if not.",
        f"actor: who is held responsible - one of: {' '.join(actors)}.",
        f"kind: {' or '.join(KINDS)}. polarity: {' or '.join(POLARITIES)}. Several attributions in one sentence: "
        "separate them with ; in the same order in actor and kind and polarity.",
        f"coder: your name or initials. notes: free text. Do not edit doc_id, sent_id, {PROBABILITY_COLUMN} (the "
        "sentence's probability of having been drawn for coding), codebook_version or the column names.",
        "Save the sheet as CSV (UTF-8) with ',' between cells.",
        "",
    ])


def definitions_of(book: Codebook) -> str:
    """Where a coder finds the definitions of the frames of ``book``.

    >>> definitions_of(Codebook.load({"aid": ["aid"]}))
    'not in a file (the codebook was given as a mapping); ask whoever made this sheet'
    """
    if book == Codebook.load():
        return "the codebook (analysis.codebook_markdown() or figures/codebook.md)"
    if book.source == "<mapping>":
        return "not in a file (the codebook was given as a mapping); ask whoever made this sheet"
    return f"the codebook {Path(book.source).name} (analysis.codebook_markdown(codebook=<its path>))"


def write_sheet(path: Path, sheet: pd.DataFrame, version: str) -> None:
    """Write ``sheet`` as CSV: the column names on the first line, every cell
    as text, and the last column, ``codebook_version``, holding ``version`` on
    every row. No comment lines: ``pandas.read_csv(path)`` reads it as it is,
    and a ``#`` in a sentence ("&#233;", "#refugeeswelcome") is text."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([*sheet.columns, STAMP])
        writer.writerows((*row, version) for row in sheet.astype(str).itertuples(index=False))


def _read_sheet(path: Path, frames: list[str], actors: set[str], version: str) -> pd.DataFrame:
    if not path.is_file():
        raise CodingSheetError(path, None, None, "no such file.")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    n_header = next((i for i, r in enumerate(records) if not (r and r[0].startswith("#"))), len(records))
    _refuse_semicolons(path, n_header + 1, records[n_header] if n_header < len(records) else [])
    stamped = n_header == 0            # a sheet made before the stamp column has '#' lines, one of them the stamp
    if not stamped:
        found = [r[0].split(":", 1)[1].strip() for r in records[:n_header] if r[0].startswith("# codebook_version:")]
        if not found:
            raise CodingSheetError(path, 1, None, "no '# codebook_version: ...' header line; "
                                   "make sheets with analysis.coding_sheet() and keep their header lines.")
        _check_stamp(path, 1, None, found[0], version)
    if n_header == len(records):
        raise CodingSheetError(path, n_header + 1, None, "no column names" + " after the header lines" * (not stamped) + ".")
    columns = [c.strip() for c in records[n_header]]
    expected = CONTEXT_COLUMNS + frames + list(ATTRIBUTION_FIELDS) + ["coder", "notes"] + [STAMP] * stamped
    for col in expected:
        if col not in columns:
            why = (" (codebook_version holds, on every row, the versions of the resources the sheet was made with; "
                   "copy it back from the sheet as it was made)") if col == STAMP else ""
            raise CodingSheetError(path, n_header + 1, col, f"column missing; the sheet needs the columns {expected}{why}.")
    for col in columns:
        if col not in expected + [PROBABILITY_COLUMN] or columns.count(col) > 1:
            raise CodingSheetError(path, n_header + 1, col or "(blank)",
                                   "unknown or repeated column; the sheet needs exactly the columns "
                                   f"{expected} (are the frames of the codebook {frames}?).")
    rows = []
    for row_number, record in enumerate(records[n_header + 1:], start=n_header + 2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(columns) and any(cell.strip() for cell in record[len(columns):]):
            raise CodingSheetError(path, row_number, None, f"{len(record)} cells but {len(columns)} columns; "
                                   "a value was typed to the right of the last column.")
        cells = dict(zip(columns, (c.strip() for c in record + [""] * (len(columns) - len(record)))))
        if stamped:
            _check_stamp(path, row_number, STAMP, cells[STAMP], version)
        rows.append(_read_row(path, row_number, cells, frames, actors)
                    + [_probability(path, row_number, cells.get(PROBABILITY_COLUMN))])
    if not rows:
        raise CodingSheetError(path, None, None, "the sheet has no rows.")
    table = pd.DataFrame(rows, columns=["doc_id", "sent_id", "coder", *frames, *ATTRIBUTION_FIELDS,
                                        "notes", "file", "row", PROBABILITY_COLUMN])
    return table.assign(codebook_version=version)


def _check_stamp(path: Path, row: int, column: str | None, found: str, version: str) -> None:
    """Refuse a sheet (or row) stamped with other resources than those it is read with."""
    if not found:
        raise CodingSheetError(path, row, column, "the stamp is blank; it holds the versions of the resources the "
                               "sheet was made with, as on its other rows: copy it back.")
    if found != version:
        raise CodingSheetError(path, row, column, f"the sheet was made with codebook version {found!r} but the "
                               f"codebook is {version!r}; check the codes against that version's definitions, "
                               f"then pass codebook_version={found!r} to read it.")


def _read_row(path: Path, row: int, cells: dict, frames: list[str], actors: set[str]) -> list:
    def fail(column: str, problem: str):
        raise CodingSheetError(path, row, column, f"{problem} (found {cells[column]!r}).")

    if not cells["doc_id"]:
        fail("doc_id", "doc_id is blank; do not edit doc_id or sent_id")
    sent_id = _integer(cells["sent_id"])
    if sent_id is None:
        fail("sent_id", "sent_id must be a whole number; do not edit doc_id or sent_id")
    codes = []
    for frame in frames:
        value = 0 if cells[frame] == "" else _integer(cells[frame])
        if value not in (0, 1):
            fail(frame, "a frame cell must be 1 (the sentence uses the frame), 0 or blank")
        codes.append(value)
    parts = {f: [p.strip() for p in cells[f].split(";")] if cells[f] else [] for f in ATTRIBUTION_FIELDS}
    allowed = {"actor": actors, "kind": set(KINDS), "polarity": set(POLARITIES)}
    for field, values in parts.items():
        for value in values:
            if value not in allowed[field]:
                fail(field, f"{field} must be one of {sorted(allowed[field])}, separated by ; for several")
    counts = {f: len(v) for f, v in parts.items()}
    if len(set(counts.values())) > 1:
        field = min(counts, key=counts.get)
        fail(field, f"actor, kind and polarity must list the same number of attributions; got {counts}")
    coder = cells["coder"] or path.stem
    return [cells["doc_id"], sent_id, coder, *codes, *(";".join(parts[f]) for f in ATTRIBUTION_FIELDS),
            cells["notes"], str(path), row]


def _probability(path: Path, row: int, value: str | None) -> float:
    """A cell of ``coding_probability``: a number in (0, 1]; NaN for a sheet without the column."""
    if value is None:
        return float("nan")
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not 0 < number <= 1:
        raise CodingSheetError(path, row, PROBABILITY_COLUMN, f"must be the probability in (0, 1] that the sheet "
                               f"recorded (found {value!r}); copy it back from the sheet as it was made.")
    return number


def _stamp(path: Path, n_header: int) -> str | None:
    """The ``# codebook_version:`` stamp of a sheet's header lines, if any."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        lines = [cells[0] for _, cells in zip(range(n_header), csv.reader(handle)) if cells]
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("# codebook_version:")), None)


def _read_table(path: Path) -> tuple[pd.DataFrame, int]:
    """A coded CSV file as text cells (its ``#`` header lines skipped) and the
    number of those lines; a missing file, cells separated by ";" or bytes
    that are not UTF-8 CSV are refused naming the file."""
    if not path.is_file():
        raise CodingSheetError(path, None, None, "no such file.")
    n_header, names = _sheet_start(path)
    _refuse_semicolons(path, n_header + 1, names)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, skiprows=n_header, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise CodingSheetError(path, None, None, f"cannot be read as a UTF-8 CSV file ({err}); save it from "
                               "the spreadsheet as CSV (UTF-8).") from None
    return table, n_header


def _sheet_start(path: Path) -> tuple[int, list[str]]:
    """How many ``#`` lines open the file (a coding sheet's header, quoted or
    not), and the cells of the line after them (the column names)."""
    count, names = 0, []
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        for cells in csv.reader(handle):
            if not (cells and cells[0].startswith("#")):
                names = cells
                break
            count += 1
    return count, names


def _refuse_semicolons(path: Path, row: int, names: list[str]) -> None:
    """Column names that are one cell holding ";" are a sheet saved with ";"
    between its cells, as spreadsheets set to languages with a decimal comma do."""
    if len(names) == 1 and ";" in names[0]:
        raise CodingSheetError(path, row, None, "the cells are separated by ';', not ','; a spreadsheet set to a "
                               "language with decimal commas (German, French...) saves CSV so. Save it as CSV with "
                               "',' between cells (the separator is in the spreadsheet's CSV export or regional "
                               "settings), keeping the lines that start with '#'.")


def _first_difference(ours: str, theirs: str, width: int = 20) -> tuple[int, str, str]:
    """How many characters two texts share at their start, and an excerpt of
    each around where they part ("…" where it is cut).

    >>> same, ours, theirs = _first_difference('He said "we will help".', 'He said “we will help”.', width=5)
    >>> print(same, ours, theirs, sep="\\n")
    8
    …'said "we w'…
    …'said “we w'…
    """
    same = len(os.path.commonprefix([ours, theirs]))
    start = max(same - width, 0)

    def excerpt(text: str) -> str:
        return ("…" if start else "") + repr(text[start:same + width]) + ("…" if same + width < len(text) else "")

    return same, excerpt(ours), excerpt(theirs)


def _integer(text: str) -> int | None:
    """A whole number written as "3" or "3.0" (as spreadsheets may save it), else None."""
    match = re.fullmatch(r"(\d+)(?:\.0*)?", text)
    return int(match.group(1)) if match else None
