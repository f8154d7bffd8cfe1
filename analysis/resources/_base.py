"""What every resource (codebook, actors, cues, cleaning and segmentation rules)
shares: it is built from a path, a mapping or an existing object, validated on
construction, immutable, and compiles its matchers once, on the object.

>>> from analysis.resources import Cues
>>> Cues.load() is Cues.load(Cues.load())
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ..paths import shipped
from ._files import as_path, cached_by_file, read_yaml_mapping


class FrozenDict(dict):
    """A read-only dict: what a resource holds cannot be changed in place (and,
    unlike ``types.MappingProxyType``, it pickles, so resources travel to Dask workers).

    >>> FrozenDict(a=1)["b"] = 2
    Traceback (most recent call last):
    ...
    TypeError: a resource is read-only; build a new one (e.g. from an edited file or mapping)
    """

    def _read_only(self, *args, **kwargs):
        raise TypeError("a resource is read-only; build a new one (e.g. from an edited file or mapping)")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _read_only

    def __reduce__(self):
        return FrozenDict, (dict(self),)


def freeze(value):
    """Lists as tuples and mappings as read-only mappings, all the way down."""
    if isinstance(value, Mapping):
        return FrozenDict({k: freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value):
    """Plain dicts and lists, all the way down: the inverse of :func:`freeze`
    (e.g. for YAML), and a user's mapping in the form ``from_dict`` checks."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [thaw(v) for v in value]
    return value


class Resource:
    """Mixin of the resource classes. Subclasses set ``kind`` (used in
    messages), ``error`` (their error class) and ``default`` (the path parts of
    the shipped file under ``analysis/data/``), and implement
    ``from_dict(data, *, source, base)`` (``base``: the folder that relative
    paths in the file are relative to, or None)."""

    kind = "resource"
    error: type[Exception] = ValueError
    default: tuple[str, ...] = ()
    hint = ""

    @classmethod
    def load(cls, source=None):
        """The resource from ``source``: None (the kit's default), a path
        (``shipped:NAME`` for a file shipped with the kit), a mapping, or an
        object of this class (returned as it is). A file is read again when it
        has changed on disk.

        Parameters
        ----------
        source : str, path, mapping or object of this class, optional
            None (the default): the file of this kind shipped with the kit
            (under ``analysis/data/``: ``migration/frames.yaml``,
            ``migration/actors.yaml``, ``migration/cues.yaml``,
            ``cleaning.yaml`` or ``segmentation.yaml``). A path (``str`` or
            ``os.PathLike``; ``"shipped:NAME"`` names a file under
            ``analysis/data/``): the file, read with ``from_file`` and kept
            until it, or a file it refers to, changes on disk. A mapping: the
            content of such a file, validated with ``from_dict`` (a relative
            path in it has no folder to be relative to). An object of this
            class: returned as it is.

        Returns
        -------
        Codebook, Actors, Cues, CleaningRules or SegmentationRules
            An object of the class ``load`` is called on (``Cues.load()`` gives
            a ``Cues``); loading the same path again gives the same object
            while the file is unchanged.

        Raises
        ------
        TypeError
            If ``source`` is none of the above.
        CodebookError, ActorsError, CuesError or RulesError
            The error of the class, naming the file (or ``<mapping>``) and the
            key path at fault, if the file is missing or cannot be read, or its
            content is not valid.
        """
        if source is None:
            source = shipped(*cls.default)
        if isinstance(source, cls):
            return source
        if isinstance(source, Mapping):
            return cls.from_dict(thaw(source), source="<mapping>", base=None)
        if isinstance(source, (str, os.PathLike)) or hasattr(source, "read_text"):
            return cached_by_file(as_path(source), cls.from_file, key=cls.__name__)
        raise TypeError(f"a {cls.kind} is built from None (the shipped one), a path, a mapping or a "
                        f"{cls.__name__}, not {type(source).__name__}.")

    @classmethod
    def from_file(cls, path):
        """Read and validate the file at ``path`` (no caching; see :meth:`load`).

        Parameters
        ----------
        path : str or Path
            A YAML file of this kind (``shipped:NAME`` for a file shipped with
            the kit). Relative paths in the file (the ``extends:`` of cues,
            the ``countries.table`` of actors) are relative to its folder.

        Returns
        -------
        Actors, Cues, CleaningRules or SegmentationRules
            A new object of the class ``from_file`` is called on.

        Raises
        ------
        ActorsError, CuesError or RulesError
            The error of the class, naming the file and the key path at fault,
            if the file is missing or not valid YAML, or its content is not
            valid.
        """
        path = as_path(path)
        data = read_yaml_mapping(path, cls.error, kind=cls.kind, hint=cls.hint)
        return cls.from_dict(data, source=str(path), base=path.parent if hasattr(path, "parent") else None)
