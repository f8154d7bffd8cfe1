"""Measures: frames, naming, actors, quotes, responsibility attributions, topics, and featurizing a corpus."""
