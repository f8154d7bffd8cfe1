"""Build the gold labels of the NewsArticles frame sample from the two codings
and the adjudication (protocol in data/coding/README.md).

    .venv/bin/python data/coding/build_frames_gold.py

Reads news_frames_coder_a.csv (every sentence of the sample),
news_frames_coder_b.csv (the test sentences) and news_frames_adjudication.csv
(the third reader's decision on every test cell where A and B differ). Rule: on
the test sentences, a frame is gold 1 where A and B both coded 1, gold 0 where
both coded 0, and the adjudicator's code where they differ; on the development
sentences, coded by A alone, A's code is gold. Writes news_frames_dev.csv and
news_frames_test.csv (the locked test set; its SHA-256 is in locked.sha256).
"""

from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]
KEYS = ["doc_id", "sent_id"]


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    read = lambda name: pd.read_csv(HERE / name, dtype={"doc_id": str}, keep_default_na=False)  # noqa: E731
    sample, a, b, decided = (read(n) for n in ("news_frames_sample.csv", "news_frames_coder_a.csv",
                                               "news_frames_coder_b.csv", "news_frames_adjudication.csv"))
    gold = sample[[*KEYS, "split", "stratum", "outlet", "sentence"]].merge(a[[*KEYS, *FRAMES]], on=KEYS)
    test = gold["split"] == "test"
    both = gold[test][KEYS].merge(b[[*KEYS, *FRAMES]], on=KEYS)
    if len(both) != test.sum():
        raise ValueError("coder B did not code every test sentence")
    index = pd.MultiIndex.from_frame(gold.loc[test, KEYS])
    a_codes = gold.loc[test].set_index(KEYS)[FRAMES]
    b_codes = both.set_index(KEYS).loc[index, FRAMES]
    decisions = decided.set_index([*KEYS, "frame"])["gold"]
    for frame in FRAMES:
        differ = a_codes.index[a_codes[frame] != b_codes[frame]]
        missing = [k for k in differ if (*k, frame) not in decisions.index]
        if missing:
            raise ValueError(f"no adjudication for {frame} of {missing}")
        values = a_codes[frame].copy()
        for k in differ:
            values.loc[k] = int(decisions[(*k, frame)])
        gold.loc[test, frame] = values.to_numpy()
    gold["coded_by"] = gold["split"].map({"test": "A and B, differences adjudicated", "dev": "A"})
    gold["codebook"] = "frames.yaml v1.2 (definitions, includes, excludes, examples; no entries)"
    dev, test_set = (gold[gold["split"] == s].drop(columns="split").sort_values(KEYS, key=_order)
                     for s in ("dev", "test"))
    return dev, test_set


def _order(column: pd.Series) -> pd.Series:
    return column.astype(int) if column.name == "sent_id" else column.str.zfill(8)


if __name__ == "__main__":
    dev, test = build()
    dev.to_csv(HERE / "news_frames_dev.csv", index=False, lineterminator="\n")
    test.to_csv(HERE / "news_frames_test.csv", index=False, lineterminator="\n")
    print(f"dev {len(dev)} sentences, test {len(test)} sentences")
    print(pd.DataFrame({"dev": dev[FRAMES].sum(), "test": test[FRAMES].sum()}).to_string())
