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
# # 01 · The corpus at a glance
#
# **Question:** what is in the corpus — which articles, from which outlet and
# date, how long — and what did cleaning remove before any measure was taken?
#
# The five seed articles report on migration in Libya. Their metadata
# (`seeds/metadata.csv`) records only what the texts support: one article names
# its outlet and headline; dates are inferred from the events the articles
# describe and are marked as inferred.

# %%
import analysis
from analysis import plot_corpus_sizes, quoted, save_figure, save_table

corpus = analysis.load_corpus()
summary = analysis.corpus_summary(corpus)
save_table(summary, "01_corpus_summary")

# %% [markdown]
# How each metadata value was obtained:

# %%
basis = corpus[["doc_id", "title_basis", "outlet_basis", "date", "date_basis"]]
save_table(basis, "01_metadata_basis")

# %% [markdown]
# ## What cleaning removed
#
# Lines that are not part of the article (rules in
# `analysis/data/cleaning.yaml`) and a headline standing alone at the top are
# removed from `text`, the text every analysis uses; `raw_text` keeps them.

# %%
removed = analysis.cleaning_report(corpus)
save_table(removed, "01_cleaning_report")

# %%
fig, ax = plot_corpus_sizes(summary, "words")
save_figure(fig, "01_corpus_words")

# %%
cleaned = removed["doc_id"].unique()
quoted(f"{summary['words'].min()} to {summary['words'].max()} words each",
       f"{summary['sentences'].sum()} sentences in {summary['paragraphs'].sum()} paragraphs",
       f"Only article {', '.join(d[:3] for d in cleaned)} carried")

# %% [markdown]
# ## What this shows
#
# The corpus is small: five news articles of 319 to 404 words each, 61
# sentences in 50 paragraphs. Only article 003 carried non-article text (a
# headline, a reading-time widget, a syndication credit and two WordPress
# widgets); it was removed before segmentation and is listed above. With five
# articles every later figure describes these texts, not news coverage in
# general.
