"""Benchmark: topic-model fit time per method, and NPMI coherence time of
``analysis.measures.coherence.npmi_coherence`` against gensim's ``CoherenceModel(processes=1)``
on the same topics and texts, with the largest difference between them.

The corpus is generated from planted topics (news length: 500 words per document).
gensim is needed only here and in the tests.

Run: ``.venv/bin/python benchmarks/topics.py [--docs 2000] [--words 500]``
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from gensim.corpora import Dictionary
from gensim.models.coherencemodel import CoherenceModel

from analysis.measures.coherence import npmi_coherence
from analysis.measures.topics import fit_topics, topic_tokens
from analysis.synthetic import planted_corpus


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words", type=int, default=500, help="words per document")
    parser.add_argument("--k", type=int, default=20)
    args = parser.parse_args()

    texts, _, _ = planted_corpus(n_docs=args.docs, k=args.k, words_per_topic=150, shared_words=300,
                                 alpha=0.3, doc_length=args.words, random_state=0)
    tokens = [topic_tokens(t) for t in texts]
    print(f"corpus: {len(texts)} documents, {sum(map(len, tokens))} tokens, k = {args.k}")

    models = {}
    for method in ("nmf", "lda"):
        models[method], seconds = timed(fit_topics, texts, args.k, method=method)
        print(f"fit {method}: {seconds:.2f} s ({models[method].estimator_.n_iter_} iterations)")

    dictionary, seconds = timed(Dictionary, tokens)
    print(f"gensim Dictionary (not counted below): {seconds:.2f} s")
    for method, model in models.items():
        for window_size, topn in ((10, 10), (110, 20)):
            topics = model.top_terms(topn)
            ours, t_ours = timed(npmi_coherence, topics, tokens, window_size=window_size, n=topn, per_topic=True)
            cm = CoherenceModel(topics=topics, texts=tokens, dictionary=dictionary, coherence="c_npmi",
                                window_size=window_size, topn=topn, processes=1)
            theirs, t_gensim = timed(cm.get_coherence_per_topic)
            diff = float(np.abs(ours - np.array(theirs)).max())
            print(f"NPMI {method} topics, window {window_size}, top {topn}: ours {t_ours:.3f} s, "
                  f"gensim {t_gensim:.2f} s, speed-up {t_gensim / t_ours:.0f}x, "
                  f"mean {ours.mean():.6f} vs {np.mean(theirs):.6f}, max difference {diff:.1e}")


if __name__ == "__main__":
    main()
