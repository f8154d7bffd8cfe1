"""Text units: segmentation into paragraphs, sentences and tokens; dictionary matching; keyword in context."""
