# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 10 · Who is held responsible: the rules, a learned model, and the coders
#
# **Question:** how well does the kit find responsibility attributions (who is
# held responsible, for causing or solving a problem, assigned or denied, and
# who says so) in news it was not tuned on, with its cue rules and with a model
# learned from hand-coded sentences; how well does it tell which sentences
# attribute responsibility at all; does it hold for another topic; and what does
# each coded sentence buy?
#
# Everything above the last section uses the **development coding** only
# (`data/coding/news_attribution_v2_dev.csv`, `news_attribution_dev.csv`, the
# seeds): the learned model is measured by cross-validation that keeps each
# article on one side (and, for transfer, by leaving one outlet out), the rules
# directly. The **locked test sets** (`news_attribution_v2_test.csv`,
# `news_attribution_test.csv`, `news_attribution_climate_test.csv`) are scored
# in the last section only: they were scored once, when the methods were
# final, and every later run reproduces that scoring with the same
# frozen models (refitting the shipped models on anything would end that). Needs
# the NewsArticles corpus (`make news-corpus`).

# %%
import hashlib
import warnings

import pandas as pd

import analysis
from analysis import (AttributionModel, ResponsibilityClassifier, alpha_interval, attribution_sets,
                      attributions_agreement, cross_validate_attributions, plot_method_comparison,
                      precision_recall_f1, quoted, read_attribution_coding, save_figure, save_table)
from analysis.paths import project_root

CODING = project_root() / "data" / "coding"
CLIMATE = project_root() / "examples" / "climate"
N_BOOT, LEVEL, N_SPLITS = 2000, 0.95, 5
with warnings.catch_warnings():
    warnings.simplefilter("ignore")                         # the empty articles NewsArticles skips
    news = analysis.news_corpus()
seeds = analysis.load_corpus()[["doc_id", "text"]].assign(outlet="seeds")
corpus = pd.concat([news[["doc_id", "text", "outlet"]], seeds], ignore_index=True)
sentences = analysis.sentences(corpus)
development = pd.concat([read_attribution_coding([CODING / "news_attribution_v2_dev.csv",
                                                  CODING / "news_attribution_dev.csv"], sentences=sentences),
                         read_attribution_coding(CODING / "attribution_seed_coding.csv", sentences=sentences,
                                                 speaker="speaker", blank_speaker="(outlet)").assign(outlet="seeds")],
                        ignore_index=True)
development["outlet"] = development["doc_id"].map(dict(zip(corpus["doc_id"], corpus["outlet"])))
development_docs = corpus[corpus["doc_id"].isin(set(development["doc_id"]))]
shipped = AttributionModel.load()
print(analysis.resource_versions(), "| model:", shipped.features, "window", shipped.window,
      "| trained on", shipped.n_training_["sentences"], "sentences")

# %% [markdown]
# ## The development coding
#
# Sentences drawn in strata of what the rules see (an actor and a cue, an actor
# without a cue, a cue without an actor, neither), coded blind by coder A from
# `coder_instructions_attribution.md`; one row per attribution. How many
# sentences and attributions each stratum holds:

# %%
per_sentence = development.groupby(["doc_id", "sent_id"]).agg(
    stratum=("stratum", "first"), attributions=("actor", lambda a: int((a != "").sum()))).reset_index()
per_sentence["stratum"] = per_sentence["stratum"].fillna("seeds")
coding_table = per_sentence.groupby("stratum").agg(sentences=("attributions", "size"),
                                                   with_attributions=("attributions", lambda a: int((a > 0).sum())),
                                                   attributions=("attributions", "sum")).reset_index()
save_table(coding_table, "10_development_coding")
coding_table

# %%
first_wave = read_attribution_coding(CODING / "news_attribution_dev.csv")
quoted(f"{LEVEL:.0%} percentile bootstrap intervals over sentences ({N_BOOT:,} resamples)",
       f"the {first_wave[['doc_id', 'sent_id']].drop_duplicates().shape[0]} sentences of the first wave",
       f"({N_SPLITS} folds)")

# %% [markdown]
# ## Rules and learned model on the development coding
#
# Triples are (actor, kind, polarity) per sentence; "actor and kind" ignores the
# polarity; speaker accuracy is the share of matched triples whose speaker's
# actor is the coders'. 95% percentile bootstrap intervals over sentences
# (2,000 resamples). The rules were not tuned on the second wave's coding; the
# 90 sentences of the first wave (`news_attribution_dev.csv`) and the seeds
# were read to improve them, so they are in-sample for the rules. The learned
# model is scored out of sample: each article's sentences by a model fitted on
# the other folds' articles (5 folds), and, for transfer, each outlet's by a
# model fitted on the other outlets.


# %%
def scored(machine: pd.DataFrame, gold: pd.DataFrame, method: str, topic: str) -> pd.DataFrame:
    """Triples and actor-and-kind scores of ``machine`` against ``gold``, on the coded sentences."""
    keys = gold[["doc_id", "sent_id"]].drop_duplicates()
    machine = machine.merge(keys)
    rows = [attributions_agreement(machine, gold, n_boot=N_BOOT, level=LEVEL).assign(column=f"triples ({topic})")]
    pairs = [table.assign(polarity=table["polarity"].where(table["actor"] == "", "any")) for table in (machine, gold)]
    rows.append(attributions_agreement(*pairs, n_boot=N_BOOT, level=LEVEL).assign(column=f"actor and kind ({topic})"))
    return pd.concat(rows, ignore_index=True).assign(method=method)


rules = analysis.attributions(development_docs)
learned_cv = cross_validate_attributions(development, development_docs, estimator=shipped, n_splits=N_SPLITS)
learned_outlets = cross_validate_attributions(development, development_docs, estimator=shipped, by="outlet")
development_scores = pd.concat([scored(rules, development, "rules", "migration"),
                                scored(learned_cv, development, "learned, 5-fold CV by article", "migration"),
                                scored(learned_outlets, development, "learned, leave one outlet out", "migration")],
                               ignore_index=True)
columns = ["method", "column", "machine", "coder", "tp", "fp", "fn", "precision", "recall", "f1", "f1_low", "f1_high",
           "speaker_accuracy"]
development_scores[columns]

# %% [markdown]
# Per outlet, the learned model on the outlet it never saw:

# %%
by_outlet = []
for outlet, gold in development.groupby("outlet"):
    held = learned_outlets[learned_outlets["held_out"] == outlet]
    by_outlet.append(attributions_agreement(held, gold, n_boot=0).assign(outlet=outlet, sentences=len(
        gold[["doc_id", "sent_id"]].drop_duplicates())))
outlet_table = pd.concat(by_outlet, ignore_index=True)[["outlet", "sentences", "machine", "coder", "precision",
                                                        "recall", "f1", "speaker_accuracy"]]
save_table(outlet_table, "10_learned_by_outlet")
outlet_table

# %% [markdown]
# ## Does the sentence attribute responsibility? The sentence classifier
#
# `ResponsibilityClassifier` decides per sentence whether the coders found any
# attribution (`responsibility`), a causal one, a treatment one. Out-of-sample
# predictions: by cross-validation grouped by article (its own folds; the
# threshold is chosen on the same predictions, so slightly optimistic), and
# leaving one outlet out (thresholds chosen without the outlet).

# %%
sentence_codes = development.groupby(["doc_id", "sent_id"]).agg(
    outlet=("outlet", "first"), kinds=("kind", lambda k: {x for x in k if x})).reset_index()
gold_labels = pd.DataFrame({"responsibility": sentence_codes["kinds"].map(bool).astype(int),
                            "causal": sentence_codes["kinds"].map(lambda k: int("causal" in k)),
                            "treatment": sentence_codes["kinds"].map(lambda k: int("treatment" in k))})
classifier = ResponsibilityClassifier(features=shipped.sentence_model_.features).fit(development, development_docs)
order = pd.MultiIndex.from_frame(development[["doc_id", "sent_id"]].drop_duplicates())
cv_labels = pd.DataFrame({label: (classifier.cv_probability_[label] >= classifier.models_[label]["threshold"])
                         .astype(int) for label in classifier.labels_}, index=order)
aligned = cv_labels.loc[pd.MultiIndex.from_frame(sentence_codes[["doc_id", "sent_id"]])].reset_index(drop=True)
outlet_labels = []
for outlet in sorted(sentence_codes["outlet"].unique()):
    held = sentence_codes["outlet"] == outlet
    others = development[~development["outlet"].eq(outlet)]
    model = ResponsibilityClassifier(features=classifier.features).fit(others, development_docs)
    scored_sentences = model.scores(sentences.merge(sentence_codes.loc[held, ["doc_id", "sent_id"]]), corpus)
    outlet_labels.append(scored_sentences[["doc_id", "sent_id", *model.labels_]])
outlet_labels = sentence_codes[["doc_id", "sent_id"]].merge(pd.concat(outlet_labels))
sentence_scores = pd.concat([
    precision_recall_f1(aligned, gold_labels, n_boot=N_BOOT).assign(method="classifier, 5-fold CV by article"),
    precision_recall_f1(outlet_labels[classifier.labels_], gold_labels, n_boot=N_BOOT)
    .assign(method="classifier, leave one outlet out")], ignore_index=True)
save_table(sentence_scores[["method", "column", "coder_labels", "machine_labels", "precision", "recall", "f1", "f1_low",
                            "f1_high"]], "10_sentence_classifier")
sentence_scores.pivot(index="column", columns="method", values="f1")

# %%
climate_resources = {"actors": CLIMATE / "actors.yaml", "cues": CLIMATE / "cues.yaml"}
climate = read_attribution_coding(CODING / "news_attribution_climate_dev.csv", actors=climate_resources["actors"],
                                  sentences=sentences)
quoted(f"{climate[['doc_id', 'sent_id']].drop_duplicates().shape[0]} development sentences of "
       f"{climate['doc_id'].nunique()} climate articles")

# %% [markdown]
# ## Another topic: climate news with the user's own actors
#
# 150 development sentences of 31 climate articles of NewsArticles, coded
# with `examples/climate/actors.yaml` (`coder_instructions_attribution_climate.md`).
# The rules use the example's actors and cues; the learned model is what a user
# of that topic fits on their own coding (five-fold cross-validation by article;
# too few denials to learn the polarity, so it takes the rules').

# %%
climate_docs = corpus[corpus["doc_id"].isin(set(climate["doc_id"]))]
climate_model = AttributionModel(**climate_resources, features=("rules", "words", "sentence"), polarity="rules", cv=3)
climate_rules = analysis.attributions(climate_docs, **climate_resources)
climate_cv = cross_validate_attributions(climate, climate_docs, estimator=climate_model, n_splits=3)
climate_scores = pd.concat([scored(climate_rules, climate, "rules", "climate"),
                            scored(climate_cv, climate, "learned, 3-fold CV by article", "climate")],
                           ignore_index=True)
climate_scores[columns]

# %%
all_scores = pd.concat([development_scores, climate_scores], ignore_index=True)
save_table(all_scores[columns], "10_attribution_development")
fig, ax = plot_method_comparison(all_scores, xlabel=f"F1 with {LEVEL:.0%} bootstrap interval",
                                 title="Development coding (learned: out of sample)",
                                 ax=analysis.new_figure("page", height=4.5)[1])
save_figure(fig, "10_attribution_f1")

# %% [markdown]
# ## What each coded sentence buys
#
# The learned model fitted on growing numbers of coded development sentences
# (whole articles drawn at random from the training folds), scored on the
# held-out folds (three folds by article): triple F1 against the number of
# coded sentences it learned from. The smallest samples hold too few denials to
# learn the polarity from, so every point of the curve takes the rules'
# polarity (`polarity="rules"`), the last one included.

# %%
sizes = [200, 400, 700, 1000, None]
curve_model = AttributionModel(features=shipped.features, window=shipped.window, polarity="rules")
curve = []
for size in sizes:
    found = cross_validate_attributions(development, development_docs, estimator=curve_model, n_splits=3,
                                        sizes=None if size is None else [size])
    result = attributions_agreement(found, development, n_boot=0)
    curve.append({"n_coded": int(found["n_training"].mean()), "precision": result["precision"][0],
                  "recall": result["recall"][0], "f1": result["f1"][0]})
curve = pd.DataFrame(curve)
save_table(curve, "10_learning_curve")
fig, ax = analysis.new_figure()
ax.plot(curve["n_coded"], curve["f1"], marker="o", label="F1")
ax.plot(curve["n_coded"], curve["precision"], marker=".", linestyle="--", label="precision")
ax.plot(curve["n_coded"], curve["recall"], marker=".", linestyle=":", label="recall")
ax.set(xlabel="coded sentences learned from (mean over folds)", ylabel="triples, out of sample", ylim=(0, 1),
       title="What more coding buys")
ax.legend()
save_figure(fig, "10_attribution_learning_curve")
curve

# %% [markdown]
# ## How far the two coders agree, field by field
#
# Krippendorff's alpha (nominal) between coder A and coder B on the test
# sentences both coded (blind, in separate sessions), per sentence: whether it
# holds anyone responsible, and the set of actors, kinds, polarities, speakers
# and whole attributions (actor, kind, polarity) it holds; two sets agree only
# if they are equal. Intervals by the bootstrap over sentences, as above.


# %%
def coded_fields(coding: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Per sentence of ``units``: any attribution, and the sets of each field, as text."""
    sets = attribution_sets(coding, units)
    rows = coding[coding["actor"] != ""]
    speakers = rows.groupby(["doc_id", "sent_id"])["speaker_actor"].agg(frozenset)
    sets["speaker"] = [speakers.get(key, frozenset()) for key in sets.index]
    sets.insert(0, "responsibility", sets["attribution"].map(bool))
    return sets.map(lambda value: value if isinstance(value, bool) else "|".join(sorted(value)))


coder_patterns = {"migration v2": "news_attribution_v2_coder_{}.csv", "migration v1": "news_attribution_coder_{}.csv",
                  "climate": "news_attribution_climate_coder_{}.csv"}
agreement = []
for topic, pattern in coder_patterns.items():
    coders = {c: pd.read_csv(CODING / pattern.format(c), dtype={"doc_id": str}, keep_default_na=False)
              for c in ("a", "b")}
    both = coders["b"][["doc_id", "sent_id"]].drop_duplicates()
    fields = {c: coded_fields(coders[c].merge(both), both) for c in coders}
    for field in fields["a"].columns:
        alpha, low, high = alpha_interval(pd.DataFrame({"A": fields["a"][field], "B": fields["b"][field]}),
                                          n_boot=N_BOOT, level=LEVEL)
        agreement.append({"test set": topic, "field": field, "sentences": len(both), "alpha": alpha,
                          "alpha_low": low, "alpha_high": high})
agreement = pd.DataFrame(agreement)
save_table(agreement.round(3), "10_coder_agreement")
agreement.pivot(index="field", columns="test set", values="alpha").round(2)

# %%
alphas = agreement.groupby("test set")["alpha"]
quoted(*(f"{topic}: {alphas.min()[topic]:.2f} to {alphas.max()[topic]:.2f}" for topic in coder_patterns))

# %% [markdown]
# Per field, alpha ranges over the six fields as follows: migration v2: 0.85 to
# 0.89; migration v1: 0.87 to 0.97; climate: 0.84 to 0.88. Reading sessions
# given the same written instructions may agree more than people trained apart
# would; the agreement is the ceiling the machine is measured against, not a
# property of the text.

# %% [markdown]
# ## The one final scoring: the locked test sets
#
# Scored once, when the methods were final: the rules, the
# shipped learned model and the sentence classifier on the locked test of the
# second wave, the first wave's locked test and the climate locked half (with
# the climate example's resources and the learned model fitted on the climate
# development coding), beside coder B against coder A on the sentences both
# coded. Their recorded hashes are checked first.

# %%
for line in (CODING / "locked.sha256").read_text().splitlines():
    digest, name = line.split()
    assert hashlib.sha256((CODING / name).read_bytes()).hexdigest() == digest, f"{name} changed after locking"
locked = []
for name, gold_file, resources, learned_model in [
        ("migration v2", "news_attribution_v2_test.csv", {}, shipped),
        ("migration v1", "news_attribution_test.csv", {}, shipped),
        ("climate", "news_attribution_climate_test.csv", climate_resources,
         AttributionModel(**climate_resources, features=("rules", "words", "sentence"), polarity="rules", cv=3)
         .fit(climate, climate_docs))]:
    gold = read_attribution_coding(CODING / gold_file, actors=resources.get("actors"), sentences=sentences)
    docs = corpus[corpus["doc_id"].isin(set(gold["doc_id"]))]
    locked.append(scored(analysis.attributions(docs, **resources), gold, "rules", name))
    locked.append(scored(analysis.attributions(docs, method="learned", model=learned_model, **resources), gold,
                         "learned", name))
    coders = {c: pd.read_csv(CODING / coder_patterns[name].format(c), dtype={"doc_id": str}, keep_default_na=False)
              for c in ("a", "b")}
    both = coders["b"][["doc_id", "sent_id"]].drop_duplicates()
    locked.append(scored(coders["b"].merge(both), coders["a"].merge(both), "coder B vs coder A", name))
locked = pd.concat(locked, ignore_index=True)
save_table(locked[columns], "10_attribution_locked")
gold = read_attribution_coding(CODING / "news_attribution_v2_test.csv", sentences=sentences)
codes = gold.groupby(["doc_id", "sent_id"])["kind"].agg(lambda k: {x for x in k if x}).reset_index()
scored_sentences = analysis.responsibility_scores(corpus[corpus["doc_id"].isin(set(codes["doc_id"]))])
scored_sentences = codes[["doc_id", "sent_id"]].merge(scored_sentences)
truth = pd.DataFrame({"responsibility": codes["kind"].map(bool).astype(int),
                      "causal": codes["kind"].map(lambda k: int("causal" in k)),
                      "treatment": codes["kind"].map(lambda k: int("treatment" in k))})
sentence_locked = precision_recall_f1(scored_sentences[truth.columns], truth, n_boot=N_BOOT)
save_table(sentence_locked, "10_sentence_locked")
fig, ax = plot_method_comparison(locked, xlabel=f"F1 with {LEVEL:.0%} bootstrap interval",
                                 title="Locked test sets", ax=analysis.new_figure("page", height=5)[1])
save_figure(fig, "10_attribution_locked_f1")
locked[columns]

# %%
sentence_locked[["column", "coder_labels", "machine_labels", "precision", "recall", "f1", "f1_low", "f1_high"]]

# %%
scores = all_scores.set_index(["method", "column"])
rules_m = scores.loc[("rules", "triples (migration)")]
cv_m = scores.loc[("learned, 5-fold CV by article", "triples (migration)")]
loo_m = scores.loc[("learned, leave one outlet out", "triples (migration)")]
rules_c = scores.loc[("rules", "triples (climate)")]
cv_c = scores.loc[("learned, 3-fold CV by article", "triples (climate)")]
sentence = sentence_scores.set_index(["method", "column"])
sentence_cv = sentence.loc[("classifier, 5-fold CV by article", "responsibility")]
sentence_loo = sentence.loc[("classifier, leave one outlet out", "responsibility")]
first_point, last_point = curve.iloc[0], curve.iloc[-1]
development_sentences = development[["doc_id", "sent_id"]].drop_duplicates().shape[0]
quoted(f"{development_sentences:,} development sentences",
       f"the rules reach F1 {rules_m['f1']:.2f} (precision {rules_m['precision']:.2f}, recall {rules_m['recall']:.2f})",
       f"the learned model {cv_m['f1']:.2f} ({cv_m['f1_low']:.2f} to {cv_m['f1_high']:.2f}; precision "
       f"{cv_m['precision']:.2f}, recall {cv_m['recall']:.2f})",
       f"{loo_m['f1']:.2f} on outlets it never saw",
       f"speakers: {rules_m['speaker_accuracy']:.2f} of the rules' matched triples, {cv_m['speaker_accuracy']:.2f} of "
       "the learned model's",
       f"F1 {sentence_cv['f1']:.2f} for responsibility ({sentence_loo['f1']:.2f} leaving the outlet out)",
       f"climate: rules {rules_c['f1']:.2f} (precision {rules_c['precision']:.2f}), learned {cv_c['f1']:.2f}",
       f"from {first_point['f1']:.2f} at {int(first_point['n_coded']):,} coded sentences to {last_point['f1']:.2f} at "
       f"{int(last_point['n_coded']):,}")

# %%
final = locked.set_index(["method", "column"])
test = {key: final.loc[key] for key in [(m, f"triples ({t})") for m in ("rules", "learned", "coder B vs coder A")
                                        for t in ("migration v2", "migration v1", "climate")]}
v2_sentences = gold[["doc_id", "sent_id"]].drop_duplicates().shape[0]
blame = sentence_locked.set_index("column").loc["responsibility"]


def f1_with_interval(row: pd.Series) -> str:
    return f"{row['f1']:.2f} ({row['f1_low']:.2f} to {row['f1_high']:.2f})"


quoted(f"the {v2_sentences} sentences of the second wave's locked test ({int(test[('rules', 'triples (migration v2)')]['coder'])} "
       "attributions)",
       f"rules {f1_with_interval(test[('rules', 'triples (migration v2)')])}, precision "
       f"{test[('rules', 'triples (migration v2)')]['precision']:.2f}; learned "
       f"{f1_with_interval(test[('learned', 'triples (migration v2)')])}, precision "
       f"{test[('learned', 'triples (migration v2)')]['precision']:.2f}",
       f"coder B against coder A {test[('coder B vs coder A', 'triples (migration v2)')]['f1']:.2f}",
       f"speakers {test[('rules', 'triples (migration v2)')]['speaker_accuracy']:.2f} (rules) and "
       f"{test[('learned', 'triples (migration v2)')]['speaker_accuracy']:.2f} (learned)",
       f"first wave's locked test: rules {test[('rules', 'triples (migration v1)')]['f1']:.2f}, learned "
       f"{test[('learned', 'triples (migration v1)')]['f1']:.2f}",
       f"climate: rules {test[('rules', 'triples (climate)')]['f1']:.2f} (precision "
       f"{test[('rules', 'triples (climate)')]['precision']:.2f}), learned {test[('learned', 'triples (climate)')]['f1']:.2f} "
       f"(precision {test[('learned', 'triples (climate)')]['precision']:.2f})",
       f"responsibility F1 {f1_with_interval(blame)}, precision {blame['precision']:.2f}, recall {blame['recall']:.2f}")

# %% [markdown]
# ## What this shows
#
# (Development figures: out of sample for the learned model, in-sample for the
# rules on the first wave's sentences and the seeds.)
#
# * **The learned model finds twice as much as the rules, but neither is close
#   to the coders.** On the 1,651 development sentences the rules reach F1 0.27
#   (precision 0.55, recall 0.18) and the learned model 0.34 (0.31 to 0.37;
#   precision 0.32, recall 0.37) out of sample, 0.34 on outlets it never saw:
#   transfer across outlets costs nothing measurable here. The coders code many
#   attributions the kit cannot reach: actors named by a pronoun, a person or
#   an institution that no actors file lists, or implied ("the killings must
#   stop"), and they find responsibility in many sentences without any of the
#   cues' words.
# * **Speakers are harder for the learned model**: speakers: 0.67 of the rules'
#   matched triples, 0.52 of the learned model's. The rules find the speaker in
#   the clause of their cue (the subject of "accused"); the learned model's own
#   finds fall back on the statement of the sentence or the outlet.
# * **Whether a sentence attributes responsibility at all** is learned better:
#   F1 0.69 for responsibility (0.67 leaving the outlet out), the measure
#   behind "the share of sentences that blame someone".
# * **Another topic with little coding stays with the rules**: climate: rules
#   0.32 (precision 0.77), learned 0.12, fitted on about a hundred sentences
#   per fold. The learning curve on migration news says why: from 0.28 at 205
#   coded sentences to 0.36 at 1,103, the model overtakes the rules only after
#   several hundred coded sentences.
#
# **The locked tests** (scored once, above) say the same, lower:
#
# * Triple F1 on the 450 sentences of the second wave's locked test (223 attributions):
#   rules 0.20 (0.14 to 0.26), precision 0.37; learned 0.29 (0.24 to 0.35),
#   precision 0.31; coder B against coder A 0.88. Of the matched triples'
#   speakers 0.48 (rules) and 0.44 (learned) are right. On the first wave's locked test:
#   rules 0.31, learned 0.46; climate: rules 0.28 (precision 0.52), learned 0.31
#   (precision 0.32). Both methods stay far below what a paper needs, and far
#   below the coders.
# * **The default stays the rules.** The learned model wins on F1 in all three
#   locked sets, by finding more (recall), at lower precision and with worse
#   speakers; for counts of who is blamed, a method whose every second or
#   third find is wrong inflates the counts, while the rules' finds are fewer
#   and more often right. Pass `method="learned"` where recall matters, and
#   correct shares with the hand coding (notebook `09_measurement_error`).
# * **The share of sentences that hold someone responsible** is the one
#   measure here that meets its goal: the sentence classifier reaches
#   responsibility F1 0.71 (0.66 to 0.76), precision 0.63, recall 0.80 on the
#   locked test, as the development figures promised.
