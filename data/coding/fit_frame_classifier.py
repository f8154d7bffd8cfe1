"""Fit the frame classifier the kit ships (analysis/data/migration/frame_classifier.json)
on every sentence coded for the frames outside the locked test set.

    .venv/bin/python data/coding/fit_frame_classifier.py      # or: make classifier

Training sentences: the seeds (frames_seed_coding.csv), the 50 earlier news
sentences (frames_news_coding.csv), the development half of the NewsArticles
sample (news_frames_dev.csv) and the second and third rounds
(news_frames_round2_coded.csv, news_frames_round3_coded.csv).
Deterministic: the same files give the same model, byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

from analysis import Codebook, FrameClassifier, read_frame_coding
from analysis.paths import project_root

HERE = Path(__file__).resolve().parent
TRAINING = ("frames_seed_coding.csv", "frames_news_coding.csv", "news_frames_dev.csv", "news_frames_round2_coded.csv",
            "news_frames_round3_coded.csv")
TARGET = project_root() / "analysis" / "data" / "migration" / "frame_classifier.json"


def training_sentences() -> pd.DataFrame:
    """doc_id, sent_id, text and the frame codes of every training sentence, checked."""
    return read_frame_coding([HERE / name for name in TRAINING])


def main(out: Path = TARGET) -> int:
    data = training_sentences()
    frames = Codebook.load().frame_ids
    model = FrameClassifier().fit(data["text"], data[frames])
    model.save(out, overwrite=True)
    print(f"wrote {out}: {len(data)} sentences; cross-validated F1 per frame: "
          + ", ".join(f"{f} {v:.2f}" for f, v in zip(frames, model.cv_f1_)))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
