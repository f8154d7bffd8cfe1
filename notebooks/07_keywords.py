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

from analysis import (Lexicon, clusters, collocates, corpus_summary, dispersion, keyness, kwic, load_corpus,
                      load_stopwords, migration_articles, news_corpus, plot_collocates, plot_keyness, quoted,
                      save_figure, save_table, sentences)
from analysis.text.kwic import Concordance

MIN_KEY, NGRAMS, MIN_PHRASE, N_NEWS = 5, (2, 3), 3, 15   # keyness: min count, n-grams, their min count, terms shown
WINDOW, MIN_COLLOCATE, N_OUTLET = 5, 3, 5                 # collocates: window, min count, per outlet and node
CLUSTER_SIZE, MIN_CLUSTER, LINES = (2, 4), 5, 12          # clusters: sizes, min count; concordance sample

# FileNotFoundError saying to run `make news-corpus` if the file is missing.
# The warnings list the articles skipped because their text cell is empty and the
# exact copies dropped; they are printed here without the warning's source line,
# which names this machine's paths.
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
keys = keyness(seeds, migration, stopwords=stop, min_count=MIN_KEY)
top_seed_keys = keys[keys["g2"] > 0].head(25)
top_seed_keys = top_seed_keys.merge(dispersion(seeds, top_seed_keys["term"])[["term", "range", "dp"]], on="term")
save_table(p_text(top_seed_keys), "07_seed_keywords")
print(f"{keys.attrs['tests']} terms tested; significant: |G2| > {keys.attrs['g2_critical']:.1f}; "
      f"{int(keys['significant'].sum())} keywords, "
      f"{int((keys['significant'] & (keys['g2'] < 0)).sum())} of them used less in the seeds")
fig, ax = plot_keyness(keys, n=20, target="the seeds", reference="NewsArticles migration articles")
save_figure(fig, "07_seed_keyness")

# %% [markdown]
# Multi-word keywords: n-grams of 2 and 3 words that never cross punctuation.

# %%
phrases = keyness(seeds, migration, ngrams=NGRAMS, stopwords=stop, min_count=MIN_PHRASE)
top_phrases = phrases[phrases["g2"] > 0].head(15)
save_table(p_text(top_phrases), "07_seed_key_phrases")

# %% [markdown]
# ## Keywords of migration news in NewsArticles
#
# The same comparison inside NewsArticles: its migration articles against all
# its other articles: the 15 strongest keywords of each side, and how each
# spreads over the 481 migration articles (`range`, `dp`).

# %%
news_keys = keyness(corpus, by=corpus["doc_id"].isin(migration["doc_id"]), stopwords=stop)
top_news = pd.concat([news_keys.head(N_NEWS), news_keys.tail(N_NEWS).iloc[::-1]], ignore_index=True)
top_news = top_news.merge(dispersion(migration, top_news["term"])[["term", "range", "dp"]], on="term")
save_table(p_text(top_news), "07_news_keywords")
fig, ax = plot_keyness(news_keys, n=N_NEWS, target="migration articles", reference="other articles")
save_figure(fig, "07_news_keyness")

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

# %%
overall = collocates(news_sentences, nodes, window=(WINDOW, WINDOW), min_count=MIN_COLLOCATE, stopwords=stop)
save_table(overall.groupby("node", sort=False).head(15), "07_collocates_table")
fig, axes = plot_collocates(overall, n=12)
save_figure(fig, "07_collocates")

parts = []
for outlet, part in news_sentences.groupby("outlet", sort=True):
    with warnings.catch_warnings(record=True) as said:   # a node an outlet never uses, or too rarely, says so
        warnings.simplefilter("always")
        parts.append(collocates(part, nodes, window=(WINDOW, WINDOW), min_count=MIN_COLLOCATE, stopwords=stop)
                     .assign(outlet=outlet))
    for warning in said:
        print(f"{outlet}: {warning.message}")
per_outlet = pd.concat(parts, ignore_index=True).groupby(["outlet", "node"], sort=False).head(N_OUTLET)
columns = ["outlet", "node", "node_count", "term", "count", "left", "right", "log_dice", "mi", "t_score", "g2"]
save_table(per_outlet[columns], "07_outlet_collocates")
per_outlet.pivot_table(index="outlet", columns="node", values="term", aggfunc=", ".join)[nodes].fillna("")

# %% [markdown]
# ## Clusters
#
# The most frequent 2- to 4-word phrases that hold each node (5 times or more).

# %%
phrase_table = clusters(news_sentences, nodes, size=CLUSTER_SIZE, min_count=MIN_CLUSTER)
top_clusters = phrase_table.groupby("node", sort=False).head(8)
save_table(top_clusters, "07_clusters")

# %% [markdown]
# ## Concordance of the top collocate
#
# The lines of "migrants" whose 5 tokens on either side hold its strongest
# collocate, sorted by the first word to the left, then the first to the right.

# %%
top = overall[overall["node"] == "migrants"].iloc[0]["term"]
lines = kwic(news_sentences, "migrants", window=WINDOW, sort=["L1", "R1"])
near = r"(?i)(?<![\w'-])" + top + r"(?![\w'-])"
with_top = lines[lines["left"].str.contains(near) | lines["right"].str.contains(near)].reset_index(drop=True)
save_table(with_top[["doc_id", "left", "keyword", "right"]], "07_concordance")
print(f"top collocate of 'migrants': {top!r}; {len(with_top)} of {len(lines)} lines")
Concordance(with_top)

# %% [markdown]
# A seeded sample of 12 lines of "refugees", sorted by the first word to the
# right (the same 12 lines on every run).

# %%
kwic(news_sentences, "refugees", window=6, n=LINES, random_state=0, sort="R1")

# %%
def listing(words) -> str:
    """'a, b and c'"""
    words = list(words)
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]


key = keys.set_index("term")
phrase = phrases.set_index("term")
seed_spread = top_seed_keys.set_index("term")
news_spread = top_news.set_index("term")
pair = overall.set_index(["node", "term"])
cluster = phrase_table.set_index(["node", "cluster"])
less = int((keys["significant"] & (keys["g2"] < 0)).sum())
quantity_left = (pair.loc[[("migrants", "flow"), ("migrants", "influx")], "right"] == 0).all()
everywhere = seed_spread[seed_spread["range"] == len(seeds)]
one_article = seed_spread[seed_spread["range"] == 1]
cnn_refugees = per_outlet[(per_outlet["outlet"] == "CNN") & (per_outlet["node"] == "refugees")]["term"]
from_top = with_top["doc_id"].value_counts()
story = from_top.index[0]
quoted(f"the {len(migration)} NewsArticles articles about migration", f"Terms found {MIN_KEY} times or more",
       f"n-grams of {NGRAMS[0]} and {NGRAMS[-1]} words", f"the {N_NEWS} strongest keywords of each side",
       f"spreads over the {len(migration)} migration articles", f"Windows of {WINDOW} words on each side",
       f"collocates found at least {MIN_COLLOCATE} times", f"the {N_OUTLET} strongest per node and outlet",
       f"The most frequent {CLUSTER_SIZE[0]}- to {CLUSTER_SIZE[1]}-word phrases that hold each node "
       f"({MIN_CLUSTER} times or more)", f"whose {WINDOW} tokens on either side",
       f"A seeded sample of {LINES} lines", f"the same {LINES} lines on every run",
       f"Of {keys.attrs['tests']:,} terms tested, {int(keys['significant'].sum())} pass the Bonferroni threshold "
       f"(|G2| > {keys.attrs['g2_critical']:.1f}), " + ("all of them used more in the seeds" if less == 0 else
                                                          f"{less} of them used less in the seeds"),
       f"with {corpus_summary(seeds)['words'].sum():,} words",
       f"\"illegal\" ({key.loc['illegal', 'count_target']} times, log ratio {key.loc['illegal', 'log_ratio']:.1f})",
       f"\"illegal immigrants\" ({phrase.loc['illegal immigrants', 'count_target']} in the seeds, "
       f"{phrase.loc['illegal immigrants', 'count_reference']} in the {len(migration)} reference articles; log ratio "
       f"{phrase.loc['illegal immigrants', 'log_ratio']:.1f})",
       f"{listing(everywhere.index)} are in all five seeds (DP {everywhere['dp'].max():.2f} or less)",
       f"{listing(one_article.index)} are each in one article only (range 1, DP {one_article['dp'].min():.2f} to "
       f"{one_article['dp'].max():.2f})",
       f"\"wilders\" is in {news_spread.loc['wilders', 'range']} of the {len(migration)} (DP "
       f"{news_spread.loc['wilders', 'dp']:.2f}), \"rutte\" in {news_spread.loc['rutte', 'range']} (DP "
       f"{news_spread.loc['rutte', 'dp']:.2f}), while \"order\" is in {news_spread.loc['order', 'range']} and \"ban\" "
       f"in {news_spread.loc['ban', 'range']}",
       f"flow and influx ({pair.loc[('migrants', 'flow'), 'count']} and {pair.loc[('migrants', 'influx'), 'count']} "
       + ("co-occurrences, all on the left" if quantity_left else "co-occurrences, not all on the left"),
       f"syrian ({pair.loc[('refugees', 'syrian'), 'count']})",
       f"immigrants ({pair.loc[('illegal', 'immigrants'), 'count']}) but almost as strongly with settlements "
       f"({pair.loc[('illegal', 'settlements'), 'count']}) and drugs ({pair.loc[('illegal', 'drugs'), 'count']})",
       f"Al Jazeera {uses.loc['Al Jazeera', 'migrants']} \"migrants\", DW {uses.loc['DW', 'migrants']}, TASS "
       f"{uses.loc['TASS', 'migrants']}",
       f"CNN's \"refugees\" come with {listing(cnn_refugees)}",
       *(f"\"{c}\" ({cluster.loc[(n, c), 'count']} times in {cluster.loc[(n, c), 'docs']} articles)"
         for n, c in [("refugees", "syrian refugees")]),
       f"\"illegal immigrants\" ({cluster.loc[('illegal', 'illegal immigrants'), 'count']} in "
       f"{cluster.loc[('illegal', 'illegal immigrants'), 'docs']})",
       f"\"undocumented migrants\" ({cluster.loc[('migrants', 'undocumented migrants'), 'count']}) comes from "
       f"{cluster.loc[('migrants', 'undocumented migrants'), 'docs']}",
       f"\"{top}\", has {len(with_top)} lines, {from_top.iloc[0]} of them from one "
       f"{corpus.set_index('doc_id').loc[story, 'outlet']} article (doc {story})",
       f"Collocates counts {pair.loc[('migrants', top), 'count']}")

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
# seeds (DP 0.18 or less), "illegal" in four, but unsmil, reception, italy, working and
# humanitarian are each in one article only (range 1, DP 0.79 to 0.82): they are
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
# "refugees" with syrian (44), migrants, indefinitely and `120` (the order's
# suspension of refugee admissions for `120` days), greece, thousands and nationalities;
# "illegal" with immigrants (25) but almost as strongly with settlements (13)
# and drugs (18). Outlets differ first in how often they use the words
# (`07_outlet_node_uses`: Al Jazeera 99 "migrants", DW 71, TASS 2; China Daily
# never writes "refugees"), so per-outlet collocates exist only for the
# frequent ones: RTE's "migrants" are undocumented and living in Ireland,
# CNN's "refugees" come with 120, days, asylum, 90 and indefinitely (the executive order), DW's
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
