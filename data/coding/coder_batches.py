"""Write the coders' batches of the second wave (issues 21, 22) and read their
codes back (protocol in data/coding/README.md, "Second wave").

    .venv/bin/python data/coding/coder_batches.py write DIR     # the batches coders read
    .venv/bin/python data/coding/coder_batches.py check DIR     # are the codes in DIR/out complete and valid?
    .venv/bin/python data/coding/coder_batches.py collect DIR   # write the coders' files into data/coding/

A batch is a Markdown file of items, each a sentence with its context, in a
random order, under an opaque item number: coders see neither the split, the
stratum, the outlet nor any machine output. Coder A codes every sentence of
a task; coder B (other reading sessions) a seeded random subset of its test
sentences, in another order and under other numbers. Each session writes
``DIR/out/<batch>.csv``.

Tasks: ``attribution`` (news_attribution_v2_test_sample.csv and
news_attribution_v2_dev_sample.csv, coder_instructions_attribution.md),
``climate`` (news_attribution_climate_sample.csv,
coder_instructions_attribution_climate.md) and ``frames``
(news_frames_v2_test_sample.csv and news_frames_round4_sample.csv,
coder_instructions_frames_v2.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
SEED = 20261207
FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]
ATTRIBUTION_FIELDS = ["item", "speaker_actor", "actor", "kind", "polarity", "note"]
TASKS = {
    "attribution": {"samples": ["news_attribution_v2_test_sample.csv", "news_attribution_v2_dev_sample.csv"],
                    "a_batch": 163, "b_test": 226, "b_batch": 113},
    "climate": {"samples": ["news_attribution_climate_sample.csv"], "a_batch": 150, "b_test": 150, "b_batch": 150},
    "frames": {"samples": ["news_frames_v2_test_sample.csv", "news_frames_round4_sample.csv"],
               "a_batch": 200, "b_test": 320, "b_batch": 160},
    # the second phase of the frame test's rare stratum (sample_news_v2.supplement), drawn after the first was coded
    "frames_supplement": {"samples": ["news_frames_v2_test_supplement_sample.csv"], "a_batch": 100, "b_test": 50,
                          "b_batch": 50},
    # rounds 2 and 3 sentences whose sheet showed another sentence of the article as context (the old coding_sheet
    # took previous/next from neighbouring rows of a filtered table): coded again with their own context
    "frames_recode": {"samples": ["news_frames_round23_recode_sample.csv"], "a_batch": 151, "b_test": 0, "b_batch": 1},
}


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(HERE / name, dtype={"doc_id": str}, keep_default_na=False)


def assignments() -> pd.DataFrame:
    """Every (task, coder, batch, item) with its doc_id and sent_id, deterministic."""
    rng = np.random.default_rng(SEED)
    rows = []
    for task, spec in TASKS.items():
        units = pd.concat([read(name) for name in spec["samples"]], ignore_index=True)
        for coder in ("a", "b"):
            if coder == "a":
                chosen = units.iloc[rng.permutation(len(units))]
                size = spec["a_batch"]
            else:
                test = units[units["split"] == "test"]
                chosen = test.iloc[rng.choice(len(test), size=spec["b_test"], replace=False)]
                size = spec["b_batch"]
            items = rng.choice(np.arange(1000, 10000), size=len(chosen), replace=False)
            for i, (unit, item) in enumerate(zip(chosen.itertuples(index=False), items)):
                rows.append({"task": task, "coder": coder, "batch": f"{task}_{coder}{i // size + 1:02d}",
                             "item": int(item), "doc_id": unit.doc_id, "sent_id": int(unit.sent_id)})
    return pd.DataFrame(rows)


def _quoted(text: str) -> str:
    return "«" + " ".join(str(text).split()) + "»" if str(text).strip() else "(none)"


def write(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "out").mkdir(exist_ok=True)
    plan = assignments()
    units = {task: pd.concat([read(n) for n in spec["samples"]]).set_index(["doc_id", "sent_id"])
             for task, spec in TASKS.items()}
    for batch, items in plan.groupby("batch", sort=True):
        task = items["task"].iloc[0]
        lines = [f"# Batch {batch}: {len(items)} sentences", ""]
        for row in items.itertuples(index=False):
            unit = units[task].loc[(row.doc_id, row.sent_id)]
            lines += [f"## Item {row.item}", ""]
            if task.startswith("frames"):
                lines += [f"Previous sentence (context only): {_quoted(unit['previous'])}", "",
                          f"SENTENCE: {_quoted(unit['sentence'])}", "",
                          f"Next sentence (context only): {_quoted(unit['next'])}", ""]
            else:
                lines += [f"Article title: {_quoted(unit['title'])}", "",
                          f"Article text before the sentence (context only): {_quoted(unit['context'])}", "",
                          f"SENTENCE: {_quoted(unit['sentence'])}", "",
                          f"Next sentence (context only): {_quoted(unit['next'])}", ""]
        (out / f"{batch}.md").write_text("\n".join(lines), encoding="utf-8")
    plan.to_csv(out / "plan.csv", index=False, lineterminator="\n")
    print(plan.groupby(["task", "coder"]).agg(batches=("batch", "nunique"), items=("item", "size")).to_string())


def check(out: Path, batch: str | None = None) -> dict:
    """Problems with each coded batch in ``out/out``: missing or unknown items, bad values."""
    plan = pd.read_csv(out / "plan.csv", dtype={"doc_id": str})
    problems = {}
    for name, items in plan.groupby("batch"):
        if batch and name != batch:
            continue
        path = out / "out" / f"{name}.csv"
        if not path.exists():
            problems[name] = ["not coded yet"]
            continue
        codes = pd.read_csv(path, dtype=str, keep_default_na=False)
        found = []
        task = items["task"].iloc[0]
        fields = ["item", *FRAMES, "note"] if task.startswith("frames") else ATTRIBUTION_FIELDS
        missing_cols = [c for c in fields if c not in codes.columns]
        if missing_cols:
            problems[name] = [f"columns missing: {missing_cols}"]
            continue
        coded = set(pd.to_numeric(codes["item"], errors="coerce").dropna().astype(int))
        expected = set(items["item"])
        if expected - coded:
            found.append(f"{len(expected - coded)} items not coded: {sorted(expected - coded)[:10]}")
        if coded - expected:
            found.append(f"unknown items: {sorted(coded - expected)[:10]}")
        if task.startswith("frames"):
            bad = codes[~codes[FRAMES].isin(["0", "1"]).all(axis=1)]
            if len(bad):
                found.append(f"{len(bad)} rows with a frame code other than 0/1: items {bad['item'].tolist()[:10]}")
            if codes["item"].duplicated().any():
                found.append(f"items coded twice: {codes.loc[codes['item'].duplicated(), 'item'].tolist()[:10]}")
        else:
            empty = codes["actor"].eq("")
            bad_kind = ~empty & ~codes["kind"].isin(["causal", "treatment"])
            bad_pol = ~empty & ~codes["polarity"].isin(["assign", "deny"])
            blank_speaker = ~empty & codes["speaker_actor"].eq("")
            half = empty & (codes[["kind", "polarity", "speaker_actor"]] != "").any(axis=1)
            for what, mask in (("kind", bad_kind), ("polarity", bad_pol), ("speaker", blank_speaker),
                               ("empty actor with other fields", half)):
                if mask.any():
                    found.append(f"{mask.sum()} rows with bad {what}: items {codes.loc[mask, 'item'].tolist()[:10]}")
        if found:
            problems[name] = found
    return problems


CODER_FILES = {"attribution": "news_attribution_v2_coder_{coder}.csv", "climate": "news_attribution_climate_coder_{coder}.csv",
               "frames": "news_frames_v2_coder_{coder}.csv",
               "frames_supplement": "news_frames_v2_supplement_coder_{coder}.csv",
               "frames_recode": "news_frames_round23_recode_coder_{coder}.csv"}


def collect(out: Path, tasks=tuple(TASKS)) -> None:
    """The coded batches of ``tasks`` as one file per task and coder, keyed by
    doc_id and sent_id, with the session (batch) that coded each row; refuses
    an incomplete or invalid batch."""
    plan = pd.read_csv(out / "plan.csv", dtype={"doc_id": str})
    plan = plan[plan["task"].isin(tasks)]
    problems = {k: v for k, v in check(out).items() if k in set(plan["batch"])}
    if problems:
        raise SystemExit("not every batch is complete and valid: " + "; ".join(f"{k}: {v}" for k, v in problems.items()))
    for (task, coder), batches in plan.groupby(["task", "coder"]):
        parts = []
        for batch, items in batches.groupby("batch"):
            codes = pd.read_csv(out / "out" / f"{batch}.csv", dtype=str, keep_default_na=False)
            codes["item"] = codes["item"].astype(int)
            parts.append(items[["item", "doc_id", "sent_id"]].merge(codes, on="item", how="left")
                         .assign(session=batch))
        table = pd.concat(parts, ignore_index=True).drop(columns="item")
        fields = FRAMES if task.startswith("frames") else ATTRIBUTION_FIELDS[1:-1]
        table = table[["doc_id", "sent_id", *fields, "note", "session"]]
        table = table.sort_values(["doc_id", "sent_id"], key=_order, kind="stable")
        name = CODER_FILES[task].format(coder=coder)
        table.to_csv(HERE / name, index=False, lineterminator="\n")
        print(f"wrote {name}: {table[['doc_id', 'sent_id']].drop_duplicates().shape[0]} sentences, {len(table)} rows")


def _order(column: pd.Series) -> pd.Series:
    return column.astype(int) if column.name == "sent_id" else column.str.zfill(8)


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    if command == "write":
        write(folder)
    elif command == "collect":
        collect(folder, *([sys.argv[3:]] if len(sys.argv) > 3 else []))
    else:
        for name, found in check(folder, sys.argv[3] if len(sys.argv) > 3 else None).items():
            print(name, "; ".join(found))
