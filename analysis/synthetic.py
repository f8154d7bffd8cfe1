"""Synthetic corpora with a known answer, for tests and benchmarks.

* :func:`generated_corpus`: documents made of known sentences (the tests of
  featurize and of streaming a corpus in chunks).
"""

import pandas as pd

SENTENCES = [
    "Italy accused smugglers of the deaths of migrants.",
    "Libya bears no responsibility for the crisis.",
    "Aid and relief for victims.",
    "The weather was mild.",
    "Illegal immigrants were arrested by police in Tripoli.",
    "Refugees and migrants waited at the border.",
]


def generated_corpus(n_docs=12):
    """Doc i has paragraphs of sentences picked deterministically from SENTENCES;
    doc ids d0...d11 do not sort as strings in corpus order (d10 < d2)."""
    docs = []
    for i in range(n_docs):
        picks = [SENTENCES[(i + k * (i % 3 + 1)) % len(SENTENCES)] for k in range(2 + i % 4)]
        paragraphs = [" ".join(picks[j:j + 2]) for j in range(0, len(picks), 2)]
        docs.append({"doc_id": f"d{i}", "text": "\n".join(paragraphs), "outlet": "ABC"[i % 3]})
    return pd.DataFrame(docs)
