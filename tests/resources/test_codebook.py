"""Tests for analysis.resources.codebook: the shipped codebook, round trips
through YAML and .dic files, codebooks of one's own, and malformed files named
by key or line."""

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.errors import CodebookError
from analysis.measures.frames import frame_hits, frame_scores
from analysis.paths import shipped
from analysis.resources import _files as files_module
from analysis.resources import codebook as codebook_module
from analysis.resources.codebook import Codebook, load_codebook, save_codebook

FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]


def one(text):
    return pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "text": [text]})


def test_shipped_codebook_has_every_documented_field():
    cb = load_codebook()
    assert cb.frame_ids == FRAMES and cb.version == "1.3"
    for frame in cb.frames:
        for key in ("id", "label", "definition", "includes", "excludes", "examples", "entries"):
            assert frame.get(key), (frame["id"], key)
        assert 2 <= len(frame["examples"]) <= 3
    weights = [e["weight"] for f in cb.frames for e in f["entries"]]
    assert {0.5, 1, 2} <= set(weights) and any(e["note"] for f in cb.frames for e in f["entries"])
    assert {"illegal_immigrants", "irregular_migrants", "migrants", "refugees", "asylum_seekers",
            "migrants_and_refugees"} <= set(cb.naming_ids)


def test_yaml_round_trip_keeps_everything(tmp_path, sents):
    path = save_codebook(load_codebook(), tmp_path / "copy.yaml")
    back = load_codebook(path)
    assert back == load_codebook()
    assert back.about["overlaps"].startswith("The frames are not exclusive") and back.about["naming_description"]
    assert frame_hits(sents, codebook=back).equals(frame_hits(sents))
    path.write_text("# my notes\nblame: [blame*]\n")
    with pytest.raises(FileExistsError, match=r"copy\.yaml exists; pass overwrite=True"):
        save_codebook(load_codebook(), path)
    assert path.read_text() == "# my notes\nblame: [blame*]\n"
    assert load_codebook(save_codebook(load_codebook(), path, overwrite=True)) == load_codebook()


def test_dic_round_trip_keeps_frames_and_entries(tmp_path, sents):
    path = save_codebook(load_codebook(), tmp_path / "copy.dic")
    assert path.read_text().startswith("%\n1\tsovereignty\n2\thumanitarian\n")
    back = load_codebook(path)
    assert back.frame_ids == FRAMES
    assert [[e["entry"] for e in f["entries"]] for f in back.frames] == \
           [[e["entry"] for e in f["entries"]] for f in load_codebook().frames]
    hits = [f"{f}_hits" for f in FRAMES]
    assert frame_scores(sents, codebook=back)[hits].equals(frame_scores(sents, method="dictionary")[hits])


def test_user_dic_with_spaces_and_several_categories(tmp_path):
    path = tmp_path / "mine.dic"
    path.write_text("%\n1 blame\n2 help\n%\nblam*\t1\nhuman rights 2\nresponsib* 1 2\n", encoding="utf-8")
    cb = load_codebook(path)
    assert [(f["id"], [e["entry"] for e in f["entries"]]) for f in cb.frames] == [
        ("blame", ["blam*", "responsib*"]), ("help", ["human rights", "responsib*"])]
    assert frame_scores(one("They blamed Human Rights groups for their responsibility."), codebook=cb)[
        ["blame_hits", "help_hits"]].values.tolist() == [[2, 2]]


def test_quanteda_style_yaml_replaces_or_extends(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("blame:\n  - blame*\nsecurity:\n  - menace\n", encoding="utf-8")
    assert load_codebook(path).frame_ids == ["blame", "security"]
    extended = load_codebook(path, extend=True)
    assert extended.frame_ids == [*FRAMES, "blame"]
    scores = frame_scores(one("A menace, they blamed."), codebook=extended)
    assert scores[["security", "blame"]].values.tolist() == [[1, 1]]
    assert extended.naming == load_codebook().naming


@pytest.mark.parametrize("content, message", [
    ("frames:\n  - id: aid\n    entries: [aid\n", r"line \d+, column \d+: not valid YAML"),
    ("frames:\n  - id: aid\n", r"frames\[0\] \(id 'aid'\)\.entries: must be a non-empty list"),
    ("frames:\n  - id: aid\n    entries: [aid]\n  - id: aid\n    entries: [help]\n", "id 'aid' appears twice"),
    ("frames:\n  - id: aid\n    entires: [aid]\n",
     r"frames\[0\] \(id 'aid'\): missing 'entries' \(unknown key 'entires': did you mean 'entries'\?\)"),
    ("frames:\n  - id: aid\n    entries:\n      - {entry: relief, weight: high}\n",
     r"frames\[0\] \(id 'aid'\)\.entries\[0\]\.weight: 'high' is not a positive number"),
    ("frames:\n  - id: aid\n    entries: [aid, 42]\n", r"entries\[1\]: an entry is a string"),
    ("frames:\n  - id: aid\n    entries: ['relief (food)']\n", "label 'aid': entry 'relief \\(food\\)'"),
    ("frames:\n  - id: text\n    entries: [aid]\n", "id 'text' is reserved"),
    ("frames:\n  - id: my frame\n    entries: [aid]\n", "id 'my frame' must be a name"),
    ("colour: [red]\nframes: []\n", r"bad\.yaml: unknown key 'colour'\. Allowed keys: \['changelog', "),
    ("blame: blame*\n", "key 'blame': expected a list of entries"),
])
def test_malformed_yaml_codebooks_name_the_key_or_line(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError, match=message) as err:
        load_codebook(path)
    assert str(path) in str(err.value)


def test_a_misspelt_frames_key_is_named_not_read_as_a_quanteda_mapping(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("version: 0.1\ntitle: Climate frames\nframs:\n  - id: cost\n    entries: [cost*]\n",
                    encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    assert str(err.value) == (
        f"{path}: looks like our layout (frames.yaml) with a misspelt key, not a {{frame: [entries]}} mapping "
        "(no list of entries under 'version', 'title', 'frams'): missing 'frames' (unknown key 'frams': did you "
        "mean 'frames'?). Allowed keys: ['changelog', 'description', 'frames', 'naming', 'overlaps', 'title', "
        "'version'].")
    path.write_text("version: 0.1\nframing:\n  - id: cost\n    entries: [cost*]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"under 'version'\): missing 'frames' \(unknown key 'framing'\)\. "):
        load_codebook(path)


def test_quanteda_mappings_with_names_near_ours_still_load(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("overlap: [overlap*]\nblaming: {state: [blame*], people: [fault]}\nversions: [version*]\n",
                    encoding="utf-8")
    assert load_codebook(path).frame_ids == ["overlap", "blaming_state", "blaming_people", "versions"]


@pytest.mark.parametrize("content, message", [
    ("frames:\n  - idd: risk\n    entries: [risk*]\n",
     "frames[0]: missing 'id' (unknown key 'idd': did you mean 'id'?). Allowed keys: ['definition', 'entries', "
     "'examples', 'excludes', 'id', 'includes', 'label', 'note', 'overlaps']."),
    ("frames:\n  - entries: [risk*]\n", "frames[0]: missing 'id'; give it a name of letters, digits and "
     "underscores (it becomes a column name)."),
    ("frames:\n  - id: risk\n    lable: Risk\n    colour: red\n    entries: [risk*]\n",
     "frames[0] (id 'risk'): unknown keys 'lable', 'colour': did you mean 'label' for 'lable'? Allowed keys: "
     "['definition', 'entries', 'examples', 'excludes', 'id', 'includes', 'label', 'note', 'overlaps']."),
    ("frames:\n  - id: risk\n    entries:\n      - {entyr: risk, weight: 2}\n",
     "frames[0] (id 'risk').entries[0]: missing 'entry' (unknown key 'entyr': did you mean 'entry'?). "
     "Allowed keys: ['entry', 'note', 'weight']."),
    ("frames:\n  - id: risk\n    entries: [risk]\nnaming:\n  lables: []\n",
     "naming: missing 'labels' (unknown key 'lables': did you mean 'labels'?). "
     "Allowed keys: ['description', 'labels']."),
    ("frames:\n  - id: risk\n    entries: [risk]\nnaming:\n  labels:\n    - id: people\n      entires: [people]\n",
     "naming.labels[0]: missing 'entries' (unknown key 'entires': did you mean 'entries'?). "
     "Allowed keys: ['entries', 'id', 'kind', 'label', 'note']."),
])
def test_misspelt_keys_are_named_with_the_key_meant(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    assert str(err.value) == f"{path}: {message}"


@pytest.mark.parametrize("content, message", [
    ("1 blame\n%\nblam* 1\n", "line 1: a .dic file starts with a '%' line"),
    ("%\n1 blame\n2 help\n", "no closing '%' line"),
    ("%\n1 blame\nblam* 1\n", "line 3: expected 'number<TAB>category', got 'blam\\* 1'"),
    ("%\none blame\n%\nblam* 1\n", "line 2: expected 'number<TAB>category'"),
    ("%\n1 blame\n%\nblam*\t2\n", "line 4: category '2' of entry 'blam\\*' is not in the header"),
    ("%\n1 blame\n%\n\nblam*\n", "line 5: entry 'blam\\*' has no category number"),
    ("%\n1 blame\n2 help\n%\nblam*\t1\n", "category 'help' has no entries"),
])
def test_malformed_dic_files_name_the_line(tmp_path, content, message):
    path = tmp_path / "bad.dic"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError, match=message):
        load_codebook(path)


def test_missing_or_unknown_codebook_files(tmp_path):
    with pytest.raises(CodebookError, match="no such codebook file"):
        load_codebook(tmp_path / "nope.yaml")
    (tmp_path / "x.txt").write_text("a")
    with pytest.raises(CodebookError, match="unknown codebook format '.txt'"):
        load_codebook(tmp_path / "x.txt")


def test_extend_with_a_duplicate_entry_names_it(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("humanitarian:\n  - Human Rights\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="'human rights' and 'Human Rights' are the same"):
        load_codebook(path, extend=True)


def test_codebook_file_is_read_with_safe_load_only():
    # the codebook module and the reader of resource files it uses
    for module in (codebook_module, files_module):
        assert "yaml.load(" not in Path(module.__file__).read_text()
    assert shipped("migration", "frames.yaml").name == "frames.yaml"


def test_a_codebook_file_is_the_same_loaded_or_passed_and_borrows_no_naming(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("danger:\n  - danger*\n")
    assert load_codebook(path) == Codebook.load(path)
    assert load_codebook(path).naming == () and load_codebook(path, extend=True).naming == load_codebook().naming
    sents = analysis.sentences(analysis.load_corpus())
    assert len(analysis.migrant_naming(sents, codebook=path)) == 0
    assert analysis.migrant_naming(sents, codebook=load_codebook(path)).equals(
        analysis.migrant_naming(sents, codebook=path))
