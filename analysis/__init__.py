"""analysis: a research kit for discourse analysis of news.

Data flows one way, and the package's folders follow it: files -> corpus table
(:mod:`analysis.corpus`) -> paragraphs, sentences, tokens (:mod:`analysis.text`)
-> statistics on words: keyness, collocates, dispersion, clusters (:mod:`analysis.textstats`)
and measures: frames, naming, actors, quotes, attributions, topics
(:mod:`analysis.measures`) -> evaluation against hand coding
(:mod:`analysis.evaluation`) -> findings corrected with the hand coding
(:mod:`analysis.inference`) -> figures and tables (:mod:`analysis.report`).
The resources that define the measures (codebook, actors, cues, rules, word vectors) are
values in :mod:`analysis.resources`, passed as keyword arguments. On the ground
floor, imported by the folders and importing none of them: :mod:`analysis.errors`, the
dictionary matcher :mod:`analysis.matching`, and the generators of synthetic
corpora for tests and benchmarks, :mod:`analysis.synthetic`. Each step is a
function from a DataFrame to a DataFrame, so you can stop at any step and look.

>>> import analysis
>>> corpus = analysis.load_corpus()           # the seeds/ corpus of the project
>>> sents = analysis.sentences(corpus)        # one row per sentence, with offsets
"""

from .corpus.load import cleaning_report, load_corpus
from .corpus.news import migration_articles, news_corpus
from .corpus.summary import corpus_summary
from .errors import (ActorsError, AnalysisError, CodebookError, CodingSheetError, CorpusError, CuesError, LexiconError,
                     ModelError, NewsFetchError, NotebookError, RulesError, TableError, TopicInputError, VectorsError)
from .evaluation.attribution_cv import cross_validate_attributions
from .evaluation.agreement import (agreement_table, alpha_interval, coder_agreement, cohen_kappa, disagreements,
                                   krippendorff_alpha, precision_recall_f1)
from .evaluation.learning import learning_curve
from .evaluation.sheets import read_attribution_coding, read_coding, read_frame_coding, resource_versions
from .evaluation.transfer import cross_validate_by_group, transfer_scores
from .evaluation.validity import attribution_sets, attributions_agreement, frame_validity
from .evaluation.sampling import coding_sample, coding_sheet
from .inference.crossfit import cross_fit
from .inference.planning import coding_size
from .inference.prevalence import prevalence
from .inference.regression import group_differences, regression
from .inference.simulation import simulate_coding
from .matching import Lexicon
from .measures.actors import actor_mentions, find_actors
from .measures.attribution import attributions, responsibility_matrix
from .measures.classifier import FrameClassifier
from .measures.coherence import npmi_coherence, select_k, topic_diversity
from .measures.featurize import featurize, featurize_to_parquet
from .measures.frames import frame_evidence, frame_hits, frame_profile, frame_scores
from .measures.naming import migrant_naming, naming_speakers, naming_table
from .measures.profiles import article_profiles, bootstrap_means
from .measures.sentence_vectors import sentence_vectors
from .measures.quotes import OUTLET_VOICE, quotes
from .measures.responsibility import ResponsibilityClassifier, responsibility_scores
from .measures.roles import AttributionModel
from .measures.scorer import FrameScorer
from .measures.topics import TopicModel, doc_topics_table, fit_topics, top_terms_table, topic_prevalence
from .report.codebook import codebook_markdown
from .report.corpus import plot_corpus_sizes
from .report.figures import new_figure, save_figure
from .report.frames import plot_frame_profile, plot_naming
from .report.groups import plot_group_means
from .report.inference import plot_coverage, plot_estimates
from .report.keywords import plot_collocates, plot_keyness
from .report.responsibility import plot_responsibility, plot_responsibility_by_doc
from .report.notebooks import quoted
from .report.tables import save_table
from .report.topics import plot_doc_topics, plot_k_selection, plot_prevalence
from .report.validity import plot_learning_curve, plot_method_comparison, plot_scores
from .resources import (Actors, CleaningRules, Codebook, Cues, SegmentationRules, WordVectors, load_actors,
                        load_codebook, load_cues, load_vectors, save_codebook)
from .resources.stopwords import load_stopwords
from .text.kwic import kwic
from .text.segment import paragraphs, sentences, tokens, words
from .textstats.clusters import clusters
from .textstats.collocates import collocates
from .textstats.dispersion import dispersion
from .textstats.keyness import keyness

__all__ = [
    # corpus
    "load_corpus", "cleaning_report", "corpus_summary", "news_corpus", "migration_articles",
    # text
    "paragraphs", "sentences", "tokens", "words", "kwic", "Lexicon", "keyness", "collocates", "dispersion",
    "clusters",
    # resources
    "Codebook", "Actors", "Cues", "CleaningRules", "SegmentationRules", "load_codebook", "save_codebook",
    "load_actors", "load_cues", "load_stopwords", "WordVectors", "load_vectors",
    # measures
    "frame_hits", "frame_scores", "frame_profile", "frame_evidence", "FrameScorer", "FrameClassifier",
    "migrant_naming", "naming_table", "naming_speakers",
    "find_actors", "actor_mentions", "quotes", "OUTLET_VOICE", "attributions", "responsibility_matrix",
    "AttributionModel", "ResponsibilityClassifier", "responsibility_scores",
    "fit_topics", "TopicModel", "top_terms_table", "doc_topics_table", "topic_prevalence",
    "select_k", "npmi_coherence", "topic_diversity",
    "featurize", "featurize_to_parquet", "article_profiles", "bootstrap_means", "sentence_vectors",
    # evaluation
    "krippendorff_alpha", "alpha_interval", "cohen_kappa", "precision_recall_f1", "agreement_table",
    "disagreements", "coder_agreement", "coding_sheet", "read_coding", "read_frame_coding", "resource_versions",
    "read_attribution_coding", "frame_validity", "attribution_sets", "attributions_agreement", "learning_curve",
    "cross_validate_by_group", "transfer_scores", "cross_validate_attributions",
    # inference
    "prevalence", "group_differences", "regression", "coding_sample", "coding_size", "cross_fit",
    "simulate_coding",
    # report
    "new_figure", "save_figure", "save_table", "quoted", "codebook_markdown", "plot_corpus_sizes", "plot_frame_profile",
    "plot_naming", "plot_responsibility", "plot_responsibility_by_doc", "plot_k_selection", "plot_doc_topics",
    "plot_prevalence", "plot_group_means", "plot_estimates", "plot_coverage", "plot_scores", "plot_method_comparison",
    "plot_learning_curve", "plot_keyness", "plot_collocates",
    # errors
    "AnalysisError", "TableError", "CorpusError", "LexiconError", "CodebookError", "ActorsError", "CuesError",
    "RulesError", "TopicInputError", "ModelError", "VectorsError", "CodingSheetError", "NewsFetchError",
    "NotebookError",
]
