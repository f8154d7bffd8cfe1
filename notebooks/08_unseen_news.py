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
from analysis import (Codebook, FrameClassifier, alpha_interval, attributions_agreement, frame_validity,
                      learning_curve, plot_learning_curve, plot_method_comparison, precision_recall_f1, quoted,
                      read_frame_coding, save_figure, save_table)
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
# training sentences: 8 are, background paragraphs that several articles repeat
# (the test and development halves split articles, not texts), so on these 8 the
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
frame_scores = pd.concat([table.assign(method=name) for name, table in compared.items()], ignore_index=True)
columns = ["method", "column", "coder_labels", "machine_labels", "precision", "recall", "f1", "f1_low", "f1_high",
           "in_training"]
save_table(frame_scores[columns], "08_frame_scores")
frame_scores.pivot(index="column", columns="method", values="f1").loc[FRAMES]

# %%
fig, ax = plot_method_comparison(frame_scores, xlabel=f"F1 with {LEVEL:.0%} bootstrap interval",
                                 title=f"Frames on the locked test set ({len(test)} unseen sentences)")
save_figure(fig, "08_frame_f1")

# %% [markdown]
# ## What each coded sentence buys
#
# The classifier trained on growing shares of the development sentences (the
# seeds always in), chosen at random or by uncertainty sampling
# (`coding_sheet(strategy="uncertain")`), scored on the locked test set; three
# seeds, lines at their mean, the shaded band their range.

# %%
pool = read_frame_coding([CODING / f for f in ("frames_news_coding.csv", "news_frames_dev.csv",
                                               "news_frames_round2_coded.csv", "news_frames_round3_coded.csv")])
seeds = read_frame_coding(CODING / "frames_seed_coding.csv")
curve = learning_curve(pool["text"], pool[FRAMES], test["text"], test[FRAMES], initial_texts=seeds["text"],
                       initial_labels=seeds[FRAMES], batch=235, random_states=(0, 1, 2))
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
with warnings.catch_warnings(record=True) as skipped:     # the empty articles it skips, printed without
    warnings.simplefilter("always")                        # the warning's source line (this machine's paths)
    corpus = analysis.migration_articles(analysis.news_corpus())
for warning in skipped:
    print(warning.message)


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

# %%
f1 = frame_scores.pivot(index="column", columns="method", values="f1").loc[FRAMES]
recall = frame_scores.pivot(index="column", columns="method", values="recall").loc[FRAMES]
machines = ["dictionary", "classifier"]
best = f1[machines].idxmax(axis=1)
gap = f1["coder B vs coder A"] - f1[machines].max(axis=1)
half_width = ((frame_scores["f1_high"] - frame_scores["f1_low"]) / 2)[frame_scores["method"].isin(machines)]
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
       f"{len(test_units)} locked test sentences (from {test_units['doc_id'].nunique()} test articles",
       f"alpha {reliability['alpha'].min():.2f} to {reliability['alpha'].max():.2f} per frame (lower bounds "
       f"{reliability['alpha_low'].min():.2f} and up)",
       f"F1 {f1['coder B vs coder A'].min():.2f} to {f1['coder B vs coder A'].max():.2f} against coder A",
       f"On the same {len(test)} unseen sentences the best method reaches F1 "
       + ", ".join(best_of(frame) for frame in FRAMES[:-1]) + f" and {best_of(FRAMES[-1])}",
       (f"No frame reaches the goal of F1 {GOALS['frame_f1']:.2f}" if (f1[machines] < GOALS["frame_f1"]).all().all()
        else "Some frame reaches the goal"),
       f"the gap is {gap.min():.2f} to {gap.max():.2f}",
       f"(±{half_width.min():.2f} to ±{half_width.max():.2f}; {reliability['gold_positives'].min()} to "
       f"{reliability['gold_positives'].max()} positive sentences per frame)",
       f"where the classifier is {f1.loc['humanitarian', 'classifier'] - f1.loc['humanitarian', 'dictionary']:.2f} "
       "better",
       f"the classifier finds {recall.loc['humanitarian', 'classifier']:.0%} of the sentences the coders gave it, the "
       f"dictionary {recall.loc['humanitarian', 'dictionary']:.0%}",
       f"or {FrameClassifier.load().n_training_:,} coded sentences cover",
       f"mean F1 over frames is {f1['classifier'].mean():.2f} against the dictionary's {f1['dictionary'].mean():.2f}",
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
# * **The coding is reliable; the machine is not yet close to it.** Coders A and B
#   agree with Krippendorff's alpha 0.87 to 1.00 per frame (lower bounds 0.77 and
#   up), and coder B reaches F1 0.89 to 1.00 against coder A: that is the ceiling.
#   On the same 260 unseen sentences the best method reaches F1 0.69 (sovereignty,
#   dictionary; classifier 0.68), 0.49 (humanitarian, classifier; dictionary
#   0.37), 0.73 (security, classifier; dictionary 0.72), 0.59 (criminality,
#   dictionary; classifier 0.53) and 0.62 (cooperation, classifier; dictionary
#   0.61). **No frame reaches the goal of F1 0.75, and every frame stays below
#   the coders**: the gap is 0.16 to 0.43. The intervals are wide (±0.12 to ±0.24;
#   12 to 44 positive sentences per frame), so the two methods cannot be told
#   apart on any frame but humanitarian, where the classifier is 0.11 better.
# * **Humanitarian language is still the weakest measure**, though it improved
#   most: the classifier finds 45% of the sentences the coders gave it, the
#   dictionary 32%. What the coders count as humanitarian (fear, despair, a family
#   apart, a refugee camp, a death at sea) is spread over many words that no list
#   or 1,471 coded sentences cover.
# * **The classifier is the kit's default** (`frame_scores(method="classifier")`):
#   its mean F1 over frames is 0.61 against the dictionary's 0.60, it wins where the
#   dictionary is weakest, and it has probabilities and evidence. Both methods were
#   tuned on the development sentences only.
# * **Each coded sentence still buys something, slowly**: the mean F1 rose from
#   0.60 (470 coded development sentences) to 0.63 (all 1,410), about 0.01 per 235
#   more sentences, without levelling off. Uncertainty sampling was no better than
#   random choice: within 0.01 of it at every size, inside the spread of three
#   seeds; the rounds of coding already chose half their sentences that way.
# * **Attribution does not hold on unseen news.** On the 90 locked sentences the
#   rules find 23 attributions, 13 of them the coders' (precision 0.57), and miss
#   37 of 50 (recall 0.26): F1 0.36 (0.22 to 0.48), against the goal of 0.60 and
#   the coders' 0.97. Of the matched attributions, 38% have the coders' speaker
#   (goal 0.85; the coders 0.88). The development half, on which the rules were
#   improved, scores the same (F1 0.36): the rules were not overfitted, they are
#   narrow. News speech (presidents' addresses read as the state's, "we" for a
#   government, passive accusations, claims spread over sentences) lies outside
#   what a few dozen cue words and clause rules can see.
# * What these numbers can and cannot say: one corpus (nine outlets, a few
#   months dominated by the US travel ban and the EU-Turkey deal), one codebook,
#   coders who are reading sessions given the same written instructions (their
#   agreement may be higher than that of people trained apart). They are the
#   kit's honest out-of-sample figures; the seed figures in `02_framing`,
#   `03_responsibility` and `05_validation` are in-sample.
