"""Checks of the options a function is given, written once, with one message.

Modelled on scikit-learn's ``sklearn.utils._param_validation``: a constraint
(:class:`Options`, :class:`Interval`) knows whether a value satisfies it and how
to say what it allows, and every refusal reads the same way:

    ``<function>(): <name>= must be <what it allows> [(why)]; got <value>.``

with, for a misspelt option, the one that was likely meant.

>>> check_option("layout", "wde", ("long", "wide"), where="top_terms_table")
Traceback (most recent call last):
...
analysis.errors.AnalysisError: top_terms_table(): layout= must be one of 'long', 'wide'; got 'wde'. Did you mean 'wide'?
>>> check_interval("level", 1.5, 0, 1, closed="neither", where="bootstrap_means")
Traceback (most recent call last):
...
analysis.errors.AnalysisError: bootstrap_means(): level= must be a number in (0, 1); got 1.5.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from difflib import get_close_matches
from numbers import Integral, Real

from .errors import AnalysisError


class Options:
    """A value that is one of ``choices`` (compared with ``==``)."""

    def __init__(self, choices: Iterable):
        self.choices = tuple(choices)

    def __contains__(self, value) -> bool:
        try:
            return value in self.choices
        except TypeError:                     # an unhashable value in a set of choices
            return False

    def __str__(self) -> str:
        return "one of " + ", ".join(map(repr, self.choices))

    def guess(self, value) -> str:
        """" Did you mean 'x'?" for a string close to one choice, else ""."""
        strings = [c for c in self.choices if isinstance(c, str)]
        match = get_close_matches(value, strings, 1, 0.6) if isinstance(value, str) else []
        return f" Did you mean {match[0]!r}?" if match else ""


class Interval:
    """A number from ``low`` to ``high`` (None: no bound); ``closed`` says which
    ends belong to it ("both", "left", "right", "neither"); ``integer`` asks for
    a whole number. Booleans are not numbers here."""

    def __init__(self, low=None, high=None, *, closed: str = "both", integer: bool = False):
        self.low, self.high, self.closed, self.integer = low, high, closed, integer

    def __contains__(self, value) -> bool:
        kind = Integral if self.integer else Real
        if isinstance(value, bool) or not isinstance(value, kind) or math.isnan(value):
            return False
        left = self.low is None or (value >= self.low if self.closed in ("both", "left") else value > self.low)
        right = self.high is None or (value <= self.high if self.closed in ("both", "right") else value < self.high)
        return left and right

    def __str__(self) -> str:
        what = "a whole number" if self.integer else "a number"
        low_in, high_in = self.closed in ("both", "left"), self.closed in ("both", "right")
        if self.low is not None and self.high is not None:
            return f"{what} in {'[' if low_in else '('}{self.low}, {self.high}{']' if high_in else ')'}"
        if self.low is not None:
            return f"{what} {'>=' if low_in else '>'} {self.low}"
        if self.high is not None:
            return f"{what} {'<=' if high_in else '<'} {self.high}"
        return what

    def guess(self, value) -> str:
        return ""


def check(name: str, value, constraint, *, where: str, why: str = "", error: type[AnalysisError] = AnalysisError):
    """Return ``value`` if it satisfies ``constraint``; else raise ``error``
    naming the function (``where``), the option and what it allows.

    Parameters
    ----------
    name : str
        The option, as the caller spells it.
    value : object
        What was given.
    constraint : Options or Interval
        What the option allows.
    where : str
        The function (or class) the option belongs to.
    why : str, optional
        A reason, said in brackets after what is allowed.
    error : type
        The error to raise, an :class:`~analysis.AnalysisError`.

    Returns
    -------
    object
        ``value``, unchanged.

    Raises
    ------
    AnalysisError
        (or ``error``) if ``value`` does not satisfy ``constraint``.

    Examples
    --------
    >>> check("window_size", 1, Interval(2, integer=True), where="npmi_coherence", why="words co-occur in a window")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: npmi_coherence(): window_size= must be a whole number >= 2 (words co-occur in a window); got 1.
    """
    if value in constraint:
        return value
    reason = f" ({why})" if why else ""
    raise error(f"{where}(): {name}= must be {constraint}{reason}; got {value!r}.{constraint.guess(value)}")


def check_option(name: str, value, choices: Iterable, *, where: str, why: str = "",
                 error: type[AnalysisError] = AnalysisError):
    """``check(name, value, Options(choices), ...)``: ``value`` must be one of ``choices``.

    >>> check_option("strategy", "random", ("random", "uncertain"), where="coding_sheet")
    'random'
    """
    return check(name, value, Options(choices), where=where, why=why, error=error)


def check_interval(name: str, value, low=None, high=None, *, closed: str = "both", integer: bool = False,
                   where: str, why: str = "", error: type[AnalysisError] = AnalysisError):
    """``check(name, value, Interval(low, high, ...), ...)``: ``value`` must be a
    number (a whole one if ``integer``) from ``low`` to ``high``.

    >>> check_interval("n_boot", 0, 1, integer=True, where="alpha_interval")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: alpha_interval(): n_boot= must be a whole number >= 1; got 0.
    """
    return check(name, value, Interval(low, high, closed=closed, integer=integer), where=where, why=why, error=error)
