"""The dictionary of a codebook applied to texts: hits per text and frame.
Shared by the frame measures (:mod:`analysis.measures.frames`), the
scikit-learn transformer and the frame classifier, which uses them as features.

>>> from analysis.resources import Codebook
>>> frame_counts(Codebook.load({"aid": ["aid", "relief"]}), ["Aid and relief.", "No aid."]).tolist()
[[2], [1]]
>>> frame_counts(Codebook.load({"aid": ["aid", "relief"]}), ["Aid and relief.", "No aid."], negated="skip").tolist()
[[2], [0]]
"""

from __future__ import annotations

import numpy as np

from ..matching import is_negated
from ..resources.codebook import Codebook

NEGATED_CHOICES = ("count", "skip")


def frame_counts(cb: Codebook, texts: list[str], negated: str = "count", weighted: bool = False) -> np.ndarray:
    """Hits (or summed weights) per text and frame: an array (n_texts, n_frames).
    ``negated`` is checked by the public functions that take it."""
    hits = cb.lexicon.find_all(texts)
    if negated == "skip":
        hits = [h for h in hits if not is_negated(texts[h[0]], h[1])]
    index = {fid: j for j, fid in enumerate(cb.frame_ids)}
    k = len(index)
    cells = np.array([h[0] * k + index[h[3]] for h in hits], dtype=np.int64)
    weights = np.array([cb.weights[h[3], h[4]] for h in hits], dtype=float) if weighted else None
    counts = np.bincount(cells, weights=weights, minlength=len(texts) * k).reshape(len(texts), k)
    return counts if weighted else counts.astype(np.int64)
