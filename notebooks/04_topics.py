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
# # 04 · Topics in the seed articles
#
# **Question:** which themes run through the five seed articles, paragraph by
# paragraph, and how many topics can this corpus support?
#
# Each of the 50 paragraphs is one text. Topics are NMF on tf-idf of the kit's
# word tokens (without the shipped stop words for news topics,
# `stopwords_news_topics.txt`: scikit-learn's English stop words plus a news
# list: "said", "according"...; a word must occur in at least two paragraphs
# and in at most half). k is chosen by NPMI coherence (computed as gensim's `c_npmi`, windows
# of 10 tokens) and by stability over three seeds, each fitting on a random 80%
# of the paragraphs (`analysis.select_k`).

# %%
import analysis
from analysis import (fit_topics, plot_doc_topics, plot_k_selection, plot_prevalence, quoted, save_figure, save_table,
                      select_k, top_terms_table, topic_prevalence)

WINDOW, SAMPLE = 10, 0.8           # tokens per window of the coherence; share of the paragraphs in each fit
corpus = analysis.load_corpus()
news_stopwords = analysis.load_stopwords("shipped:stopwords_news_topics.txt")
selection = select_k(corpus, range(2, 11), unit="paragraphs", random_states=(0, 1, 2), stopwords=news_stopwords,
                     window_size=WINDOW, sample_fraction=SAMPLE)
print(f"recommended k = {selection.k}: {selection.rule}")
save_table(selection.table, "04_k_selection_table")

# %%
fig, axes = plot_k_selection(selection)
save_figure(fig, "04_k_selection")

# %% [markdown]
# ## The topics at the recommended k
#
# Top eight terms of each topic with their weight (share of the topic's
# weight); `share` is the topic's mean share of the paragraphs.

# %%
model = fit_topics(corpus, selection.k, unit="paragraphs", stopwords=news_stopwords)
terms = top_terms_table(model, 8, layout="wide")
save_table(terms, "04_top_terms")

# %%
fig, ax = plot_doc_topics(model)
save_figure(fig, "04_doc_topics")

# %% [markdown]
# Mean topic share of each article's paragraphs, and of the articles grouped by
# their (inferred) date:

# %%
by_article = topic_prevalence(model, corpus, "doc_id")
save_table(by_article, "04_topics_by_article")

# %%
by_date = topic_prevalence(model, corpus, "date")
fig, ax = plot_prevalence(by_date, "date", model=model)
save_figure(fig, "04_topics_by_date")

# %%
table = selection.table.set_index("k")
threshold = analysis.measures.coherence.STABILITY_THRESHOLD
stable = [k for k in table.index if table.loc[k, "stability"] >= threshold]
shares = by_article.set_index("doc_id").filter(like="topic_")
top = shares.apply(lambda row: row.nlargest(2).tolist(), axis=1)
split = top.index[[second > 0.3 for _, second in top]]        # articles whose second topic holds a third
quoted(f"Each of the {len(model.units_)} paragraphs", f"windows of {WINDOW} tokens", f"random {SAMPLE:.0%} of the",
       f"NPMI around {table['coherence'].min():.2f} to {table['coherence'].max():.2f}",
       f"at or above {threshold} only for k = {', '.join(map(str, stable[:-1]))} and {stable[-1]}",
       f"stability >= {threshold}) picks k = {selection.k}",
       f"mean share {shares.max(axis=1).min():.2f} to {shares.max(axis=1).max():.2f}",
       *(f"article {doc[:3]} splits into two ({top[doc][0]:.2f} and {top[doc][1]:.2f})" for doc in split),
       f"With {len(model.units_)} paragraphs and {len(model.vocabulary_)} vocabulary words")

# %% [markdown]
# ## What the figures show
#
# * `04_k_selection`: coherence is low for every k (NPMI around 0.03 to 0.07,
#   with a spread over seeds as large as the differences between k); stability
#   is at or above 0.8 only for k = 2, 6 and 7. The rule (highest coherence
#   among k with stability >= 0.8) picks k = 6, but the other stable ones are about as
#   defensible: the data do not pin k down.
# * `04_top_terms` and `04_doc_topics`: the six topics are readable (the
#   Italian-Libyan ministers' meeting on illegal immigration; the UNSMIL / IOM
#   working group; migrants' accounts and the sea; EU humanitarian aid; the
#   eastern-based government and reception centres; detention centres and
#   international support). The heatmap shows why they read so well: each topic
#   sits in the paragraphs of one article. In `04_topics_by_article` every
#   article has one dominant topic (mean share 0.44 to 0.73 of its paragraphs)
#   and article 003 splits into two (0.49 and 0.34).
# * `04_topics_by_date` (n counts paragraphs): prevalence by date is prevalence
#   by article, since each date holds one or two articles.
#
# **What five articles can and cannot support.** With 50 paragraphs and 146
# vocabulary words, a topic model here mostly recovers the articles
# themselves: a topic is an article's subject, not a theme shared across the
# coverage. This is useful as a structured summary of each article and as a
# check that the pipeline works on real text. It cannot support claims about
# which themes dominate news on migration, how themes change over time or
# differ between outlets (one outlet is known, dates are inferred), or what the
# "right" number of topics is: coherence estimated from under a thousand tokens
# is noisy, and the recommended k is one of several equally stable choices.
# Those questions need hundreds of articles, and then `select_k` and
# `topic_prevalence` by outlet and date apply unchanged.
