"""Fit the frame classifier the kit ships (analysis/data/migration/frame_classifier.json)
on every sentence coded for the frames outside the locked test sets, and say
how well it transfers.

    .venv/bin/python data/coding/fit_frame_classifier.py      # or: make classifier
    .venv/bin/python data/coding/fit_frame_classifier.py OUT.json --no-transfer

Training sentences: the seeds (frames_seed_coding.csv), the 50 earlier news
sentences (frames_news_coding.csv), the development half of the NewsArticles
sample (news_frames_dev.csv), the second and third rounds
(news_frames_round2_coded.csv, news_frames_round3_coded.csv) and the fourth,
of the second wave (news_frames_round4_coded.csv: 600 development sentences
drawn by PPS on the classifier's uncertainty). Never a locked test set
(news_frames_test.csv, news_frames_v2_test.csv).
Deterministic: the same files give the same model, byte for byte.

Then, unless ``--no-transfer`` (or without the NewsArticles corpus, which
names each sentence's outlet), it prints F1 per frame of models fitted
afresh, each choosing its own C and threshold by cross-validation inside its
training sentences (:func:`analysis.transfer_scores`): leave one outlet out
(trained on the other eight outlets and the seeds, tested on the ninth) beside
a random split into five folds of articles, on the same NewsArticles
sentences. The seeds are always trained on. No locked test sentence is read.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd

from analysis import Codebook, FrameClassifier, news_corpus, read_frame_coding, transfer_scores
from analysis.corpus.news import default_news_zip
from analysis.paths import project_root

HERE = Path(__file__).resolve().parent
TRAINING = ("frames_seed_coding.csv", "frames_news_coding.csv", "news_frames_dev.csv", "news_frames_round2_coded.csv",
            "news_frames_round3_coded.csv", "news_frames_round4_coded.csv")
TARGET = project_root() / "analysis" / "data" / "migration" / "frame_classifier.json"


def training_sentences() -> pd.DataFrame:
    """doc_id, sent_id, text and the frame codes of every training sentence, checked."""
    return read_frame_coding([HERE / name for name in TRAINING])


def with_outlets(data: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """``data`` with the NewsArticles outlet of each sentence in ``outlet`` (None for the seeds)."""
    outlets = corpus.set_index("doc_id")["outlet"]
    found = data["doc_id"].map(outlets)
    return data.drop(columns=["outlet"], errors="ignore").assign(outlet=found.where(found.notna(), None))


def transfer_table(data: pd.DataFrame, frames: list[str]) -> pd.DataFrame:
    """F1 per frame, leave one outlet out beside a random split of articles (see the module docstring)."""
    table = transfer_scores(data["text"], data[frames], by=data["outlet"], within=data["doc_id"],
                            estimator=FrameClassifier(), n_splits=5, random_state=0, progress=True)
    wide = table.pivot(index="column", columns="split", values="f1").loc[frames]
    wide["difference"] = wide["leave one group out"] - wide["random split"]
    wide.loc["mean"] = wide.mean()
    return wide


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=TARGET, help="where to write the model")
    parser.add_argument("--no-transfer", action="store_true", help="fit and write the model only")
    args = parser.parse_args(argv)
    data = training_sentences()
    frames = Codebook.load().frame_ids
    model = FrameClassifier().fit(data["text"], data[frames])
    model.save(args.out, overwrite=True)
    print(f"wrote {args.out}: {len(data)} sentences; cross-validated F1 per frame (in-sample for C and threshold): "
          + ", ".join(f"{f} {v:.2f}" for f, v in zip(frames, model.cv_f1_)))
    if args.no_transfer:
        return 0
    if not default_news_zip().exists():
        print("transfer not measured: the NewsArticles corpus (make news-corpus) names the sentences' outlets.")
        return 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                       # the empty articles news_corpus skips
        data = with_outlets(data, news_corpus())
    tested = data["outlet"].notna()
    print(f"transfer, on {int(tested.sum())} NewsArticles sentences of {data.loc[tested, 'outlet'].nunique()} "
          f"outlets ({int((~tested).sum())} seed sentences always trained on); F1 per frame:")
    print(transfer_table(data, frames).round(2).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
