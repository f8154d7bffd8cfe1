"""Resources: the codebook of frames, the actors, the cues, the cleaning and
segmentation rules, and the word vectors, as validated, immutable values built from a path, a mapping
or an existing object (``Codebook.load(...)``, ``Actors.load(...)``...).

>>> from analysis.resources import Actors, Codebook, Cues
>>> Codebook.load().version, Actors.load().version, Cues.load().version
('1.3', '4', '4')
"""

from .actors import Actors, load_actors
from .codebook import Codebook, load_codebook, save_codebook
from .cues import Cues, load_cues
from .rules import CleaningRules, SegmentationRules
from .vectors import WordVectors, load_vectors

__all__ = ["Actors", "CleaningRules", "Codebook", "Cues", "SegmentationRules", "load_actors", "load_codebook",
           "load_cues", "load_vectors", "save_codebook", "WordVectors"]
