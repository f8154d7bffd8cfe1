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
# # 07 · Keywords, collocates and concordances
#
# **Question:** which words do the five seed articles (migration in Libya) use
# more than other English news on migration; which words keep company with
# "migrants", "refugees" and "illegal" in nine outlets; and is a keyword spread
# over many articles or carried by a few?
#
# These are the steps of corpus-assisted discourse analysis (Baker et al.
# 2008): keywords against a reference corpus, collocates of the names given to
# people on the move, concordance lines sorted by context, and dispersion. The
# reference is the NewsArticles corpus (Dai 2017, Harvard Dataverse,
# doi:10.7910/DVN/GMFCTR), which is not part of the kit: get it once with
# `make news-corpus`. Without it this notebook stops at the first cell with a
# message saying so.
#
# Statistics (conventions and references in the docstrings of
# `analysis.keyness`, `analysis.collocates` and `analysis.dispersion`): G2 is
# Dunning's log-likelihood, signed (negative: used less in the target); log
# ratio is the binary log of the ratio of relative frequencies (Hardie 2014;
# 1 = twice as frequent); a term is significant when its p-value stays under
# 0.05 divided by the number of terms tested (Bonferroni). Stop words
# (`analysis/data/stopwords_en.txt`, function words only) are left out of the
# tables but still count in corpus sizes and collocation windows.

# %%
import warnings

import pandas as pd

from analysis import (Lexicon, clusters, collocates, dispersion, keyness, kwic, load_corpus, load_stopwords,
                      migration_articles, news_corpus, plot_collocates, plot_keyness, save_figure, save_table,
                      sentences)
from analysis.text.kwic import Concordance

# FileNotFoundError saying to run `make news-corpus` if the file is missing.
# The warning lists the articles skipped because their text cell is empty; it
# is printed here without the warning's source line, which names this machine's paths.
with warnings.catch_warnings(record=True) as skipped:
    warnings.simplefilter("always")
    corpus = news_corpus()
for warning in skipped:
    print(warning.message)
seeds = load_corpus()
migration = migration_articles(corpus)
stop = load_stopwords()
print(f"{len(seeds)} seed articles; NewsArticles: {len(corpus)} articles, {len(migration)} about migration")


def p_text(table):
    """p-values as text in scientific notation (tables round floats to 3 decimals)."""
    return table.assign(p_value=table["p_value"].map("{:.1e}".format))


# %% [markdown]
# ## Keywords of the seeds
#
# Target: the five seed articles. Reference: the 481 NewsArticles articles
# about migration (they use migrant*, refugee*, asylum* or immigra*), so the
# keywords are what sets the seeds apart from other news on migration, not
# from news in general. Terms found 5 times or more in both together are
# tested. `range` and `dp` (Gries's DP: 0 = spread as the text is, near 1 =
# in one article) say how the keyword spreads over the five seeds.

# %%
keys = keyness(seeds, migration, stopwords=stop, min_count=5)
top_seed_keys = keys[keys["g2"] > 0].head(25)
top_seed_keys = top_seed_keys.merge(dispersion(seeds, top_seed_keys["term"])[["term", "range", "dp"]], on="term")
save_table(p_text(top_seed_keys), "07_seed_keywords")
print(f"{keys.attrs['tests']} terms tested; significant: |G2| > {keys.attrs['g2_critical']:.1f}; "
      f"{int(keys['significant'].sum())} keywords, "
      f"{int((keys['significant'] & (keys['g2'] < 0)).sum())} of them used less in the seeds")
fig, ax = plot_keyness(keys, n=20, target="the seeds", reference="NewsArticles migration articles")
save_figure(fig, "07_seed_keyness")
top_seed_keys[["term", "count_target", "count_reference", "g2", "log_ratio", "significant", "range", "dp"]]

# %% [markdown]
# Multi-word keywords: n-grams of 2 and 3 words that never cross punctuation.

# %%
phrases = keyness(seeds, migration, ngrams=(2, 3), stopwords=stop, min_count=3)
top_phrases = phrases[phrases["g2"] > 0].head(15)
save_table(p_text(top_phrases), "07_seed_key_phrases")
top_phrases[["term", "n", "count_target", "count_reference", "g2", "log_ratio", "significant"]]

# %% [markdown]
# ## Keywords of migration news in NewsArticles
#
# The same comparison inside NewsArticles: its migration articles against all
# its other articles: the 15 strongest keywords of each side, and how each
# spreads over the 481 migration articles (`range`, `dp`).

# %%
news_keys = keyness(corpus, by=corpus["doc_id"].isin(migration["doc_id"]), stopwords=stop)
top_news = pd.concat([news_keys.head(15), news_keys.tail(15).iloc[::-1]], ignore_index=True)
top_news = top_news.merge(dispersion(migration, top_news["term"])[["term", "range", "dp"]], on="term")
save_table(p_text(top_news), "07_news_keywords")
fig, ax = plot_keyness(news_keys, n=15, target="migration articles", reference="other articles")
save_figure(fig, "07_news_keyness")
top_news[["term", "count_target", "count_reference", "g2", "log_ratio", "range", "dp"]]

# %% [markdown]
# ## Collocates of "migrants", "refugees" and "illegal"
#
# Windows of 5 words on each side within a sentence; collocates found at least
# 3 times; ranked by log-Dice (Rychlý 2008), which does not depend on corpus
# size, so outlets of different size can be compared. First, how often each
# outlet uses each node (few uses give few collocates); then the collocates
# over the whole corpus, and per outlet (the 5 strongest per node and outlet).

# %%
nodes = ["migrants", "refugees", "illegal"]
news_sentences = sentences(corpus).merge(corpus[["doc_id", "outlet"]], on="doc_id")
hits = kwic(news_sentences, Lexicon.from_entries({node: [node] for node in nodes}), window=0)
hits = hits.merge(corpus[["doc_id", "outlet"]], on="doc_id")
uses = pd.crosstab(hits["outlet"], hits["label"]).reindex(index=sorted(corpus["outlet"].unique()), columns=nodes,
                                                          fill_value=0).rename_axis(index="outlet", columns=None)
save_table(uses.reset_index(), "07_outlet_node_uses")
uses

# %%
overall = collocates(news_sentences, nodes, stopwords=stop)
save_table(overall.groupby("node", sort=False).head(15), "07_collocates_table")
fig, axes = plot_collocates(overall, n=12)
save_figure(fig, "07_collocates")

parts = []
for outlet, part in news_sentences.groupby("outlet", sort=True):
    with warnings.catch_warnings(record=True) as said:   # a node an outlet never uses, or too rarely, says so
        warnings.simplefilter("always")
        parts.append(collocates(part, nodes, stopwords=stop).assign(outlet=outlet))
    for warning in said:
        print(f"{outlet}: {warning.message}")
per_outlet = pd.concat(parts, ignore_index=True).groupby(["outlet", "node"], sort=False).head(5)
columns = ["outlet", "node", "node_count", "term", "count", "left", "right", "log_dice", "mi", "t_score", "g2"]
save_table(per_outlet[columns], "07_outlet_collocates")
per_outlet.pivot_table(index="outlet", columns="node", values="term", aggfunc=", ".join)[nodes].fillna("")

# %% [markdown]
# ## Clusters
#
# The most frequent 2- to 4-word phrases that hold each node (5 times or more).

# %%
phrase_table = clusters(news_sentences, nodes, size=(2, 4), min_count=5)
top_clusters = phrase_table.groupby("node", sort=False).head(8)
save_table(top_clusters, "07_clusters")
top_clusters

# %% [markdown]
# ## Concordance of the top collocate
#
# The lines of "migrants" whose 5 tokens on either side hold its strongest
# collocate, sorted by the first word to the left, then the first to the right.

# %%
top = overall[overall["node"] == "migrants"].iloc[0]["term"]
lines = kwic(news_sentences, "migrants", window=5, sort=["L1", "R1"])
near = r"(?i)(?<![\w'-])" + top + r"(?![\w'-])"
with_top = lines[lines["left"].str.contains(near) | lines["right"].str.contains(near)].reset_index(drop=True)
save_table(with_top[["doc_id", "left", "keyword", "right"]], "07_concordance")
print(f"top collocate of 'migrants': {top!r}; {len(with_top)} of {len(lines)} lines")
Concordance(with_top)

# %% [markdown]
# A seeded sample of 12 lines of "refugees", sorted by the first word to the
# right (the same 12 lines on every run).

# %%
kwic(news_sentences, "refugees", window=6, n=12, random_state=0, sort="R1")

# %% [markdown]
# ## What this shows
#
# **Keywords of the seeds** (`07_seed_keywords`, `07_seed_keyness`). Of 6,322
# terms tested, 18 pass the Bonferroni threshold (|G2| > 20.0), all of them
# used more in the seeds; with 1,756 words, the seeds are too small for any
# word to be significantly rarer in them. The keywords name the place and the
# actors of the Libyan story (libya, libyan, tripoli, ministry, interior,
# bashagha, unsmil, iom, italy) and how it names people: "illegal" (19 times,
# log ratio 5.5) and "immigrants" are key, and the strongest multi-word
# keywords are "illegal immigrants" (12 in the seeds, 24 in the 481 reference
# articles; log ratio 6.7) and "illegal immigration" (`07_seed_key_phrases`).
# Dispersion qualifies them: libya, libyan and immigrants are in all five
# seeds (DP 0.18 or less), "illegal" in four, but unsmil, reception, italy and
# working are each in one article only (range 1, DP 0.79 to 0.82): they are
# one article's words, not the seeds'.
#
# **Migration news in NewsArticles** (`07_news_keywords`, `07_news_keyness`).
# The top keywords refugees, immigration, immigrants, migrants and asylum are
# the words that selected the articles, so their keyness is circular. After
# them come wilders, dutch, rutte and netherlands (the Dutch election) and
# ban, order, border, undocumented and trump (the US executive order and the
# border wall). Dispersion shows the Dutch election is carried by few
# articles: "wilders" is in 42 of the 481 (DP 0.91), "rutte" in 35 (DP 0.92),
# while "order" is in 138 and "ban" in 122. The words used less (china,
# russian, tass, moscow, company, market) reflect which outlets rarely write
# about migration (TASS, China Daily; `06_outlet_articles`), not how
# migration is discussed.
#
# **Collocates** (`07_collocates`, tables `07_collocates_table` and `07_outlet_collocates`). Over the whole
# corpus, "migrants" keeps company with undocumented, refugees, and the
# quantity words flow and influx (8 and 5 co-occurrences, all on the left:
# "flow of migrants"), then mexican, stranded, libya, arriving and crossing;
# "refugees" with syrian (44), migrants, indefinitely and 120 (the 120-day
# suspension of refugee admissions), greece, thousands and nationalities;
# "illegal" with immigrants (25) but almost as strongly with settlements (13)
# and drugs (18). Outlets differ first in how often they use the words
# (`07_outlet_node_uses`: Al Jazeera 99 "migrants", DW 71, TASS 2; China Daily
# never writes "refugees"), so per-outlet collocates exist only for the
# frequent ones: RTE's "migrants" are undocumented and living in Ireland,
# CNN's "refugees" come with 120, days and 90 (the executive order), DW's
# "migrants" with wilders, and China Daily and TASS use "illegal" for
# activities, publications, trafficking and armed formations, not for people.
#
# **Clusters and concordance** (`07_clusters`, `07_concordance`). "syrian
# refugees" (42 times in 26 articles) and "illegal immigrants" (24 in 18) are
# spread over many articles; "undocumented migrants" (14) comes from 6. The
# concordance of "migrants" with its top collocate, "undocumented", has 17
# lines, 7 of them from one RTE article (doc 2590) on undocumented Irish
# people in the US: the collocation is partly one story. (Collocates counts 16:
# in "undocumented-migrants" the kit's tokenizer keeps one hyphenated word,
# which is the node itself, while the concordance shows its parts.)
#
# These are counts of words, not readings: each collocate and keyword is a
# lead to check in its concordance lines (`analysis.kwic(..., sort="L1")`)
# before it is called a finding, and the seeds, chosen for being about Libya,
# are expected to differ in topic from any reference.
