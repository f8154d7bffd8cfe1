"""analysis: a research kit for discourse analysis of news on migration.

Data flows one way: files -> corpus table -> paragraphs/sentences/tokens ->
features (frames, attributions, topics) -> tables and figures. Each step is a
function from a DataFrame to a DataFrame, so you can stop at any step and look.

>>> import analysis
>>> corpus = analysis.load_corpus()           # the seeds/ corpus
>>> sents = analysis.sentences(corpus)        # one row per sentence, with offsets
"""

from .corpus import CorpusError, cleaning_report, load_corpus
from .segment import paragraphs, sentences, tokens, words
from .summary import corpus_summary
from .framing import (CodebookError, FrameScorer, frame_evidence, frame_hits, frame_profile, frame_scores,
                      frame_validity, kwic, load_codebook, migrant_naming, naming_speakers, naming_table,
                      plot_frame_profile, plot_naming, save_codebook)
from .attribution import (ActorsError, CuesError, actor_mentions, attributions, attributions_agreement, find_actors,
                          load_actors, load_cues, plot_responsibility, plot_responsibility_by_doc, quotes,
                          responsibility_matrix)
from .topics import TopicInputError, fit_topics, npmi_coherence, select_k, topic_diversity
from .validation import (CodingSheetError, agreement_table, attribution_sets, codebook, coder_agreement, coding_sheet,
                         cohen_kappa, krippendorff_alpha, precision_recall_f1, read_coding)
from .featurize import featurize, featurize_to_parquet
