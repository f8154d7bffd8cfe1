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

import importlib

#: Where each public name is defined. ``import analysis`` imports none of these
#: modules: ``analysis.<name>`` imports its module the first time it is used
#: (PEP 562), so a script pays only for the parts of the kit it uses.
_WHERE = {
    "cleaning_report": "corpus.load",
    "load_corpus": "corpus.load",
    "migration_articles": "corpus.news",
    "news_corpus": "corpus.news",
    "corpus_summary": "corpus.summary",
    "ActorsError": "errors",
    "AnalysisError": "errors",
    "CodebookError": "errors",
    "CodingSheetError": "errors",
    "CorpusError": "errors",
    "CuesError": "errors",
    "LexiconError": "errors",
    "ModelError": "errors",
    "NewsFetchError": "errors",
    "NotebookError": "errors",
    "RulesError": "errors",
    "TableError": "errors",
    "TopicInputError": "errors",
    "VectorsError": "errors",
    "cross_validate_attributions": "evaluation.attribution_cv",
    "agreement_table": "evaluation.agreement",
    "alpha_interval": "evaluation.agreement",
    "coder_agreement": "evaluation.agreement",
    "cohen_kappa": "evaluation.agreement",
    "disagreements": "evaluation.agreement",
    "krippendorff_alpha": "evaluation.agreement",
    "precision_recall_f1": "evaluation.agreement",
    "learning_curve": "evaluation.learning",
    "read_attribution_coding": "evaluation.sheets",
    "read_coding": "evaluation.sheets",
    "read_frame_coding": "evaluation.sheets",
    "resource_versions": "evaluation.sheets",
    "cross_validate_by_group": "evaluation.transfer",
    "transfer_scores": "evaluation.transfer",
    "attribution_sets": "evaluation.validity",
    "attributions_agreement": "evaluation.validity",
    "frame_validity": "evaluation.validity",
    "coding_sample": "evaluation.sampling",
    "coding_sheet": "evaluation.sampling",
    "cross_fit": "inference.crossfit",
    "coding_size": "inference.planning",
    "prevalence": "inference.prevalence",
    "group_differences": "inference.regression",
    "regression": "inference.regression",
    "simulate_coding": "inference.simulation",
    "Lexicon": "matching",
    "actor_mentions": "measures.actors",
    "find_actors": "measures.actors",
    "attributions": "measures.attribution",
    "responsibility_matrix": "measures.attribution",
    "FrameClassifier": "measures.classifier",
    "npmi_coherence": "measures.coherence",
    "select_k": "measures.coherence",
    "topic_diversity": "measures.coherence",
    "featurize": "measures.featurize",
    "featurize_to_parquet": "measures.featurize",
    "frame_evidence": "measures.frames",
    "frame_hits": "measures.frames",
    "frame_profile": "measures.frames",
    "frame_scores": "measures.frames",
    "migrant_naming": "measures.naming",
    "naming_speakers": "measures.naming",
    "naming_table": "measures.naming",
    "article_profiles": "measures.profiles",
    "bootstrap_means": "measures.profiles",
    "sentence_vectors": "measures.sentence_vectors",
    "OUTLET_VOICE": "measures.quotes",
    "quotes": "measures.quotes",
    "ResponsibilityClassifier": "measures.responsibility",
    "responsibility_scores": "measures.responsibility",
    "AttributionModel": "measures.roles",
    "FrameScorer": "measures.scorer",
    "TopicModel": "measures.topics",
    "doc_topics_table": "measures.topics",
    "fit_topics": "measures.topics",
    "top_terms_table": "measures.topics",
    "topic_prevalence": "measures.topics",
    "codebook_markdown": "report.codebook",
    "plot_corpus_sizes": "report.corpus",
    "new_figure": "report.figures",
    "save_figure": "report.figures",
    "plot_frame_profile": "report.frames",
    "plot_naming": "report.frames",
    "plot_group_means": "report.groups",
    "plot_coverage": "report.inference",
    "plot_estimates": "report.inference",
    "plot_collocates": "report.keywords",
    "plot_keyness": "report.keywords",
    "plot_responsibility": "report.responsibility",
    "plot_responsibility_by_doc": "report.responsibility",
    "quoted": "report.notebooks",
    "save_table": "report.tables",
    "plot_doc_topics": "report.topics",
    "plot_k_selection": "report.topics",
    "plot_prevalence": "report.topics",
    "plot_learning_curve": "report.validity",
    "plot_method_comparison": "report.validity",
    "plot_scores": "report.validity",
    "Actors": "resources",
    "CleaningRules": "resources",
    "Codebook": "resources",
    "Cues": "resources",
    "SegmentationRules": "resources",
    "WordVectors": "resources",
    "load_actors": "resources",
    "load_codebook": "resources",
    "load_cues": "resources",
    "load_vectors": "resources",
    "save_codebook": "resources",
    "load_stopwords": "resources.stopwords",
    "kwic": "text.kwic",
    "paragraphs": "text.segment",
    "sentences": "text.segment",
    "tokens": "text.segment",
    "words": "text.segment",
    "clusters": "textstats.clusters",
    "collocates": "textstats.collocates",
    "dispersion": "textstats.dispersion",
    "keyness": "textstats.keyness",
}

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


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value                     # the next look-up is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
