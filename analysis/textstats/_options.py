"""Checks of the options the corpus-linguistic functions share (keyness,
collocates, clusters, dispersion), each naming the function and the option.

>>> length_range((2, 3), "size", "clusters"), check_min_count(2, "clusters")
((2, 3), 2)
"""

from __future__ import annotations

import warnings

import numpy as np

from .._validation import check_interval
from ..errors import AnalysisError


def length_range(value, name: str, who: str) -> tuple[int, int]:
    """``(shortest, longest)`` from a length (3) or a range (2, 5) of words."""
    pair = (value, value) if isinstance(value, (int, np.integer)) else tuple(value) \
        if isinstance(value, (tuple, list)) and len(value) == 2 else (None, None)
    if not all(isinstance(x, (int, np.integer)) for x in pair) or not 1 <= pair[0] <= pair[1]:
        raise AnalysisError(f"{who}(): {name}= must be a length (3) or a range (2, 5), not {value!r}.")
    return int(pair[0]), int(pair[1])


def check_min_count(value, who: str) -> int:
    """``value``, checked to be a whole number of at least 1."""
    return int(check_interval("min_count", value, 1, integer=True, where=who))


def warn_min_count(who: str, min_count: int, removed: str, highest: int, *, count: str = "count",
                   outcome: str = "the table is empty") -> None:
    """Warn (from the caller's caller) that ``min_count`` removed all of
    ``removed``, naming the ``highest`` count as the value to lower it to."""
    warnings.warn(f"{who}(): min_count={min_count} removed all {removed} (the highest {count} is {highest}); "
                  f"{outcome}. Lower min_count (e.g. min_count={highest}).", stacklevel=3)
