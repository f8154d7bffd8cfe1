"""Tests for analysis.measures.frames: known sentences, offsets, negation, scores,
profiles and evidence. Expected counts were worked out by hand from the entries
of analysis/data/migration/frames.yaml."""

from functools import partial

import numpy as np
import pandas as pd
import pytest

from analysis.measures import frames
from analysis.errors import AnalysisError
from analysis.measures.frames import frame_evidence, frame_hits, frame_profile
from analysis.measures.naming import migrant_naming
from analysis.resources.codebook import Codebook
from analysis.text.kwic import kwic

#: These tests check the dictionary's counts (the classifier has its own tests).
frame_scores = partial(frames.frame_scores, method="dictionary")

FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]


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
    with pytest.raises(ValueError, match="negated= must be one of"):
        frame_scores(s, negated="drop")


def test_multiword_and_glob_entries_across_variants():
    s = one("Humanitarians saved the lives of many; life saving work and Human-Rights groups.")
    assert frame_hits(s)[["entry", "matched"]].values.tolist() == [
        ["humanitarian*", "Humanitarians"], ["sav* the lives", "saved the lives"],
        ["life-saving", "life saving"], ["human rights", "Human-Rights"]]


def test_every_hit_on_the_seeds_is_its_span_of_the_document(corpus, sents):
    docs = corpus.set_index("doc_id")["text"]
    hits = frame_hits(sents)
    assert len(hits) > 90
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
    cb = Codebook.from_dict({"frames": [{"id": "aid", "entries": ["aid", {"entry": "relief", "weight": 2.5}]}]})
    s = one("Aid and relief, relief.")
    assert frame_scores(s, codebook=cb)["aid"].tolist() == [3]
    assert frame_scores(s, codebook=cb, weighted=True)["aid"].tolist() == [6.0]


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


def test_frame_evidence_ranks_by_summed_weight(sents):
    ev = frame_evidence(sents, n=2)
    assert ev.groupby("frame").size().to_dict() == dict.fromkeys(FRAMES, 2)
    top = ev[(ev.frame == "cooperation") & (ev["rank"] == 1)].iloc[0]
    hits = frame_hits(sents)
    strength = hits[(hits.frame == "cooperation") & ~hits.negated].groupby(["doc_id", "sent_id"])["weight"].sum()
    assert top.strength == strength.max()
    assert top.keyword.lower() in top.entries


def test_dictionary_options_are_refused_with_the_classifier_not_ignored():
    s = one("There were no violations of human rights.")
    assert frames.frame_scores(s, method="dictionary", negated="skip")["humanitarian"].tolist() == [0]
    assert frames.frame_scores(s, method="dictionary", weighted=True)["humanitarian"].tolist() == [2.0]
    for options in ({"negated": "skip"}, {"weighted": True}):
        with pytest.raises(AnalysisError, match=r"negated= and weighted= set how the dictionary counts"):
            frames.frame_scores(s, **options)
    with pytest.raises(AnalysisError, match=r"frame_scores\(\): negated= must be one of 'count', 'skip'; got 'bogus'\."):
        frames.frame_scores(s, negated="bogus")
