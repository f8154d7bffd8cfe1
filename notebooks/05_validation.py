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
# # 05 Validation: does the machine code the seeds as a careful reader does?
#
# The frame dictionary and the responsibility rules are only as good as their agreement with
# hand coding. Here we compare them, sentence by sentence, with a hand coding of all sentences
# of the five seed articles: precision, recall and F1 per frame and per attribution field, with
# 95% bootstrap confidence intervals (units resampled), and Krippendorff's alpha and Cohen's kappa
# treating the machine as a second coder.
#
# **One coder made each coding** (the frames were coded by the framing engineer, the
# attributions by the attribution engineer, each from the codebook's definitions before the
# word lists and rules were tuned). So there is no agreement *between coders* here: these
# numbers say how far the machine follows one reader, not how reliable the coding itself is.
# The coding records the codebook version it was made with; the machine uses the current one
# (both printed below).
# The last step makes a coding sheet for a second coder; `read_coding` and `coder_agreement`
# turn the coded sheets into inter-coder alpha.

# %%
import pandas as pd

import analysis
from analysis import (Codebook, FrameClassifier, agreement_table, attribution_sets, coding_sheet, disagreements,
                      plot_method_comparison, quoted, resource_versions, save_figure, save_table)
from analysis.paths import project_root

CODING = project_root() / "data" / "coding"
LEVEL, N_BOOT = 0.95, 2000         # confidence level and bootstrap resamples of the intervals
corpus = analysis.load_corpus()
sents = analysis.sentences(corpus)
units = sents[["doc_id", "sent_id"]]
print(resource_versions())

# %% [markdown]
# ## Frames: dictionary and classifier against the hand coding
#
# Both are in-sample here: the dictionary was tuned on these sentences, and the frame classifier
# (the kit's default) was fitted on them with 1,410 sentences of other news.

# %%
frames = Codebook.load().frame_ids
frame_coding = pd.read_csv(CODING / "frames_seed_coding.csv")
print(f"{len(frame_coding)} sentences coded by: {frame_coding['coder'].unique().tolist()}, "
      f"codebook {frame_coding['codebook_version'].unique().tolist()}")
coder_frames = frame_coding.set_index(["doc_id", "sent_id"])[frames]
machine = {method: analysis.frame_scores(sents, method=method).set_index(["doc_id", "sent_id"])[frames] > 0
           for method in ("dictionary", "classifier")}
frame_table = pd.concat([agreement_table(found, coder_frames, n_boot=N_BOOT, random_state=0, level=LEVEL)
                         .assign(method=method) for method, found in machine.items()], ignore_index=True)
frame_table.pivot(index="column", columns="method", values="f1").loc[frames]

# %% [markdown]
# ## Responsibility attributions: actor, kind, polarity, and the whole triple

# %%
attribution_coding = pd.read_csv(CODING / "attribution_seed_coding.csv")
coder_attr = attribution_sets(attribution_coding, units)
machine_attr = attribution_sets(analysis.attributions(corpus), units)
attribution_table = agreement_table(machine_attr, coder_attr, n_boot=N_BOOT, random_state=0, level=LEVEL)
attribution_table

# %%
table = pd.concat([frame_table.assign(measure="frame"),
                   attribution_table.assign(measure="attribution", method="rules")])
columns = ["measure", "method", "column", "n_units", "coder_labels", "machine_labels", "tp", "fp", "fn",
           "precision", "recall", "f1", "f1_low", "f1_high", "alpha", "kappa"]
save_table(table[columns], "05_agreement")

# %%
fig, ax = plot_method_comparison(frame_table, xlabel=f"F1 with {LEVEL:.0%} bootstrap interval",
                                 title=f"Frames: machine vs one coder, {len(coder_frames)} seed sentences (in-sample)")
save_figure(fig, "05_frame_f1")

# %% [markdown]
# ## Where machine and coder differ
#
# `missed`: what the coder saw and the machine did not (false negatives); `extra`: what the
# machine gave and the coder did not (false positives). These sentences are where to look before
# changing a word list or a rule, and where to ask whether the definition or the coding is at fault.

# %%
differ = pd.concat([disagreements(machine["dictionary"], coder_frames), disagreements(machine_attr, coder_attr)])
differ.merge(sents[["doc_id", "sent_id", "text"]], on=["doc_id", "sent_id"])

# %% [markdown]
# ## A coding sheet for a second coder
#
# Twenty sentences, stratified by article, with the previous and next sentence as context.
# Given `path="coding/second_coder.csv"`, `coding_sheet` writes it as CSV, every row stamped with
# the codebook version, and its instructions beside it (and never replaces an existing sheet). A second coder fills it in;
# `read_coding([...])` checks every value against the codebook and `coder_agreement` gives alpha
# and kappa between coders.

# %%
sheet = coding_sheet(sents, n=20, stratify_by="doc_id", random_state=0)
sheet.groupby("doc_id").size()

# %%
coded = frame_table[frame_table["method"] == "dictionary"]["coder_labels"]
quoted(f"with {LEVEL:.0%} bootstrap confidence intervals",
       f"with {FrameClassifier.load().n_training_ - len(frame_coding):,} sentences of other news",
       f"reading of the {len(coder_frames)} seed sentences, with {LEVEL:.0%} percentile bootstrap intervals "
       f"({N_BOOT:,} resamples",
       f"With only {coded.min()} to {coded.max()} coded sentences per frame",
       f"no error in {len(coder_frames)} sentences", f"learned these {len(coder_frames)} sentences")

# %% [markdown]
# ## What the figures show
#
# `05_frame_f1` shows, per frame, the F1 of the dictionary and of the frame classifier against one
# coder's reading of the 61 seed sentences, with 95% percentile bootstrap intervals (2,000
# resamples of sentences). `05_agreement` gives precision, recall, F1,
# alpha and kappa for every frame and every attribution field (actor, kind, polarity, and the whole
# actor/kind/polarity triple). With only 8 to 27 coded sentences per frame the intervals are wide,
# and they overlap for most pairs of frames: the seeds cannot rank the frames by accuracy. A frame
# on which machine and coder agree on every sentence gets the interval `[1, 1]`: the percentile
# bootstrap cannot show uncertainty it never sees in the sample, so read it as "no error in 61
# sentences", not as certainty. Where precision is above recall, the dictionary misses more of
# what the coder saw than it invents; the "Where machine and coder differ" table lists those cases.
# The coding comes from one coder per task, and the dictionary, the rules and the classifier were
# all tuned or fitted on these sentences, so these numbers are in-sample: the classifier's near
# perfect scores here say it has learned these 61 sentences, not that it reads news that well.
# Validity on unseen news, with two coders and locked test sets, is notebook `08_unseen_news`:
# there every method scores well below these figures.
