"""Text units: segmentation into paragraphs, sentences and tokens with character offsets, and keyword in
context. Dictionary matching is :mod:`analysis.matching`; statistics on words are in ``analysis.textstats``."""
