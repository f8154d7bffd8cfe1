"""Tests for analysis.evaluation.sheets: coding sheets read back (a round trip,
every malformed case, two coders), and files coded for the frames."""

import csv

import pandas as pd
import pytest
import yaml

from analysis.evaluation.agreement import coder_agreement, coders_table
from analysis.errors import CodingSheetError
from analysis.evaluation.sampling import coding_sheet
from analysis.evaluation.sheets import read_coding
from analysis.resources.cues import KINDS, POLARITIES
from analysis.paths import shipped

from .sheet_helpers import (ACTOR_FILE, CODEBOOK, FRAMES, OWN, VERSION, edit_sheet, make_sheet, read_sheets,
                            sents, write_old_sheet)  # noqa: F401 (sents: a fixture)

# --------------------------------------------------------------------------- coding sheets

def test_round_trip_of_a_coded_sheet(sents, tmp_path):
    path = tmp_path / "ann.csv"
    sheet = make_sheet(sents, path)
    edit_sheet(path, {(0, "sovereignty"): "1", (0, "humanitarian"): "0", (1, "humanitarian"): "1.0",
                 (1, "actor"): "libya; europe", (1, "kind"): "causal;treatment", (1, "polarity"): "deny ; assign",
                 (2, "coder"): "Ann", (2, "notes"): "unsure, see context"},
          rows=[["", "", "", "", "", "", "", "", "", "", "", ""]])  # a blank row, as spreadsheets add
    coded = read_sheets(path)
    pd.testing.assert_frame_equal(coded, read_sheets(path, sentences=sents))
    assert coded[["doc_id", "sent_id"]].values.tolist() == sheet[["doc_id", "sent_id"]].values.tolist()
    assert coded["sovereignty"].tolist() == [1, 0, 0, 0, 0]
    assert coded["humanitarian"].tolist() == [0, 1, 0, 0, 0]
    assert coded.loc[1, ["actor", "kind", "polarity"]].tolist() == ["libya;europe", "causal;treatment", "deny;assign"]
    assert coded["actor"].tolist()[2:] == ["", "", ""]
    assert coded["coder"].tolist() == ["ann", "ann", "Ann", "ann", "ann"]
    assert coded.loc[2, "notes"] == "unsure, see context"
    assert coded["row"].tolist() == [2, 3, 4, 5, 6]  # the column names on row 1
    assert coded["coding_probability"].tolist() == sheet["coding_probability"].tolist()
    assert (coded["codebook_version"] == VERSION).all()


def test_read_coding_tolerates_a_byte_order_mark(sents, tmp_path):
    path = tmp_path / "bom.csv"
    make_sheet(sents, path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(read_sheets(path)) == 5


def test_two_coders_agreement(sents, tmp_path):
    ann, bo = tmp_path / "ann.csv", tmp_path / "bo.csv"
    make_sheet(sents, ann), make_sheet(sents, bo)
    edit_sheet(ann, {(0, "sovereignty"): "1", (1, "sovereignty"): "1"})
    edit_sheet(bo, {(0, "sovereignty"): "1", (2, "sovereignty"): "1"})
    coding = read_sheets(ann, bo)
    assert coders_table(coding, "sovereignty").shape == (5, 2)
    agreement = coder_agreement(coding, ["sovereignty"]).iloc[0]
    # ann 1,1,0,0,0; bo 1,0,1,0,0: p_o = 3/5, p_e = 0.4*0.4 + 0.6*0.6 = 0.52 -> kappa = 0.08/0.48
    assert agreement.kappa == pytest.approx(0.08 / 0.48)
    # n = 10, n_1 = 4, n_0 = 6, mismatching coincidences 4: alpha = 1 - 9 * 4 / (100 - 52)
    assert agreement.alpha == pytest.approx(1 - 9 * 4 / 48)
    with pytest.raises(ValueError, match="at least two coders"):
        coder_agreement(read_sheets(ann))


# Each malformed case: how to break the sheet, and the (row, column) the error must name.
MALFORMED = {
    "frame value": ({(0, "sovereignty"): "yes"}, 2, "sovereignty"),
    "frame value 2": ({(1, "humanitarian"): "2"}, 3, "humanitarian"),
    "unknown actor": ({(2, "actor"): "libia", (2, "kind"): "causal", (2, "polarity"): "deny"}, 4, "actor"),
    "unknown kind": ({(0, "actor"): "libya", (0, "kind"): "blame", (0, "polarity"): "deny"}, 2, "kind"),
    "unknown polarity": ({(0, "actor"): "libya", (0, "kind"): "causal", (0, "polarity"): "yes"}, 2, "polarity"),
    "actor without kind": ({(3, "actor"): "libya", (3, "polarity"): "deny"}, 5, "kind"),
    "lists of unequal length": ({(4, "actor"): "libya;europe", (4, "kind"): "causal;causal",
                                 (4, "polarity"): "deny"}, 6, "polarity"),
    "empty item in a list": ({(0, "actor"): "libya;;europe", (0, "kind"): "causal;causal;causal",
                              (0, "polarity"): "deny;deny;deny"}, 2, "actor"),
    "blank doc_id": ({(1, "doc_id"): ""}, 3, "doc_id"),
    "sent_id not a number": ({(1, "sent_id"): "two"}, 3, "sent_id"),
    "negative sent_id": ({(1, "sent_id"): "-1"}, 3, "sent_id"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_values_name_file_row_and_column(case, sents, tmp_path):
    edits, row, column = MALFORMED[case]
    path = tmp_path / "bad.csv"
    make_sheet(sents, path)
    edit_sheet(path, edits)
    with pytest.raises(CodingSheetError) as err:
        read_sheets(path)
    assert (err.value.path, err.value.row, err.value.column) == (path, row, column)
    assert str(path) in str(err.value) and f"row {row}" in str(err.value) and repr(column) in str(err.value)


def test_malformed_structure(sents, tmp_path):
    path = tmp_path / "bad.csv"

    def fresh():
        make_sheet(sents, path, overwrite=True)

    def error(**kw):
        with pytest.raises(CodingSheetError) as err:
            read_sheets(path, **kw)
        return err.value

    with pytest.raises(CodingSheetError, match="no such file"):
        read_sheets(tmp_path / "missing.csv")
    fresh()
    path.write_text(path.read_text(encoding="utf-8").replace(",codebook_version\n", "\n").replace(f",{VERSION}\n", "\n"),
                    encoding="utf-8")
    assert (error().row, error().column) == (1, "codebook_version") and "copy it back" in str(error())
    fresh(); edit_sheet(path, {(1, "codebook_version"): ""})
    assert (error().row, error().column) == (3, "codebook_version") and "the stamp is blank" in str(error())
    fresh(); edit_sheet(path, {(3, "codebook_version"): "frames.yaml v0"})
    assert (error().row, error().column) == (5, "codebook_version") and "made with codebook version 'frames.yaml v0'" \
        in str(error())
    fresh()
    assert "v1" in str(error(codebook_version="frames.yaml v1; actors.yaml v1"))
    fresh(); edit_sheet(path, drop_lines=range(1, 20))
    assert "no rows" in str(error())
    fresh(); edit_sheet(path, drop_lines=range(0, 20))
    assert "no column names." in str(error())
    fresh()
    text = path.read_text(encoding="utf-8").replace(",humanitarian,", ",humanitarain,")
    path.write_text(text, encoding="utf-8")
    assert (error().row, error().column) == (1, "humanitarian")  # missing column reported first
    fresh()
    path.write_text(path.read_text(encoding="utf-8").replace(",codebook_version\n", ",codebook_version,extra\n"),
                    encoding="utf-8")
    assert (error().row, error().column) == (1, "extra")
    fresh()
    path.write_text(path.read_text(encoding="utf-8").replace(",notes,", ",notes,notes,"), encoding="utf-8")
    assert (error().row, error().column) == (1, "notes") and "repeated" in str(error())
    fresh(); edit_sheet(path, rows=[["a", "1", "", "", ""] + [""] * 8 + [VERSION, "stray"]])
    assert error().row == 7 and "right of the last column" in str(error())
    fresh(); edit_sheet(path, {(2, "sent_id"): "99"})
    assert len(read_sheets(path)) == 5
    assert (error(sentences=sents).row, error(sentences=sents).column) == (4, "doc_id")
    assert "not in the corpus" in str(error(sentences=sents))
    wrong_frames = error(codebook={"frames": [*CODEBOOK["frames"], {"id": "security", "entries": ["threat*"]}]})
    assert wrong_frames.column == "security" and "missing" in str(wrong_frames)


def test_a_sheet_made_before_the_stamp_column_is_still_read(sents, tmp_path):
    """Sheets of the kit before issue 24 opened with '#' lines, the stamp among them (quoted, too, when a
    spreadsheet saved them); they read as they did, rows numbered after those lines."""
    path = tmp_path / "old.csv"
    write_old_sheet(coding_sheet(sents, n=5, codebook=CODEBOOK, actors=ACTOR_FILE), path, VERSION)
    edit_sheet(path, {(0, "sovereignty"): "1", (4, "actor"): "libya", (4, "kind"): "causal", (4, "polarity"): "deny",
                      **{(i, "coder"): "A" for i in range(5)}})
    coded = read_sheets(path)
    assert coded["sovereignty"].tolist() == [1, 0, 0, 0, 0] and coded["actor"].tolist()[4] == "libya"
    assert coded["row"].tolist() == [8, 9, 10, 11, 12]                  # 6 '#' lines, the column names on row 7
    from analysis import read_frame_coding
    assert read_frame_coding(path, codebook=CODEBOOK)["sovereignty"].tolist() == [1, 0, 0, 0, 0]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(f'"{line[:-1]}"\n' if line.startswith("#") else line for line in lines), encoding="utf-8")
    assert read_sheets(path)["sovereignty"].tolist() == [1, 0, 0, 0, 0]                # quoted '#' lines
    assert read_frame_coding(path, codebook=CODEBOOK)["sovereignty"].tolist() == [1, 0, 0, 0, 0]
    with pytest.raises(CodingSheetError, match=r"row 1: the sheet was made with codebook version '<mapping> v9"):
        read_sheets(path, codebook_version="frames.yaml v1")
    edit_sheet(path, drop_lines=range(6, 20))
    with pytest.raises(CodingSheetError, match=r"row 7: no column names after the header lines"):
        read_sheets(path)
    path.write_text("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[1:]), encoding="utf-8")
    with pytest.raises(CodingSheetError, match=r"row 1: no '# codebook_version: \.\.\.' header line"):
        read_sheets(path)


def test_same_coder_twice_on_a_sentence_is_an_error(sents, tmp_path):
    first, second = tmp_path / "ann.csv", tmp_path / "ann2.csv"
    make_sheet(sents, first), make_sheet(sents, second)
    edit_sheet(first, {(i, "coder"): "ann" for i in range(5)})
    edit_sheet(second, {(i, "coder"): "ann" for i in range(5)})
    with pytest.raises(CodingSheetError, match="twice") as err:
        read_sheets(first, second)
    assert err.value.path == second and err.value.row == 2


# --------------------------------------------------------------------------- the shipped resources

def test_kinds_and_polarities_match_the_cues_file():
    cues = yaml.safe_load(shipped("cues.yaml").read_text(encoding="utf-8"))
    assert list(cues["kinds"]) == list(KINDS) and list(cues["polarities"]) == list(POLARITIES)


# --------------------------------------------------------------------------- the loop of an own codebook

def test_a_coded_sheet_reads_back_for_a_classifier_and_the_next_sheet_has_its_frames(tmp_path):
    """The README's loop with an own codebook: sheet -> coding by hand (a 1
    where a rule says so, blank elsewhere, as the sheet allows) -> read back
    -> fit -> an uncertainty sheet of the model's frames, excluding what is coded."""
    import analysis
    from analysis import FrameClassifier, read_frame_coding

    sents = analysis.sentences(analysis.load_corpus())
    path = tmp_path / "to_code.csv"
    sheet = coding_sheet(sents, path=path, codebook=OWN)
    danger = "smuggl|traffick|danger|deten|detain|kill|abuse|violen"
    truth = {"danger": sheet["sentence"].str.contains(danger, case=False),
             "care": sheet["sentence"].str.contains("rescue|humanitarian|aid", case=False)}
    edit_sheet(path, {(i, frame): "1" for frame, hits in truth.items() for i in hits[hits].index})
    edit_sheet(path, {(i, "coder"): "A" for i in sheet.index})    # a row with no 1 is coded: its coder says so
    coded = read_frame_coding(path, codebook=OWN, sentences=sents)
    assert len(coded) == len(sents) == len(sheet)
    for frame, hits in truth.items():
        assert coded[frame].tolist() == hits.astype(int).tolist()
    model = FrameClassifier(codebook=OWN).fit(coded["text"], coded)
    more = sents.assign(sent_id=sents["sent_id"] + 1000)      # unseen rows, so that exclude leaves some
    both = pd.concat([sents, more])
    following = coding_sheet(both, n=5, strategy="uncertain", model=model, exclude=coded, context=both)
    assert [c for c in following.columns if c in ("danger", "care", "sovereignty")] == ["danger", "care"]
    assert following["sent_id"].ge(1000).all()
    with pytest.raises(Exception, match=r"fitted for the frames \['danger', 'care'\]"):
        coding_sheet(sents, n=5, strategy="uncertain", model=model, codebook=CODEBOOK)


def test_an_uncoded_row_and_a_file_that_is_not_csv_are_named(tmp_path):
    path = tmp_path / "to_code.csv"
    sents = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "text": ["Aid came.", "Danger ahead."]})
    coding_sheet(sents, path=path, codebook=OWN)
    from analysis import read_frame_coding

    with pytest.raises(CodingSheetError, match=r"to_code.csv, row 2, column 'danger': the row is not coded"):
        read_frame_coding(path, codebook=OWN)
    path.write_bytes(b"doc_id,sent_id,sentence,danger,care\n\xff\xfe,0,x,1,0\n")
    with pytest.raises(CodingSheetError, match=r"cannot be read as a UTF-8 CSV file"):
        read_frame_coding(path, codebook=OWN)


def test_frame_ids_that_are_no_python_names_are_read(tmp_path):
    from analysis import read_frame_coding

    odd = {"frames": [{"id": "_aid", "entries": ["aid"]}, {"id": "class", "entries": ["class"]}]}
    path = tmp_path / "coded.csv"
    path.write_text("doc_id,sent_id,sentence,_aid,class\na,0,Aid came.,1,0\na,1,A class apart.,0,1\n")
    coded = read_frame_coding(path, codebook=odd)
    assert coded[["sent_id", "_aid", "class"]].values.tolist() == [[0, 1, 0], [1, 0, 1]]


def test_a_text_edited_by_a_spreadsheet_is_named_with_where_it_parts_from_the_corpus(tmp_path):
    from analysis import read_frame_coding

    sents = pd.DataFrame({"doc_id": ["c01"] * 3, "sent_id": [0, 1, 2],
                          "text": ["One.", "Two.", "He said “we will help” with aid."]})
    path = tmp_path / "coded.csv"
    path.write_text('doc_id,sent_id,sentence,danger,care\nc01,2,"He said ""we will help"" with aid.",0,1\n',
                    encoding="utf-8")                   # the spreadsheet straightened the quotes
    with pytest.raises(CodingSheetError) as err:
        read_frame_coding(path, codebook=OWN, sentences=sents)
    assert (err.value.row, err.value.column) == (2, "sentence")
    message = str(err.value)
    assert "sentence ('c01', 2) in the corpus after 8 characters" in message
    assert ("the file has 'He said \"we will help\" with '…, "
            "the corpus 'He said “we will help” with '…") in message
    # whitespace at either end is no difference: the text read is the file's
    path.write_text("doc_id,sent_id,text,danger,care\nc01,2, He said “we will help” with aid. ,0,1\n",
                    encoding="utf-8")
    assert read_frame_coding(path, codebook=OWN, sentences=sents)["text"].tolist() == [
        " He said “we will help” with aid. "]
    # an invisible difference deep in a long sentence: a no-break space, shown escaped, in excerpts cut with …
    sents.loc[2, "text"] = "x" * 40 + " said it " + "y" * 40
    path.write_text(f"doc_id,sent_id,text,danger,care\nc01,2,{'x' * 40}\xa0said it {'y' * 40},0,1\n", encoding="utf-8")
    with pytest.raises(CodingSheetError) as err:
        read_frame_coding(path, codebook=OWN, sentences=sents)
    assert (f"after 40 characters: the file has …'{'x' * 20}\\xa0said it {'y' * 11}'…, "
            f"the corpus …'{'x' * 20} said it {'y' * 11}'…. Copy the corpus's text back") in str(err.value)


def _save_with_semicolons(path):
    """Save a sheet as a spreadsheet set to German does: ";" between cells, every row as wide as the widest."""
    records = list(csv.reader(open(path, encoding="utf-8-sig", newline="")))
    width = max(map(len, records))
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(r + [""] * (width - len(r)) for r in records)


def test_a_sheet_saved_with_semicolons_is_named_as_such(sents, tmp_path):
    from analysis import read_frame_coding

    path = tmp_path / "sheet.csv"
    make_sheet(sents, path)
    edit_sheet(path, {(i, frame): "0" for i in range(5) for frame in FRAMES})
    _save_with_semicolons(path)
    assert path.read_text(encoding="utf-8-sig").startswith("doc_id;sent_id;previous;sentence;next;")
    for read in (read_sheets, lambda p: read_frame_coding(p, codebook=CODEBOOK)):
        with pytest.raises(CodingSheetError, match="separated by ';', not ','") as err:
            read(path)
        assert (err.value.row, err.value.column) == (1, None)
        assert "Save it as CSV with ',' between cells" in str(err.value)
    plain = tmp_path / "coded.csv"
    plain.write_text("doc_id;sent_id;sentence;sovereignty;humanitarian\na;0;Sentence 0 of a, again.;1;0\n")
    with pytest.raises(CodingSheetError, match=r"coded\.csv, row 1: the cells are separated by ';'"):
        read_frame_coding(plain, codebook=CODEBOOK)


def test_the_instructions_point_to_the_codebook_used(sents, tmp_path):
    from analysis import read_frame_coding, save_codebook
    from analysis.resources.codebook import Codebook

    def definitions(path):
        line = path.with_suffix(".instructions.txt").read_text(encoding="utf-8").splitlines()[2]
        assert line.startswith("Code the sentence only; previous and next are context. Definitions: ")
        return line.split("Definitions: ", 1)[1]

    mine = save_codebook(Codebook.load(OWN), tmp_path / "my_frames.yaml")
    own, given, ours = tmp_path / "own.csv", tmp_path / "given.csv", tmp_path / "ours.csv"
    coding_sheet(sents, n=3, path=own, codebook=mine)
    coding_sheet(sents, n=3, path=given, codebook=OWN)
    coding_sheet(sents, n=3, path=ours)
    assert definitions(own) == "the codebook my_frames.yaml (analysis.codebook_markdown(codebook=<its path>))."
    assert definitions(given) == "not in a file (the codebook was given as a mapping); ask whoever made this sheet."
    assert definitions(ours) == "the codebook (analysis.codebook_markdown() or figures/codebook.md)."
    assert "codebook.md" not in "".join(p.with_suffix(".instructions.txt").read_text(encoding="utf-8") for p in (own, given))
    edit_sheet(own, {(i, "coder"): "A" for i in range(3)})
    assert len(read_coding(own, codebook=mine)) == len(read_frame_coding(own, codebook=mine)) == 3


def test_a_frame_coding_read_with_another_codebook_says_which_is_in_use(tmp_path):
    from analysis import read_frame_coding

    path = tmp_path / "coded.csv"
    path.write_text("doc_id,sent_id,sentence,threat\na,0,Danger ahead.,1\n")
    with pytest.raises(CodingSheetError, match=r"column 'sovereignty': column missing.*the codebook in use is "
                                               r"frames\.yaml v1\.3; pass codebook= the one the sheet was coded with"):
        read_frame_coding(path)
    assert read_frame_coding(path, codebook={"threat": ["danger"]})["threat"].tolist() == [1]


def test_coding_probability_is_read_back_checked_and_the_stamp_kept(sents, tmp_path):
    from analysis import read_frame_coding
    path = tmp_path / "p.csv"
    sheet = make_sheet(sents, path)
    edit_sheet(path, {(i, "sovereignty"): "0" for i in range(5)})
    frames = read_frame_coding(path, codebook=CODEBOOK)
    assert frames["coding_probability"].tolist() == sheet["coding_probability"].tolist()
    assert (frames["codebook_version"] == VERSION).all()
    edit_sheet(path, {(1, "coding_probability"): "0"})
    for reader in (lambda: read_frame_coding(path, codebook=CODEBOOK), lambda: read_sheets(path)):
        with pytest.raises(CodingSheetError, match="row 3, column 'coding_probability': must be the probability"):
            reader()


# --------------------------------------------------------------------------- attribution coding files

ATTRIBUTION_HEADER = "doc_id,sent_id,sentence,speaker_actor,actor,kind,polarity,outlet\n"


def test_an_attribution_coding_file_is_read_one_row_per_attribution(tmp_path):
    from analysis.evaluation.sheets import read_attribution_coding
    path = tmp_path / "coded.csv"
    path.write_text(ATTRIBUTION_HEADER + "a,0,Italy and Libya must act.,(outlet),europe; libya,treatment;treatment,"
                    "assign; assign,DW\na,1,Talks went on.,,,,,DW\nb,0,He denied it.,libya,libya,causal,deny,BBC\n"
                    "b,0,He denied it.,,migrants,causal,assign,BBC\n")
    table = read_attribution_coding(path)
    assert table[["doc_id", "sent_id", "speaker_actor", "actor", "kind", "polarity", "outlet", "row"]].values.tolist() == [
        ["a", 0, "(outlet)", "europe", "treatment", "assign", "DW", 2],
        ["a", 0, "(outlet)", "libya", "treatment", "assign", "DW", 2],
        ["a", 1, "", "", "", "", "DW", 3],
        ["b", 0, "libya", "libya", "causal", "deny", "BBC", 4],
        ["b", 0, "(no actor)", "migrants", "causal", "assign", "BBC", 5]]     # a blank speaker: no actor
    seeds = read_attribution_coding(path, blank_speaker="(outlet)")
    assert seeds["speaker_actor"].tolist()[-1] == "(outlet)"


@pytest.mark.parametrize("row, column, message", [
    ("a,0,Italy must act.,(outlet),italy,treatment,assign,DW", "actor", r"'italy' is no actor id of actors\.yaml v4; "
     r"correct it, or pass the actors file the coding was made with"),
    ("a,0,Italy must act.,(outlet),europe,moral,assign,DW", "kind", r"kind must be one of \['causal', 'treatment'\]"),
    ("a,0,Italy must act.,(outlet),europe,treatment,blame,DW", "polarity", r"polarity must be one of \['assign', 'deny'\]"),
    ("a,0,Italy must act.,(outlet),europe; libya,treatment,assign,DW", "kind",
     r"actor, kind and polarity must list the same number of attributions"),
    ("a,0,Italy must act.,the outlet,europe,treatment,assign,DW", "speaker_actor", r"'the outlet' is no actor id .*"
     r"'\(outlet\)' or '\(no actor\)'"),
    ("a,x,Italy must act.,(outlet),europe,treatment,assign,DW", "sent_id", "sent_id must be a whole number"),
])
def test_a_bad_value_in_an_attribution_coding_names_file_row_and_column(tmp_path, row, column, message):
    from analysis.evaluation.sheets import read_attribution_coding
    path = tmp_path / "coded.csv"
    path.write_text(ATTRIBUTION_HEADER + "a,1,Talks went on.,,,,,DW\n" + row + "\n")
    with pytest.raises(CodingSheetError, match=rf"coded\.csv, row 3, column '{column}': {message}"):
        read_attribution_coding(path)


def test_an_attribution_coding_is_checked_against_the_corpus_and_itself(tmp_path):
    import analysis
    from analysis.evaluation.sheets import read_attribution_coding
    corpus = analysis.load_corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Italy must act. Talks went on."]}))
    sentences = analysis.sentences(corpus)
    path = tmp_path / "coded.csv"
    path.write_text(ATTRIBUTION_HEADER + "a,0,Italy must act!,(outlet),europe,treatment,assign,DW\n")
    with pytest.raises(CodingSheetError, match=r"row 2, column 'sentence': the text differs .* after 14 characters"):
        read_attribution_coding(path, sentences=sentences)
    path.write_text(ATTRIBUTION_HEADER + "a,7,Rain.,,,,,DW\n")
    with pytest.raises(CodingSheetError, match=r"row 2, column 'doc_id': sentence \('a', 7\) is not in the corpus"):
        read_attribution_coding(path, sentences=sentences)
    path.write_text(ATTRIBUTION_HEADER + "a,0,Italy must act.,(outlet),europe,treatment,assign,DW\n"
                    "a,0,Italy must act.,,,,,DW\n")
    with pytest.raises(CodingSheetError, match=r"row 3, column 'actor': the sentence \('a', 0\) is coded with "
                                               r"attributions in coded\.csv row 2 and without here"):
        read_attribution_coding(path)
    path.write_text("doc_id,sent_id,sentence,actor,kind,polarity\n")
    with pytest.raises(CodingSheetError, match=r"row 1, column 'speaker_actor': column missing"):
        read_attribution_coding(path)
