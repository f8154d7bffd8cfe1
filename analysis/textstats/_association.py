"""Statistics of a 2x2 table of counts, vectorised, shared by keyness and collocates.

The table, for a term (or a node-collocate pair)::

                    term    other words
    sample          o11     o12            row total r1
    rest            o21     o22            row total r2
                    c1      c2             n

Expected counts are ``e_ij = r_i * c_j / n``.

>>> import numpy as np
>>> round(float(log_likelihood(np.array([10.]), np.array([90.]), np.array([5.]), np.array([195.]))[0]), 4)
7.3298
"""

from __future__ import annotations

import numpy as np
from scipy.stats import chi2


def _o_log_o_over_e(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """``o * ln(o / e)``, taken as 0 where ``o == 0``; computed as
    ``o * log1p((o - e) / e)`` so that large cells, whose ``o / e`` is close to
    1, lose no precision."""
    o, e = np.asarray(o, dtype=float), np.asarray(e, dtype=float)
    o, e = np.broadcast_arrays(o, e)
    used = (o > 0) & (e > 0)
    logs = np.log1p(np.divide(o - e, e, out=np.zeros(o.shape), where=used), out=np.zeros(o.shape), where=used)
    return o * logs


def log_likelihood(o11, o12, o21, o22) -> np.ndarray:
    """Dunning's (1993) G2 of 2x2 tables, unsigned:
    ``2 * sum(o_ij * ln(o_ij / e_ij))`` over the four cells, with ``0 * ln 0 = 0``."""
    o11, o12, o21, o22 = (np.asarray(x, dtype=float) for x in (o11, o12, o21, o22))
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    n = r1 + r2
    cells = [(o11, r1 * c1), (o12, r1 * c2), (o21, r2 * c1), (o22, r2 * c2)]
    total = sum(_o_log_o_over_e(o, rc / n) for o, rc in cells)
    return np.maximum(2.0 * total, 0.0)   # rounding can leave -1e-12 for tables at independence


def log_likelihood_two_cell(o11, o21, r1, r2) -> np.ndarray:
    """The two-cell log-likelihood of Rayson & Garside (2000), as UCREL's
    log-likelihood calculator gives it: ``2 * (o11 * ln(o11 / e11) + o21 *
    ln(o21 / e21))``, the terms of the term's own column only (``r1``, ``r2``:
    the row totals, the sizes of the two corpora), with ``0 * ln 0 = 0``.

    >>> round(float(log_likelihood_two_cell(np.array([4.]), np.array([2.]), 10, 40)[0]), 4)
    6.1299
    """
    o11, o21, r1, r2 = (np.asarray(x, dtype=float) for x in (o11, o21, r1, r2))
    c1, n = o11 + o21, r1 + r2
    total = _o_log_o_over_e(o11, r1 * c1 / n) + _o_log_o_over_e(o21, r2 * c1 / n)
    return np.maximum(2.0 * total, 0.0)   # >= 0 in exact arithmetic (Gibbs' inequality), rounding aside


def chi2_p(g2) -> np.ndarray:
    """P-value of ``|g2|`` on the chi-squared distribution with 1 degree of freedom."""
    return chi2.sf(np.abs(np.asarray(g2, dtype=float)), 1)
