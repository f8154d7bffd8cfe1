"""Tests for analysis.text.kwic: the words around a match and offsets into the document."""

import pandas as pd

from analysis.text.kwic import kwic


def test_kwic_window_and_document_offsets():
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [3], "start": [100],
                      "text": ["One two three four human rights five six, seven."]})
    k = kwic(s, ["human rights"], window=2)
    assert k[["sent_id", "start", "end", "left", "keyword", "right"]].values.tolist() == [
        [3, 119, 131, "three four", "human rights", "five six"]]
