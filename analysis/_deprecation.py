"""Old names of options, accepted for one release with a FutureWarning naming the new one.

>>> @renamed(top="n")
... def show(table, *, n=3):
...     return n
>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     show(None, top=5)
5
>>> print(caught[0].category.__name__, caught[0].message)
FutureWarning show(): top= is now called n=; pass n=5. top= will stop working in the next release.
"""

from __future__ import annotations

import functools
import warnings


def renamed(**old_to_new):
    """Decorate a function so that it accepts old keyword names.

    Each old name maps to its new name, or to ``(new name, test)``: then only a
    value for which ``test(value)`` is true is taken as the old option (the
    old ``level="ordinal"`` of a measurement level, where ``level=`` is now the
    confidence level), or to ``(new name, test, convert)``: the old value
    becomes ``convert(value)`` (``by_doc=True`` becomes ``by="doc_id"``). The
    old names are handled in the order given. Passing an old name and its new
    name at once is a TypeError, as Python's own for an argument given twice.

    Parameters
    ----------
    **old_to_new : str or tuple
        For each old keyword, the new one: ``new``, ``(new, test)`` or
        ``(new, test, convert)``; ``test`` None takes every value.

    Returns
    -------
    callable
        The decorator.
    """
    rules = {old: (*new, None, None)[:3] if isinstance(new, tuple) else (new, None, None)
             for old, new in old_to_new.items()}

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for old, (new, test, convert) in rules.items():
                if old not in kwargs or (test is not None and not test(kwargs[old])):
                    continue
                if new in kwargs:
                    raise TypeError(f"{func.__qualname__}() got {old}= (the old name of {new}=) and {new}=; "
                                    f"pass {new}= only.")
                value = kwargs.pop(old)
                value = value if convert is None else convert(value)
                warnings.warn(f"{func.__qualname__}(): {old}= is now called {new}=; pass {new}={value!r}. "
                              f"{old}= will stop working in the next release.", FutureWarning, stacklevel=2)
                kwargs[new] = value
            return func(*args, **kwargs)

        return wrapper

    return decorate
