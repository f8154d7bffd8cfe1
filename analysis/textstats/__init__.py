"""Corpus statistics on words (quanteda's ``textstat_*``): keyness of a target
against a reference, collocates of a node, dispersion across documents, and
clusters (n-grams) around a node."""
