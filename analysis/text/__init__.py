"""Text units: segmentation into paragraphs, sentences and tokens; dictionary matching; keyword in context;
and the corpus-linguistic statistics on words: keyness, collocates, dispersion and clusters."""
