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
# # 08 · Do the measures hold on news they were not tuned on?
#
# **Question:** on sentences of the NewsArticles migration articles that no rule,
# word list or model was tuned on, how well do the frame dictionary and the frame
# classifier agree with careful readers, how close do they come to the agreement
# of two readers with each other, and how well does responsibility attribution
# hold?
#
# The test sets were coded blind from the codebook's definitions, by two coders,
# and locked (their SHA-256 recorded) before any machine output on them was
# looked at; this notebook is their one evaluation. How they were drawn, coded
# and adjudicated: `data/coding/README.md`. Everything the measures were tuned on
# (the seeds, the 50 earlier news sentences, the development halves) comes from
# other articles. Attribution needs each sentence's article, so this notebook
# needs the NewsArticles corpus (`make news-corpus`).

# %%
import hashlib
import warnings

import pandas as pd

import analysis
from analysis import (Codebook, FrameClassifier, alpha_interval, attributions_agreement, frame_scores,
                      frame_validity, learning_curve, plot_learning_curve, plot_method_comparison, precision_recall_f1,
                      quoted, read_frame_coding, save_figure, save_table, transfer_scores)
from analysis.paths import project_root

CODING = project_root() / "data" / "coding"
LEVEL, N_BOOT = 0.95, 2000          # confidence level and bootstrap resamples of every interval
#: The goals set before the evaluation (issue 15): F1 per frame, F1 of attributions, speaker accuracy.
GOALS = {"frame_f1": 0.75, "attribution_f1": 0.60, "speaker_accuracy": 0.85}
FRAMES = Codebook.load().frame_ids
for line in (CODING / "locked.sha256").read_text().splitlines():
    digest, name = line.split()
    assert hashlib.sha256((CODING / name).read_bytes()).hexdigest() == digest, f"{name} changed after locking"
    print(f"{name}: unchanged since it was locked ({digest[:12]}...)")
print(analysis.resource_versions(), "| classifier trained on", FrameClassifier.load().n_training_, "sentences")

# %% [markdown]
# ## The frame test set and its two coders
#
# 260 sentences from 140 test articles, coded by coder A and coder B
# independently; where they differed (20 of 1,300 codes) a third reader decided.
# Krippendorff's alpha (nominal) between A and B per frame, with a 95% bootstrap
# interval over sentences (2,000 resamples):

# %%
test = read_frame_coding(CODING / "news_frames_test.csv")
keys = ["doc_id", "sent_id"]
coder_a = pd.read_csv(CODING / "news_frames_coder_a.csv", dtype={"doc_id": str}).merge(test[keys], on=keys)
coder_b = pd.read_csv(CODING / "news_frames_coder_b.csv", dtype={"doc_id": str}).merge(test[keys], on=keys)
units = test.set_index(keys)
coder_a, coder_b = (c.set_index(keys).loc[units.index, FRAMES] for c in (coder_a, coder_b))
rows = []
for frame in FRAMES:
    alpha, low, high = alpha_interval(pd.DataFrame({"A": coder_a[frame], "B": coder_b[frame]}), n_boot=N_BOOT,
                                      level=LEVEL)
    rows.append({"frame": frame, "gold_positives": int(units[frame].sum()), "alpha": alpha, "alpha_low": low,
                 "alpha_high": high})
reliability = pd.DataFrame(rows)
save_table(reliability, "08_frame_reliability")

# %% [markdown]
# ## Frames: dictionary, classifier and a second coder against the gold codes
#
# Precision, recall and F1 per frame on the 260 locked sentences, with 95%
# percentile bootstrap intervals (2,000 resamples of sentences). The dictionary
# counts a frame when it has at least one hit (codebook v1.3); the classifier is
# the shipped `FrameClassifier`; "coder B vs coder A" is the agreement of two
# careful readers, the ceiling to read the machine against. `in_training` counts
# the test sentences whose text, word for word, is among the classifier's
# training sentences: 9 are, background paragraphs that several articles repeat
# (the test and development halves split articles, not texts), so on these 9 the
# classifier's scores are in-sample.

# %%
sentences = test[["doc_id", "sent_id", "text"]]
with warnings.catch_warnings(record=True) as said:      # printed without the warning's source line
    warnings.simplefilter("always")
    compared = {method: frame_validity(sentences, test, method=method, n_boot=N_BOOT, level=LEVEL)
                for method in ("dictionary", "classifier")}
for warning in said:
    print(warning.message)
compared["coder B vs coder A"] = precision_recall_f1(coder_b, coder_a, n_boot=N_BOOT, level=LEVEL)
v1_scores = pd.concat([table.assign(method=name) for name, table in compared.items()], ignore_index=True)
columns = ["method", "column", "coder_labels", "machine_labels", "precision", "recall", "f1", "f1_low", "f1_high",
           "in_training"]
save_table(v1_scores[columns], "08_frame_scores")
v1_scores.pivot(index="column", columns="method", values="f1").loc[FRAMES]

# %%
fig, ax = plot_method_comparison(v1_scores, xlabel=f"F1 with {LEVEL:.0%} bootstrap interval",
                                 title=f"Frames on the locked test set ({len(test)} unseen sentences)")
save_figure(fig, "08_frame_f1")

# %% [markdown]
# ## Transfer: news from an outlet the model never saw
#
# The kit's proxy for a corpus it was not trained on: the classifier fitted
# afresh on the training coding of eight NewsArticles outlets (and the seeds)
# and tested on the ninth, in turn, beside a random split of the same
# sentences into five folds of articles
# (`analysis.transfer_scores`). Each model chooses its own C and
# thresholds by cross-validation inside its training sentences; no locked
# sentence is read. F1 per frame, pooled over the held-out outlets (or folds),
# with 95% bootstrap intervals over sentences.

# %%
with warnings.catch_warnings(record=True) as skipped:     # the empty articles it skips, printed without
    warnings.simplefilter("always")                        # the warning's source line (this machine's paths)
    news = analysis.news_corpus()
for warning in skipped:
    print(warning.message)
TRAINING = ("frames_seed_coding.csv", "frames_news_coding.csv", "news_frames_dev.csv", "news_frames_round2_coded.csv",
            "news_frames_round3_coded.csv", "news_frames_round4_coded.csv")
training = read_frame_coding([CODING / name for name in TRAINING])
outlet = training["doc_id"].map(news.set_index("doc_id")["outlet"])
training = training.assign(outlet=outlet.where(outlet.notna(), None))
print(f"{len(training)} training sentences; per outlet (the seeds are always trained on):")
print(training["outlet"].fillna("(seeds)").value_counts().to_string())
transfer = transfer_scores(training["text"], training[FRAMES], by=training["outlet"], within=training["doc_id"],
                           n_boot=2000, random_state=0)
transfer = transfer.assign(method=transfer["split"].map({"leave one group out": "classifier, outlet held out",
                                                         "random split": "classifier, random split"}))
save_table(transfer[["method", "column", "coder_labels", "machine_labels", "precision", "recall", "f1", "f1_low",
                     "f1_high"]], "08_transfer")
transfer_f1 = transfer.pivot(index="column", columns="method", values="f1").loc[FRAMES]
transfer_f1.loc["mean"] = transfer_f1.mean()
transfer_f1

# %%
fig, ax = plot_method_comparison(transfer, xlabel="F1 with 95% bootstrap interval",
                                 title="Frames on news of an outlet the classifier never saw")
save_figure(fig, "08_transfer_f1")

# %% [markdown]
# ## The larger locked test set (v2)
#
# 900 sentences of test-half articles (800 drawn in strata, and 100 more of the
# rare stratum in a second phase), each with its inclusion probability
# (`coding_probability`), coded blind by coder A, 370 of them also by coder B,
# differences adjudicated blind, and locked (`data/coding/README.md`, second
# wave). Scored once, as v1: unweighted (the sentences as drawn, rare frames
# over-sampled) and weighted by the inverse of `coding_probability` (an estimate for all
# sentences of the test-half migration articles:
# `precision_recall_f1(..., weights=...)`). First the two coders on the
# sentences both coded: Krippendorff's alpha and coder B's F1 against coder A.

# %%
test2 = read_frame_coding(CODING / "news_frames_v2_test.csv")
weight2 = (1 / pd.to_numeric(test2["coding_probability"])).set_axis(pd.MultiIndex.from_frame(test2[keys]))
gold2 = test2.set_index(keys)[FRAMES]
coders2 = {c: pd.concat([pd.read_csv(CODING / f"news_frames_v2{part}_coder_{c}.csv", dtype={"doc_id": str})
                         for part in ("", "_supplement")], ignore_index=True).set_index(keys)
           for c in ("a", "b")}
both = gold2.index[gold2.index.isin(coders2["b"].index)]
a2, b2 = (coders2[c].loc[both, FRAMES] for c in ("a", "b"))
rows = []
for frame in FRAMES:
    alpha, low, high = alpha_interval(pd.DataFrame({"A": a2[frame], "B": b2[frame]}), n_boot=2000)
    rows.append({"frame": frame, "gold_positives": int(gold2[frame].sum()), "doubly_coded": len(both),
                 "alpha": alpha, "alpha_low": low, "alpha_high": high})
reliability2 = pd.DataFrame(rows)
save_table(reliability2, "08_frame_reliability_v2")
reliability2

# %%
v2_rows = [precision_recall_f1(b2, a2, n_boot=2000).assign(method="coder B vs coder A, unweighted"),
           precision_recall_f1(b2, a2, n_boot=2000, weights=weight2.loc[both].to_numpy()).assign(
               method="coder B vs coder A, weighted")]
for method in ("dictionary", "classifier"):
    with warnings.catch_warnings():      # the FutureWarning that the dictionary's frame columns are 0/1 now
        warnings.simplefilter("ignore", FutureWarning)
        scored = frame_scores(test2[["doc_id", "sent_id", "text"]], method=method).set_index(keys)[FRAMES]
    for name, weights in (("unweighted", None), ("weighted", weight2.loc[gold2.index].to_numpy())):
        v2_rows.append(precision_recall_f1(scored, gold2, n_boot=2000, weights=weights).assign(
            method=f"{method}, {name}"))
v2 = pd.concat(v2_rows, ignore_index=True)
save_table(v2[["method", "column", "n_units", "coder_labels", "machine_labels", "precision", "recall", "f1",
               "f1_low", "f1_high"]], "08_frame_scores_v2")
v2.pivot(index="column", columns="method", values="f1").loc[FRAMES]

# %%
fig, ax = plot_method_comparison(v2[v2["method"].str.endswith("unweighted")], xlabel="F1 with 95% bootstrap interval",
                                 title=f"Frames on the locked test v2 ({len(test2)} sentences)")
save_figure(fig, "08_frame_f1_v2")

# %% [markdown]
# ## What each coded sentence buys
#
# The classifier trained on growing shares of the development sentences (the
# seeds always in), chosen at random or by uncertainty sampling
# (`coding_sheet(strategy="uncertain")`), scored on the locked test set; three
# seeds, lines at their mean, the shaded band their range.

# %%
pool = read_frame_coding([CODING / f for f in ("frames_news_coding.csv", "news_frames_dev.csv",
                                               "news_frames_round2_coded.csv", "news_frames_round3_coded.csv",
                                               "news_frames_round4_coded.csv")])
seeds = read_frame_coding(CODING / "frames_seed_coding.csv")
curve = learning_curve(pool["text"], pool[FRAMES], test["text"], test[FRAMES], initial_texts=seeds["text"],
                       initial_labels=seeds[FRAMES], batch=335, random_states=(0, 1, 2))
save_table(curve.groupby(["strategy", "n_coded", "frame"], as_index=False)["f1"].mean(), "08_learning_curve_table")
fig, ax = plot_learning_curve(curve)
save_figure(fig, "08_learning_curve")
curve[curve["frame"] == "mean"].pivot_table(index="n_coded", columns="strategy", values="f1")

# %% [markdown]
# ## Responsibility attribution on unseen news
#
# 90 locked test sentences (from 71 test articles; half where the kit finds an
# actor and a cue, half elsewhere), coded for (speaker, actor, kind, polarity) by
# two coders with the actors of `actors.yaml` v3, differences adjudicated.
# Triples are (actor, kind, polarity) per sentence; speaker accuracy is the share
# of matched triples whose speaker actor agrees. The development half was used to
# improve the rules, so its scores are in-sample.

# %%
corpus = analysis.migration_articles(news)


def machine_attributions(gold: pd.DataFrame) -> pd.DataFrame:
    found = analysis.attributions(corpus[corpus["doc_id"].isin(set(gold["doc_id"]))])
    return found.merge(gold[keys].drop_duplicates(), on=keys)


attribution_rows = []
for half in ("test", "dev"):
    gold_attr = pd.read_csv(CODING / f"news_attribution_{half}.csv", dtype={"doc_id": str}, keep_default_na=False)
    machine = machine_attributions(gold_attr)
    results = {"machine": machine}
    if half == "test":
        coded = {c: pd.read_csv(CODING / f"news_attribution_coder_{c}.csv", dtype={"doc_id": str},
                                keep_default_na=False).merge(gold_attr[keys].drop_duplicates(), on=keys)
                 for c in ("a", "b")}
        results["coder B vs coder A"] = coded["b"]
    for who, table in results.items():
        reference = coded["a"] if who.startswith("coder") else gold_attr
        attribution_rows.append(attributions_agreement(table, reference, n_boot=N_BOOT).assign(half=half, who=who))
    if half == "test":
        test_units = gold_attr[keys].drop_duplicates()
attribution_scores = pd.concat(attribution_rows, ignore_index=True)
attribution_scores = attribution_scores[["half", "who", *attribution_scores.columns[:-2]]]
save_table(attribution_scores, "08_attribution_scores")

# %% [markdown]
# ## The frames at a glance
#
# F1 per frame of every comparison above, side by side; the prose below reads
# from this table.

# %%
glance = pd.concat({
    "v1 dictionary": v1_scores.query("method == 'dictionary'").set_index("column")["f1"],
    "v1 classifier": v1_scores.query("method == 'classifier'").set_index("column")["f1"],
    "v1 coder B": v1_scores.query("method == 'coder B vs coder A'").set_index("column")["f1"],
    **{f"v2 {m}": v2.query("method == @m").set_index("column")["f1"]
       for m in ("dictionary, unweighted", "classifier, unweighted", "classifier, weighted",
                 "coder B vs coder A, unweighted")},
    "outlet held out": transfer.query("split == 'leave one group out'").set_index("column")["f1"],
    "random split": transfer.query("split == 'random split'").set_index("column")["f1"],
}, axis=1).loc[FRAMES]
glance.loc["mean"] = glance.mean()
save_table(glance.reset_index(names="frame"), "08_frame_f1_summary")
glance.round(2)

# %%
def spread(column: str) -> str:
    values = glance.loc[FRAMES, column]
    return f"{values.min():.2f} to {values.max():.2f} (mean {glance.loc['mean', column]:.2f})"


for column in glance.columns:
    print(f"{column:34s} F1 per frame {spread(column)}")
goal = glance.loc[FRAMES, ["v1 classifier", "v2 classifier, unweighted", "v2 classifier, weighted"]] >= 0.75
print("frames at F1 >= 0.75 (the goal):", {c: goal.index[goal[c]].tolist() for c in goal.columns})
gap = glance.loc["mean", "random split"] - glance.loc["mean", "outlet held out"]
print(f"mean F1, random split minus outlet held out: {gap:.3f} (goal: within 0.05)")


# %%
v2_table = v2.pivot(index="column", columns="method", values="f1").loc[FRAMES]
reaching = {name: [f for f in FRAMES if glance.loc[f, name] >= GOALS["frame_f1"]]
            for name in ("v1 classifier", "v2 classifier, unweighted")}
first_phase = len(pd.read_csv(CODING / "news_frames_v2_test_sample.csv"))


def reach(name: str) -> str:
    found = reaching[name]
    return (f"no frame reaches F1 {GOALS['frame_f1']:.2f}" if not found
            else f"only {' and '.join(found)} reaches F1 {GOALS['frame_f1']:.2f}")


# %%
f1 = v1_scores.pivot(index="column", columns="method", values="f1").loc[FRAMES]
recall = v1_scores.pivot(index="column", columns="method", values="recall").loc[FRAMES]
machines = ["dictionary", "classifier"]
best = f1[machines].idxmax(axis=1)
gap = f1["coder B vs coder A"] - f1[machines].max(axis=1)
half_width = ((v1_scores["f1_high"] - v1_scores["f1_low"]) / 2)[v1_scores["method"].isin(machines)]
curve_mean = curve[curve["frame"] == "mean"].pivot_table(index="n_coded", columns="strategy", values="f1")
steps = curve_mean.index.to_series().diff().dropna()
scores = attribution_scores.set_index(["half", "who"])
machine_test, coders_test = scores.loc[("test", "machine")], scores.loc[("test", "coder B vs coder A")]


def best_of(frame: str) -> str:
    other = [m for m in machines if m != best[frame]][0]
    return f"{f1.loc[frame, best[frame]]:.2f} ({frame}, {best[frame]}; {other} {f1.loc[frame, other]:.2f})"


quoted(f"the {len(pd.read_csv(CODING / 'frames_news_coding.csv'))} earlier news sentences",
       f"training sentences: {compared['classifier']['in_training'].iloc[0]} are",
       f"on these {compared['classifier']['in_training'].iloc[0]} the classifier's scores are in-sample",
       f"{len(test)} sentences from {test['doc_id'].nunique()} test articles",
       f"({int((coder_a != coder_b).sum().sum())} of {coder_a.size:,} codes)",
       f"with a {LEVEL:.0%} bootstrap interval over sentences ({N_BOOT:,} resamples)",
       f"on the {len(test)} locked sentences, with {LEVEL:.0%} percentile bootstrap intervals ({N_BOOT:,} resamples",
       f"with {LEVEL:.0%} bootstrap intervals over sentences",
       f"{len(test2)} sentences of test-half articles ({first_phase} drawn in strata, and "
       f"{len(test2) - first_phase} more of the",
       f"coded blind by coder A, {len(both)} of them also by coder B",
       f"{len(test_units)} locked test sentences (from {test_units['doc_id'].nunique()} test articles",
       f"alpha {reliability['alpha'].min():.2f} to {reliability['alpha'].max():.2f} per frame on v1 (lower bounds "
       f"{reliability['alpha_low'].min():.2f} and up) and {reliability2['alpha'].min():.2f} to "
       f"{reliability2['alpha'].max():.2f} on the {len(both)} doubly coded sentences of v2",
       f"coder B reaches F1 {f1['coder B vs coder A'].min():.2f} to {f1['coder B vs coder A'].max():.2f} against "
       f"coder A on v1 and {v2_table['coder B vs coder A, unweighted'].min():.2f} to "
       f"{v2_table['coder B vs coder A, unweighted'].max():.2f} on v2",
       f"On the {len(test)} sentences of v1 the best method reaches F1 "
       + ", ".join(best_of(frame) for frame in FRAMES[:-1]) + f" and {best_of(FRAMES[-1])}",
       f"the gap to the coders is {gap.min():.2f} to {gap.max():.2f}",
       f"(±{half_width.min():.2f} to ±{half_width.max():.2f}; {reliability['gold_positives'].min()} to "
       f"{reliability['gold_positives'].max()} positive sentences per frame)",
       f"where the classifier is {f1.loc['humanitarian', 'classifier'] - f1.loc['humanitarian', 'dictionary']:.2f} "
       "better",
       f"the classifier finds {recall.loc['humanitarian', 'classifier']:.0%} of the sentences the coders gave it, the "
       f"dictionary {recall.loc['humanitarian', 'dictionary']:.0%}",
       f"or {FrameClassifier.load().n_training_:,} coded sentences cover",
       f"mean F1 over frames is {f1['classifier'].mean():.2f} against the dictionary's {f1['dictionary'].mean():.2f}",
       f"On v1 {reach('v1 classifier')}; on v2 {reach('v2 classifier, unweighted')}",
       f"F1 {spread('v2 classifier, unweighted')} unweighted and {spread('v2 classifier, weighted')} weighted",
       f"humanitarian language reaches {glance.loc['humanitarian', 'v1 classifier']:.2f} on v1 and "
       f"{glance.loc['humanitarian', 'v2 classifier, unweighted']:.2f} on v2, below the {0.70:.2f} asked of it",
       f"mean F1 {glance.loc['mean', 'outlet held out']:.2f} with the outlet held out against "
       f"{glance.loc['mean', 'random split']:.2f} on a random split of articles",
       f"within the {0.05:.2f} asked",
       f"rose from {curve_mean['random'].iloc[0]:.2f} ({curve_mean.index[0]} coded development sentences) to "
       f"{curve_mean['random'].iloc[-1]:.2f} (all {curve_mean.index[-1]:,}), about "
       f"{(curve_mean['random'].iloc[-1] - curve_mean['random'].iloc[0]) / len(steps):.2f} per {int(steps.iloc[0])} "
       "more sentences",
       f"within {(curve_mean['random'] - curve_mean['uncertain']).abs().max():.2f} of it at every size",
       f"On the {len(test_units)} locked sentences the rules find {machine_test['machine']:.0f} attributions, "
       f"{machine_test['tp']:.0f} of them the coders' (precision {machine_test['precision']:.2f}), and miss "
       f"{machine_test['fn']:.0f} of {machine_test['coder']:.0f} (recall {machine_test['recall']:.2f}): F1 "
       f"{machine_test['f1']:.2f} ({machine_test['f1_low']:.2f} to {machine_test['f1_high']:.2f}), against the goal "
       f"of {GOALS['attribution_f1']:.2f} and the coders' {coders_test['f1']:.2f}",
       f"{machine_test['speaker_accuracy']:.0%} have the coders' speaker (goal {GOALS['speaker_accuracy']:.2f}; the "
       f"coders {coders_test['speaker_accuracy']:.2f})",
       f"scores the same (F1 {scores.loc[('dev', 'machine'), 'f1']:.2f})")

# %% [markdown]
# ## What this shows
#
# * **The coding is reliable; the machine is far from it.** Coders A and B agree
#   with Krippendorff's alpha 0.87 to 1.00 per frame on v1 (lower bounds 0.77 and up) and 0.83 to 0.94 on the 370 doubly coded sentences of v2;
#   coder B reaches F1 0.89 to 1.00 against coder A on v1 and 0.86 to 0.94 on v2:
#   that is the ceiling. On the 260 sentences of v1 the best method reaches F1 0.80 (sovereignty, classifier; dictionary 0.69), 0.51 (humanitarian, classifier; dictionary 0.37), 0.73 (security, classifier; dictionary 0.72), 0.61 (criminality, classifier; dictionary 0.59) and 0.67 (cooperation, classifier; dictionary 0.61);
#   the gap to the coders is 0.13 to 0.41 and the intervals are wide
#   (±0.11 to ±0.24; 12 to 44 positive sentences per frame).
#   On v1 only sovereignty reaches F1 0.75; on v2 no frame reaches F1 0.75:
#   the classifier scores F1 0.43 to 0.60 (mean 0.50) unweighted and 0.30 to 0.58 (mean 0.44) weighted. And
#   humanitarian language reaches 0.51 on v1 and 0.47 on v2, below the 0.70 asked of it.
# * **The classifier, with word vectors beside word stems and the dictionary, is
#   the kit's default**: on v1 its mean F1 over frames is 0.66 against the dictionary's 0.60, it
#   is better for every frame of v2, and it gives probabilities and evidence.
#   Humanitarian language improved most (v1, where the classifier is 0.13 better):
#   the classifier finds 45% of the sentences the coders gave it, the dictionary 32%. What
#   the coders count as humanitarian (fear, despair, a family apart, a refugee camp,
#   a death at sea) is spread over many words that no list or 2,071 coded sentences cover.
# * **v2 is harder than v1, by design.** Its strata over-sample the sentences
#   that the earlier classifier or the dictionary flagged (the `rare` and `framed`
#   strata), which are the confusable ones: on v2 the classifier's errors are
#   mostly false positives (`08_frame_scores_v2`). Weighted by the inverse of
#   `coding_probability`, the figures estimate all sentences of the test-half
#   migration articles; they are lower still, as the over-sampled confusable
#   sentences stand for many sentences that carry no frame.
# * **Transfer holds**: trained on eight outlets and tested on the ninth, the
#   classifier scores mean F1 0.56 with the outlet held out against 0.57 on a random split of articles,
#   within the 0.05 asked. Its limit is not one outlet's vocabulary but how well
#   any of its features separates the frames.
# * **Each coded sentence still buys something, slowly**: on v1 the mean F1
#   rose from 0.62 (670 coded development sentences) to 0.66 (all 2,010), about 0.01 per 335 more sentences;
#   uncertainty sampling was no better than random choice, within 0.02 of it at every size.
#   Word vectors, and a sentence-transformer measured on the training coding
#   only, each add a little (README, "Validity"); neither is enough.
# * **Attribution does not hold on unseen news.** On the 90 locked sentences the
#   rules find 22 attributions, 11 of them the coders' (precision 0.50), and miss
#   39 of 50 (recall 0.22): F1 0.31 (0.17 to 0.44), against the goal of 0.60 and
#   the coders' 0.97. Of the matched attributions, 55% have the coders' speaker
#   (goal 0.85; the coders 0.88). The development half, on which the rules were
#   improved, scores the same (F1 0.35): the rules were not overfitted, they are
#   narrow. (These are the rules of cues v4, fixed for the errors a new user
#   met; notebook `10_attribution` scores them and a learned model on the
#   larger locked test of the second wave.)
# * What these numbers can and cannot say: one corpus (nine outlets, a few
#   months dominated by the US travel ban and the EU-Turkey deal), one codebook,
#   coders who are reading sessions given the same written instructions (their
#   agreement may be higher than that of people trained apart). They are the
#   kit's honest out-of-sample figures; the seed figures in `02_framing`,
#   `03_responsibility` and `05_validation` are in-sample.
