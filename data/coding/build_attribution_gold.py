"""Build the gold attributions of the NewsArticles attribution sample from the
two codings and the adjudication (protocol in data/coding/README.md).

    .venv/bin/python data/coding/build_attribution_gold.py

Reads news_attribution_coder_a.csv (every sentence of the sample),
news_attribution_coder_b.csv (the test sentences) and
news_attribution_adjudication.csv (the third reader's set for every test
sentence whose two sets of (speaker, actor, kind, polarity) differ). Rule: on
a test sentence, the coders' set where they agree, else the adjudicator's; on
a development sentence, A's. Writes news_attribution_dev.csv and
news_attribution_test.csv: doc_id, sent_id, speaker_actor, actor, kind,
polarity (one row per attribution; a sentence without one has one row with
empty fields), with the sentence.
"""

from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
KEYS = ["doc_id", "sent_id"]
FIELDS = ["speaker_actor", "actor", "kind", "polarity"]


def _sets(table: pd.DataFrame) -> dict:
    found: dict = {}
    for row in table.itertuples(index=False):
        codes = found.setdefault((row.doc_id, int(row.sent_id)), set())
        if row.actor:
            codes.add(tuple(getattr(row, f) for f in FIELDS))
    return found


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    read = lambda name: pd.read_csv(HERE / name, dtype={"doc_id": str}, keep_default_na=False)  # noqa: E731
    sample = read("news_attribution_sample.csv")
    a, b, decided = (_sets(read(n)) for n in ("news_attribution_coder_a.csv", "news_attribution_coder_b.csv",
                                              "news_attribution_adjudication.csv"))
    rows = []
    for unit in sample.itertuples(index=False):
        key = (unit.doc_id, int(unit.sent_id))
        if unit.split == "test":
            if key not in b:
                raise ValueError(f"coder B did not code test sentence {key}")
            if a[key] != b[key] and key not in decided:
                raise ValueError(f"test sentence {key}: the coders differ and there is no adjudication")
            codes = a[key] if a[key] == b[key] else decided[key]
        else:
            codes = a[key]
        base = {"split": unit.split, "stratum": unit.stratum, "doc_id": unit.doc_id, "sent_id": int(unit.sent_id)}
        rows += [{**base, **dict(zip(FIELDS, code)), "sentence": unit.sentence} for code in sorted(codes)] or [
            {**base, **dict.fromkeys(FIELDS, ""), "sentence": unit.sentence}]
    gold = pd.DataFrame(rows)
    return tuple(gold[gold["split"] == s].drop(columns="split").sort_values(KEYS, key=_order, kind="stable")
                 for s in ("dev", "test"))


def _order(column: pd.Series) -> pd.Series:
    return column.astype(int) if column.name == "sent_id" else column.str.zfill(8)


if __name__ == "__main__":
    dev, test = build()
    dev.to_csv(HERE / "news_attribution_dev.csv", index=False, lineterminator="\n")
    test.to_csv(HERE / "news_attribution_test.csv", index=False, lineterminator="\n")
    for name, table in (("dev", dev), ("test", test)):
        print(f"{name}: {table[['doc_id', 'sent_id']].drop_duplicates().shape[0]} sentences, "
              f"{(table['actor'] != '').sum()} attributions")
