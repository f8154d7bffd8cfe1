"""Tests for analysis.framing: known sentences, offsets, codebook files, the
scikit-learn transformer, naming and the profile plot. Expected counts were
worked out by hand from the entries of analysis/data/frames.yaml."""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

import analysis
from analysis.framing import (CODEBOOK_FILE, CodebookError, FrameScorer, codebook_from_dict, frame_evidence,
                              frame_hits, frame_profile, frame_scores, frame_validity, kwic, load_codebook, migrant_naming,
                              naming_speakers, naming_table, plot_frame_profile, plot_naming, save_codebook)
from analysis.paths import PROJ_ROOT

FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]
CODING = PROJ_ROOT / "tests" / "coding" / "frames_seed_coding.csv"
CODEBOOK_V1 = PROJ_ROOT / "tests" / "coding" / "frames_codebook_v1.0.yaml"
CODEBOOK_V11 = PROJ_ROOT / "tests" / "coding" / "frames_codebook_v1.1.yaml"
NEWS_CODING = PROJ_ROOT / "tests" / "coding" / "frames_news_coding.csv"


def one(text):
    return pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "text": [text]})


@pytest.mark.parametrize("text, expected", [
    # positives, one per frame
    ("The government said it will defend its sovereignty over its territorial waters.", {"sovereignty": 2}),
    ("Aid workers rescued 200 people and provided medical care.", {"humanitarian": 3}),
    ("Clashes and air strikes killed dozens near the capital.", {"security": 3}),
    ("Smugglers and traffickers were arrested.", {"criminality": 3}),
    ("The EU and Libya agreed a partnership to share the burden.", {"cooperation": 2}),
    # negatives and boundaries between frames
    ("The minister visited Rome on Tuesday.", {}),
    ("Illegal immigrants arrived in Libya by boat.", {}),              # naming is not criminality
    ("Italy will provide technical assistance for fighting illegal immigration.",
     {"cooperation": 1, "criminality": 1}),                            # fighting crime is not armed conflict
    ("The IOM and the UNHCR said in a joint statement that the centres must close.", {}),
    ("Security services arrested dozens.", {"criminality": 1}),        # a service's name is not a threat
    ("Libya's national security is at stake.", {"sovereignty": 1, "security": 1}),  # documented overlap
])
def test_known_sentences(text, expected):
    scores = frame_scores(one(text))
    assert {f: int(scores[f].iloc[0]) for f in FRAMES if scores[f].iloc[0]} == expected


def test_negated_hits_are_flagged_counted_by_default_and_can_be_skipped():
    s = one("There were no human rights violations, only smugglers.")
    hits = frame_hits(s)
    assert hits[["frame", "matched", "negated"]].values.tolist() == [
        ["humanitarian", "human rights", True], ["criminality", "smugglers", False]]
    assert frame_scores(s)["humanitarian"].iloc[0] == 1
    assert frame_scores(s, negated="skip")[["humanitarian", "criminality"]].values.tolist() == [[0, 1]]
    with pytest.raises(ValueError, match="negated must be one of"):
        frame_scores(s, negated="drop")


def test_multiword_and_glob_entries_across_variants():
    s = one("Humanitarians saved the lives of many; life saving work and Human-Rights groups.")
    assert frame_hits(s)[["entry", "matched"]].values.tolist() == [
        ["humanitarian*", "Humanitarians"], ["sav* the lives", "saved the lives"],
        ["life-saving", "life saving"], ["human rights", "Human-Rights"]]


def test_every_hit_on_the_seeds_is_its_span_of_the_document(corpus, sents):
    docs = corpus.set_index("doc_id")["text"]
    hits = frame_hits(sents)
    assert len(hits) > 100
    assert all(docs[d][s:e] == m for d, s, e, m in zip(hits.doc_id, hits.start, hits.end, hits.matched))
    names = migrant_naming(sents)
    assert all(docs[d][s:e] == m for d, s, e, m in zip(names.doc_id, names.start, names.end, names.matched))
    k = kwic(sents, "migrant*")
    assert len(k) > 10 and all(docs[d][s:e] == w for d, s, e, w in zip(k.doc_id, k.start, k.end, k.keyword))


def test_frame_scores_keep_rows_and_index_and_agree_with_hits(sents):
    shuffled = sents.sample(frac=1, random_state=1).set_index(pd.Index(range(100, 100 + len(sents))))
    scores = frame_scores(shuffled)
    assert scores.index.equals(shuffled.index) and scores["text"].equals(shuffled["text"])
    assert all(scores[f].dtype == np.int64 for f in FRAMES)
    hits = frame_hits(shuffled).groupby(["doc_id", "sent_id", "frame"]).size()
    for row in scores.itertuples():
        for f in FRAMES:
            assert getattr(row, f) == hits.get((row.doc_id, row.sent_id, f), 0)


def test_frame_scores_refuses_a_table_that_already_has_a_frame_column():
    s = one("aid").assign(security=1)
    with pytest.raises(ValueError, match=r"already has column\(s\) \['security'\]"):
        frame_scores(s)


def test_bad_input_tables_get_clear_errors():
    with pytest.raises(ValueError, match="missing \\['text'\\]"):
        frame_scores(pd.DataFrame({"doc_id": ["a"]}))
    with pytest.raises(ValueError, match="row 1 \\(doc_id 'b'\\)"):
        frame_scores(pd.DataFrame({"doc_id": ["a", "b"], "text": ["aid", None]}))


def test_weighted_scores_sum_entry_weights():
    cb = codebook_from_dict({"frames": [{"id": "aid", "entries": ["aid", {"entry": "relief", "weight": 2.5}]}]})
    s = one("Aid and relief, relief.")
    assert frame_scores(s, cb)["aid"].tolist() == [3]
    assert frame_scores(s, cb, weighted=True)["aid"].tolist() == [6.0]


def test_frame_profile_known_answer():
    s = pd.DataFrame({"doc_id": ["a", "a", "b"],
                      "text": ["Aid and relief.", "Smugglers.", "Nothing to see here at all"]})
    p = frame_profile(s).set_index(["doc_id", "frame"])
    # doc a: 4 word tokens ("aid and relief", "smugglers"), 2 sentences; b: 6 tokens, 1 sentence.
    assert p.loc[("a", "humanitarian"), ["sentences", "tokens", "hits", "sentences_with_frame"]].tolist() == [2, 4, 2, 1]
    assert p.loc[("a", "humanitarian"), "per_1000_tokens"] == 500.0
    assert p.loc[("a", "criminality"), "share_of_sentences"] == 0.5
    assert p.loc[("b", "security"), ["hits", "per_1000_tokens", "share_of_sentences"]].tolist() == [0, 0.0, 0.0]
    assert list(p.index.get_level_values("doc_id").unique()) == ["a", "b"]
    assert list(p.loc["a"].index) == FRAMES


def test_kwic_window_and_document_offsets():
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [3], "start": [100],
                      "text": ["One two three four human rights five six, seven."]})
    k = kwic(s, ["human rights"], window=2)
    assert k[["sent_id", "start", "end", "left", "keyword", "right"]].values.tolist() == [
        [3, 119, 131, "three four", "human rights", "five six"]]


def test_frame_evidence_ranks_by_summed_weight(sents):
    ev = frame_evidence(sents, n=2)
    assert ev.groupby("frame").size().to_dict() == dict.fromkeys(FRAMES, 2)
    top = ev[(ev.frame == "cooperation") & (ev["rank"] == 1)].iloc[0]
    hits = frame_hits(sents)
    strength = hits[(hits.frame == "cooperation") & ~hits.negated].groupby(["doc_id", "sent_id"])["weight"].sum()
    assert top.strength == strength.max()
    assert top.keyword.lower() in top.entries


# ---------------------------------------------------------------- codebook


def test_shipped_codebook_has_every_documented_field():
    cb = load_codebook()
    assert cb.frame_ids == FRAMES and cb.version == "1.2"
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
    assert frame_hits(sents, back).equals(frame_hits(sents))


def test_dic_round_trip_keeps_frames_and_entries(tmp_path, sents):
    path = save_codebook(load_codebook(), tmp_path / "copy.dic")
    assert path.read_text().startswith("%\n1\tsovereignty\n2\thumanitarian\n")
    back = load_codebook(path)
    assert back.frame_ids == FRAMES
    assert [[e["entry"] for e in f["entries"]] for f in back.frames] == \
           [[e["entry"] for e in f["entries"]] for f in load_codebook().frames]
    assert frame_scores(sents, back)[FRAMES].equals(frame_scores(sents)[FRAMES])


def test_user_dic_with_spaces_and_several_categories(tmp_path):
    path = tmp_path / "mine.dic"
    path.write_text("%\n1 blame\n2 help\n%\nblam*\t1\nhuman rights 2\nresponsib* 1 2\n", encoding="utf-8")
    cb = load_codebook(path)
    assert [(f["id"], [e["entry"] for e in f["entries"]]) for f in cb.frames] == [
        ("blame", ["blam*", "responsib*"]), ("help", ["human rights", "responsib*"])]
    assert frame_scores(one("They blamed Human Rights groups for their responsibility."), cb)[
        ["blame", "help"]].values.tolist() == [[2, 2]]


def test_quanteda_style_yaml_replaces_or_extends(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("blame:\n  - blame*\nsecurity:\n  - menace\n", encoding="utf-8")
    assert load_codebook(path).frame_ids == ["blame", "security"]
    extended = load_codebook(path, extend=True)
    assert extended.frame_ids == [*FRAMES, "blame"]
    assert frame_scores(one("A menace, they blamed."), extended)[["security", "blame"]].values.tolist() == [[1, 1]]
    assert extended.naming == load_codebook().naming


@pytest.mark.parametrize("content, message", [
    ("frames:\n  - id: aid\n    entries: [aid\n", r"line \d+, column \d+: not valid YAML"),
    ("frames:\n  - id: aid\n", r"frames\[0\] \(id 'aid'\)\.entries: must be a non-empty list"),
    ("frames:\n  - id: aid\n    entries: [aid]\n  - id: aid\n    entries: [help]\n", "id 'aid' appears twice"),
    ("frames:\n  - id: aid\n    entires: [aid]\n", r"frames\[0\] \(id 'aid'\): unknown key\(s\) \['entires'\]"),
    ("frames:\n  - id: aid\n    entries:\n      - {entry: relief, weight: high}\n",
     r"frames\[0\] \(id 'aid'\)\.entries\[0\]\.weight: 'high' is not a positive number"),
    ("frames:\n  - id: aid\n    entries: [aid, 42]\n", r"entries\[1\]: an entry is a string"),
    ("frames:\n  - id: aid\n    entries: ['relief (food)']\n", "label 'aid': entry 'relief \\(food\\)'"),
    ("frames:\n  - id: text\n    entries: [aid]\n", "id 'text' is reserved"),
    ("frames:\n  - id: my frame\n    entries: [aid]\n", "id 'my frame' must be a name"),
    ("colour: [red]\nframes: []\n", r"unknown top-level key\(s\) \['colour'\]"),
    ("blame: blame*\n", "key 'blame': expected a list of entries"),
])
def test_malformed_yaml_codebooks_name_the_key_or_line(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError, match=message) as err:
        load_codebook(path)
    assert str(path) in str(err.value)


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


# ---------------------------------------------------------------- estimator


def test_frame_scorer_matches_frame_scores_and_follows_sklearn(sents):
    scorer = FrameScorer()
    assert scorer.fit(sents["text"]) is scorer
    assert np.array_equal(scorer.transform(sents["text"]), frame_scores(sents)[FRAMES].to_numpy())
    assert np.array_equal(scorer.transform(sents), scorer.transform(list(sents["text"])))
    assert scorer.get_feature_names_out().tolist() == FRAMES
    assert scorer.get_params() == {"codebook": None, "negated": "count", "weighted": False}
    copy = clone(FrameScorer(codebook=str(CODEBOOK_V1), negated="skip"))
    assert copy.get_params()["negated"] == "skip" and not hasattr(copy, "codebook_")
    assert clone(FrameScorer(codebook=load_codebook())).fit([]).frames_ == FRAMES


def test_frame_scorer_in_a_pipeline_learns_a_planted_rule():
    texts = ["Smugglers were arrested.", "Traffickers face prosecution.", "Aid and relief arrived.",
             "Rescue teams saved lives."] * 5
    y = [1, 1, 0, 0] * 5
    pipe = Pipeline([("frames", FrameScorer()), ("clf", LogisticRegression())]).fit(texts, y)
    assert pipe.predict(["Gangs of smugglers.", "Humanitarian relief."]).tolist() == [1, 0]


def test_frame_scorer_errors():
    with pytest.raises(Exception, match="not fitted"):
        FrameScorer().transform(["aid"])
    with pytest.raises(ValueError, match="not one string"):
        FrameScorer().fit([]).transform("aid")
    with pytest.raises(ValueError, match="negated must be"):
        FrameScorer(negated="maybe").fit([])


# ---------------------------------------------------------------- naming


def test_naming_known_sentence_and_proper_names():
    s = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "start": [0, 0], "text": [
        "The Anti-Illegal Immigration Department said illegal immigrants and asylum-seekers arrived.",
        "Migrants and refugees met the UN High Commissioner for Refugees and irregular migrants."]})
    n = migrant_naming(s)
    assert n[["doc_id", "label", "matched", "proper_name"]].values.tolist() == [
        ["a", "illegal_immigration", "Illegal Immigration", True],
        ["a", "illegal_immigrants", "illegal immigrants", False],
        ["a", "asylum_seekers", "asylum-seekers", False],
        ["b", "migrants_and_refugees", "Migrants and refugees", False],
        ["b", "refugees", "Refugees", True],
        ["b", "irregular_migrants", "irregular migrants", False]]
    table = naming_table(n).set_index("doc_id")
    assert table.loc["a", ["illegal_immigrants", "asylum_seekers", "illegal_immigration", "total"]].tolist() == [1, 1, 0, 2]
    assert table.loc["b", ["migrants_and_refugees", "refugees", "irregular_migrants", "total"]].tolist() == [1, 0, 1, 2]


def test_naming_table_by_any_column_keeps_groups_without_names():
    n = pd.DataFrame({"speaker": ["x", "x", "y"], "label": ["migrants", "refugees", "refugees"],
                      "proper_name": [False, False, True]})
    t = naming_table(n, by="speaker").set_index("speaker")
    assert t.loc["x", ["migrants", "refugees", "total"]].tolist() == [1, 1, 2]
    assert t.loc["y", "total"] == 0


def test_naming_speakers_by_span_containment():
    n = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "label": ["migrants", "refugees", "migrants", "migrants"],
                      "start": [5, 25, 60, 5], "end": [13, 33, 68, 13], "proper_name": False})
    q = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 50], "end": [30, 70],
                      "resolved_speaker": ["Besher", "the IOM"], "speaker_actor": ["libya", ""]})
    out = naming_speakers(n, q)
    # 25-33 sticks out of the first quote (0-30): narration; b has no quotes at all.
    assert out[["speaker", "speaker_actor"]].values.tolist() == [
        ["Besher", "libya"], ["(narration)", "(narration)"], ["the IOM", ""], ["(narration)", "(narration)"]]
    assert naming_table(out, by="speaker_actor").set_index("speaker_actor")["total"].to_dict() == {
        "libya": 1, "(narration)": 2, "": 1}
    with pytest.raises(ValueError, match="missing column"):
        naming_speakers(n, q.drop(columns="speaker_actor"))


# ---------------------------------------------------------------- validity against the hand coding


def _f1(codebook, sents, coding):
    return frame_validity(sents, coding.reset_index(), codebook).set_index("column")


def test_hand_coding_covers_every_seed_sentence_with_the_codebook_version(sents):
    coding = pd.read_csv(CODING)
    assert len(coding) == len(sents)
    assert coding[["doc_id", "sent_id"]].values.tolist() == sents[["doc_id", "sent_id"]].values.tolist()
    assert (coding["sentence"] == sents["text"].values).all()
    assert set(coding[FRAMES].stack().unique()) <= {0, 1}
    assert coding["codebook_version"].unique().tolist() == ["frames.yaml v1.0"]


def test_tuning_did_not_lower_f1_of_any_frame_and_naming_agrees(sents):
    coding = pd.read_csv(CODING, keep_default_na=False).set_index(["doc_id", "sent_id"])
    before, after = _f1(load_codebook(CODEBOOK_V1), sents, coding), _f1(None, sents, coding)
    assert (after.loc[FRAMES, "f1"] >= before.loc[FRAMES, "f1"]).all()
    assert (after.loc[FRAMES, "f1"] >= 0.8).all()
    names = migrant_naming(sents)
    names = names[~names.proper_name].groupby(["doc_id", "sent_id"])["label"].apply(lambda x: ";".join(sorted(set(x))))
    machine = names.reindex(coding.index).fillna("")
    coded = coding["naming"].map(lambda v: ";".join(sorted(v.split(";"))) if v else "")
    assert (machine == coded).mean() >= 0.95


def test_news_coding_is_complete_and_blind_to_tuning():
    coding = pd.read_csv(NEWS_CODING, dtype={"doc_id": str})
    assert len(coding) == 50 and not coding.duplicated(["doc_id", "sent_id"]).any()
    assert set(coding[FRAMES].stack().unique()) <= {0, 1}
    assert coding["codebook_version"].unique().tolist() == ["frames.yaml v1.1"]
    assert load_codebook(CODEBOOK_V11).version == "1.1"


def test_news_coding_f1_did_not_drop_from_the_blind_version():
    from analysis.news import NEWS_ZIP, news_corpus
    if not NEWS_ZIP.exists():
        pytest.skip("needs the NewsArticles corpus: run `make news-corpus`")
    coding = pd.read_csv(NEWS_CODING, dtype={"doc_id": str})
    with pytest.warns(UserWarning):
        corpus = news_corpus()
    sents = analysis.sentences(corpus[corpus["doc_id"].isin(set(coding["doc_id"]))])
    sents = sents.merge(coding[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
    assert (sents["text"].to_numpy() == coding["sentence"].to_numpy()).all()
    blind = frame_validity(sents, coding, CODEBOOK_V11).set_index("column")["f1"]
    shipped = frame_validity(sents, coding).set_index("column")["f1"]
    assert (shipped >= blind).all()
    assert shipped["sovereignty"] > blind["sovereignty"] + 0.2   # entry control was the gap v1.2 closed


# ---------------------------------------------------------------- plot


def test_plot_frame_profile_shows_the_data():
    profile = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "frame": ["x", "y", "x", "y"],
                            "per_1000_tokens": [10.0, 20.0, 0.0, 5.0], "share_of_sentences": [0.1, 0.2, 0.0, 0.5]})
    fig, ax = plot_frame_profile(profile, labels={"a": "Article A"})
    assert len(ax.patches) == 4
    assert [round(p.get_width(), 6) for p in ax.patches] == [10.0, 0.0, 20.0, 5.0]  # frame x (a, b), then y
    assert ax.get_xlabel() == "Frame hits per 1,000 tokens" and ax.get_ylabel() == "Article"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Article A", "b"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["x", "y"]
    fig2, ax2 = plot_frame_profile(profile, "share_of_sentences")
    assert ax2.get_xlabel() == "Share of sentences with the frame"
    assert [round(p.get_width(), 6) for p in ax2.patches] == [0.1, 0.0, 0.2, 0.5]
    with pytest.raises(ValueError, match="value must be one of"):
        plot_frame_profile(profile, "hits")


def test_plot_naming_shows_shares_or_counts():
    table = pd.DataFrame({"speaker_actor": ["libya", "un_agencies"], "illegal_immigrants": [3, 0],
                          "refugees": [0, 0], "migrants": [1, 2], "total": [4, 2]})
    fig, ax = plot_naming(table, by="speaker_actor")
    # refugees has no count and is left out; bars: illegal (libya, un), then migrants (libya, un)
    assert [round(p.get_width(), 6) for p in ax.patches] == [0.75, 0.0, 0.25, 1.0]
    assert [round(p.get_x(), 6) for p in ax.patches] == [0.0, 0.0, 0.75, 0.0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["illegal immigrants", "migrants"]
    assert ax.get_xlabel() == "Share of names for people on the move" and ax.get_ylabel() == "Speaker (actor)"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["libya (n=4)", "un_agencies (n=2)"]
    _, ax2 = plot_naming(table, by="speaker_actor", share=False)
    assert [p.get_width() for p in ax2.patches] == [3, 0, 1, 2]
    with pytest.raises(ValueError, match="need a 'doc_id' column"):
        plot_naming(table)


def test_codebook_file_is_read_with_safe_load_only():
    assert "yaml.load(" not in (PROJ_ROOT / "analysis" / "framing.py").read_text()
    assert CODEBOOK_FILE.name == "frames.yaml"
