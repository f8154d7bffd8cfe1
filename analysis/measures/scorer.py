"""Frame counts as a scikit-learn transformer.

>>> FrameScorer().fit_transform(["Aid for victims.", "Smugglers were arrested."]).tolist()
[[0, 2, 0, 0, 0], [0, 0, 0, 2, 0]]
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .._validation import check_option
from ..resources.codebook import Codebook
from ..text._units import estimator_texts
from .dictionary import NEGATED_CHOICES, frame_counts


class FrameScorer(TransformerMixin, BaseEstimator):
    """Frame counts as a scikit-learn transformer: texts in, one column per frame out.

    Parameters
    ----------
    codebook : None, path, mapping or Codebook
        None for the shipped codebook.
    negated : {"count", "skip"}
        See :func:`frame_scores`.
    weighted : bool
        Sum entry weights instead of counting hits.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.preprocessing import Binarizer
    >>> pipe = make_pipeline(FrameScorer(), Binarizer(threshold=0))
    >>> pipe.fit_transform(["Smugglers and traffickers were arrested.", "Aid."]).tolist()
    [[0, 0, 0, 1, 0], [0, 1, 0, 0, 0]]
    """

    def __init__(self, codebook=None, negated: str = "count", weighted: bool = False):
        self.codebook = codebook
        self.negated = negated
        self.weighted = weighted

    def fit(self, X, y=None):
        """Load and compile the codebook; X is not used.

        Parameters
        ----------
        X : list of str, Series or DataFrame
            The texts; ignored, as the codebook needs no training.
        y : None
            Ignored, present for scikit-learn's API.

        Returns
        -------
        FrameScorer
            self, with ``codebook_`` (the loaded codebook) and ``frames_`` (its
            frame ids).

        Raises
        ------
        AnalysisError
            If ``negated`` is not "count" or "skip".
        """
        check_option("negated", self.negated, NEGATED_CHOICES, where="FrameScorer")
        self.codebook_ = Codebook.load(self.codebook)
        self.frames_ = self.codebook_.frame_ids
        return self

    def transform(self, X) -> np.ndarray:
        """Counts (or weight sums), shape ``(n_texts, n_frames)``; X is a list or
        Series of texts, or a DataFrame with a ``text`` column.

        Parameters
        ----------
        X : list of str, Series or DataFrame
            The texts, one per row of the result; a DataFrame's ``text``
            column is used, and one string alone is refused.

        Returns
        -------
        ndarray
            One row per text and one column per frame, in codebook order
            (``get_feature_names_out()``): hit counts (int64), or summed entry
            weights (float) if ``weighted``.

        Raises
        ------
        TableError
            If ``X`` is one string, a DataFrame without ``text``, or holds an
            item that is not a string.
        """
        check_is_fitted(self, "codebook_")
        return frame_counts(self.codebook_, self._texts(X), self.negated, self.weighted)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The names of the output columns of :meth:`transform`.

        Parameters
        ----------
        input_features : None
            Ignored (scikit-learn's signature: the input is texts, not columns).

        Returns
        -------
        ndarray of str
            The codebook's frame ids, one per column.

        Examples
        --------
        >>> FrameScorer(codebook={"aid": ["aid"], "crime": ["crime"]}).fit([]).get_feature_names_out().tolist()
        ['aid', 'crime']
        """
        check_is_fitted(self, "codebook_")
        return np.asarray(self.frames_, dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True          # texts in, as sklearn's CountVectorizer
        tags.input_tags.two_d_array = False
        tags.transformer_tags.preserves_dtype = []   # counts (or weight sums) whatever comes in
        return tags

    @staticmethod
    def _texts(X) -> list[str]:
        return estimator_texts(X, "FrameScorer")
