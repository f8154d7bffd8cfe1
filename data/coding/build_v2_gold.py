"""The gold codes of the second wave (issues 21, 22) from the two coders and the
adjudication (protocol in data/coding/README.md, "Second wave").

    .venv/bin/python data/coding/build_v2_gold.py disagreements DIR TASK   # the adjudicator's batch, into DIR
    .venv/bin/python data/coding/build_v2_gold.py adjudicated DIR TASK     # DIR/out/adjudication_TASK.csv into data/coding/
    .venv/bin/python data/coding/build_v2_gold.py gold TASK                # the gold files

TASK is attribution, climate or frames.

Rule, written down before any coding was compared: on a test sentence coded by
both coders, the code where they agree, else the adjudicator's (a third reading
session that sees the instructions, the sentence with its context and the two
codings with their notes, in a random order and not knowing which coder gave
which, and no machine output); on a test sentence coded by coder A only, and on
every development sentence, coder A's code. For the attributions the unit of
agreement is the sentence's set of (speaker, actor, kind, polarity); for the
frames it is each frame of each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
KEYS = ["doc_id", "sent_id"]
FIELDS = ["speaker_actor", "actor", "kind", "polarity"]
FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]
SEED = 20261208
TASKS = ("attribution", "climate", "frames", "frames_supplement")
ATTRIBUTION_TASKS = {
    "attribution": {"samples": {"test": "news_attribution_v2_test_sample.csv", "dev": "news_attribution_v2_dev_sample.csv"},
                    "coders": "news_attribution_v2_coder_{}.csv", "adjudication": "news_attribution_v2_adjudication.csv",
                    "gold": {"test": "news_attribution_v2_test.csv", "dev": "news_attribution_v2_dev.csv"},
                    "instructions": "coder_instructions_attribution.md"},
    "climate": {"samples": {"both": "news_attribution_climate_sample.csv"},
                "coders": "news_attribution_climate_coder_{}.csv", "adjudication": "news_attribution_climate_adjudication.csv",
                "gold": {"test": "news_attribution_climate_test.csv", "dev": "news_attribution_climate_dev.csv"},
                "instructions": "coder_instructions_attribution_climate.md"},
}
FRAME_TASKS = {
    "frames": {"samples": {"test": "news_frames_v2_test_sample.csv", "dev": "news_frames_round4_sample.csv"},
               "coders": "news_frames_v2_coder_{}.csv", "adjudication": "news_frames_v2_adjudication.csv"},
    # the second phase of the test's rare stratum (sample_news_v2.supplement): coded, doubly coded and adjudicated alike
    "frames_supplement": {"samples": {"test": "news_frames_v2_test_supplement_sample.csv"},
                          "coders": "news_frames_v2_supplement_coder_{}.csv",
                          "adjudication": "news_frames_v2_supplement_adjudication.csv"},
}
FRAME_GOLD = {"test": "news_frames_v2_test.csv", "dev": "news_frames_round4_coded.csv"}
#: every frame test sentence's inclusion probability under both phases of the draw
FRAME_TEST_PROBABILITIES = "news_frames_v2_test_probabilities.csv"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(HERE / name, dtype={"doc_id": str}, keep_default_na=False)


def samples(spec: dict) -> pd.DataFrame:
    return pd.concat([read(name) for name in spec["samples"].values()], ignore_index=True)


def attribution_sets(table: pd.DataFrame) -> dict:
    """(doc_id, sent_id) -> frozenset of (speaker, actor, kind, polarity)."""
    found: dict = {}
    for row in table.itertuples(index=False):
        codes = found.setdefault((row.doc_id, int(row.sent_id)), set())
        if row.actor:
            codes.add(tuple(getattr(row, f) for f in FIELDS))
    return {k: frozenset(v) for k, v in found.items()}


def frame_codes(table: pd.DataFrame) -> pd.DataFrame:
    return table.assign(sent_id=table["sent_id"].astype(int)).set_index(KEYS)[FRAMES].astype(int)


def _quoted(text: str) -> str:
    return "«" + " ".join(str(text).split()) + "»" if str(text).strip() else "(none)"


def _notes(table: pd.DataFrame, key) -> str:
    rows = table[(table["doc_id"] == key[0]) & (table["sent_id"].astype(int) == key[1])]
    return "; ".join(n for n in rows["note"] if n) or "(no note)"


def disagreements(out: Path, task: str) -> None:
    """Write the adjudication batch of ``task``: every test sentence whose two codings differ."""
    rng = np.random.default_rng([SEED, list(TASKS).index(task)])
    out.mkdir(parents=True, exist_ok=True)
    (out / "out").mkdir(exist_ok=True)
    plan = []
    if task in ATTRIBUTION_TASKS:
        spec = ATTRIBUTION_TASKS[task]
        units = samples(spec).assign(sent_id=lambda t: t["sent_id"].astype(int)).set_index(KEYS)
        a, b = (read(spec["coders"].format(c)) for c in ("a", "b"))
        sets_a, sets_b = attribution_sets(a), attribution_sets(b)
        differ = [k for k in sets_b if sets_a[k] != sets_b[k]]
        lines = [f"# Adjudication {task}: {len(differ)} sentences", ""]
        for key in [differ[i] for i in rng.permutation(len(differ))]:
            item = len(plan) + 1
            plan.append({"task": task, "item": item, "doc_id": key[0], "sent_id": key[1]})
            unit = units.loc[key]
            readings = [(sets_a[key], _notes(a, key)), (sets_b[key], _notes(b, key))]
            if rng.random() < 0.5:
                readings.reverse()
            lines += [f"## Item {item}", "", f"Article title: {_quoted(unit['title'])}", "",
                      f"Article text before the sentence (context only): {_quoted(unit['context'])}", "",
                      f"SENTENCE: {_quoted(unit['sentence'])}", "",
                      f"Next sentence (context only): {_quoted(unit['next'])}", ""]
            for n, (codes, note) in enumerate(readings, 1):
                listed = "; ".join("speaker " + s + ", actor " + a_ + ", " + k + ", " + p for s, a_, k, p in sorted(codes))
                lines += [f"Reading {n}: {listed or 'no attribution'} (notes: {note})", ""]
        (out / f"adjudication_{task}.md").write_text("\n".join(lines), encoding="utf-8")
        print(f"{task}: {len(differ)} of {len(sets_b)} doubly coded sentences differ")
        pd.DataFrame(plan).to_csv(out / f"adjudication_{task}_plan.csv", index=False, lineterminator="\n")
        return
    spec = FRAME_TASKS[task]
    units = samples(spec).assign(sent_id=lambda t: t["sent_id"].astype(int)).set_index(KEYS)
    a_raw, b_raw = (read(spec["coders"].format(c)) for c in ("a", "b"))
    a, b = frame_codes(a_raw), frame_codes(b_raw)
    a = a.loc[b.index]
    cells = [(key, frame) for key in b.index for frame in FRAMES if a.at[key, frame] != b.at[key, frame]]
    by_unit: dict = {}
    for key, frame in cells:
        by_unit.setdefault(key, []).append(frame)
    lines = [f"# Adjudication {task}: {len(by_unit)} sentences, {len(cells)} frame codes", ""]
    order = list(by_unit)
    for key in [order[i] for i in rng.permutation(len(order))]:
        item = len(plan) + 1
        unit = units.loc[key]
        notes = [_notes(a_raw, key), _notes(b_raw, key)]
        if rng.random() < 0.5:
            notes.reverse()
        for frame in by_unit[key]:
            plan.append({"task": task, "item": item, "doc_id": key[0], "sent_id": key[1], "frame": frame})
        lines += [f"## Item {item}", "", f"Previous sentence (context only): {_quoted(unit['previous'])}", "",
                  f"SENTENCE: {_quoted(unit['sentence'])}", "",
                  f"Next sentence (context only): {_quoted(unit['next'])}", "",
                  f"The two readings differ on: {', '.join(by_unit[key])} (one reading coded 1, the other 0).",
                  f"Notes of the two readings: (1) {notes[0]} (2) {notes[1]}", ""]
    (out / f"adjudication_{task}.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{task}: {len(cells)} of {b.size} doubly coded frame codes differ, in {len(by_unit)} sentences")
    pd.DataFrame(plan).to_csv(out / f"adjudication_{task}_plan.csv", index=False, lineterminator="\n")


def adjudicated(out: Path, task: str) -> None:
    """The adjudicator's codes of ``task`` keyed by doc_id and sent_id, into data/coding/."""
    plan = pd.read_csv(out / f"adjudication_{task}_plan.csv", dtype={"doc_id": str}, keep_default_na=False)
    if task in ATTRIBUTION_TASKS:
        spec = ATTRIBUTION_TASKS[task]
        codes = pd.read_csv(out / "out" / f"adjudication_{task}.csv", dtype=str, keep_default_na=False)
        items = plan
        missing = set(items["item"]) - set(codes["item"].astype(int))
        if missing:
            raise SystemExit(f"adjudication_{task}: items {sorted(missing)} not decided")
        codes["item"] = codes["item"].astype(int)
        table = items[["item", "doc_id", "sent_id"]].merge(codes, on="item")
        table[[*KEYS, *FIELDS, "note"]].to_csv(HERE / spec["adjudication"], index=False, lineterminator="\n")
        print(f"wrote {spec['adjudication']}: {table['item'].nunique()} sentences")
        return
    codes = pd.read_csv(out / "out" / f"adjudication_{task}.csv", dtype=str, keep_default_na=False)
    codes["item"] = codes["item"].astype(int)
    table = plan[["item", "doc_id", "sent_id", "frame"]].merge(codes, on=["item", "frame"], how="left")
    if table["code"].isna().any() or not table["code"].isin(["0", "1"]).all():
        raise SystemExit(f"adjudication_{task}: undecided or invalid codes for items "
                         f"{table.loc[~table['code'].isin(['0', '1']), 'item'].tolist()}")
    name = FRAME_TASKS[task]["adjudication"]
    table[[*KEYS, "frame", "code", "reason"]].to_csv(HERE / name, index=False, lineterminator="\n")
    print(f"wrote {name}: {len(table)} frame codes")


def _order(column: pd.Series) -> pd.Series:
    return column.astype(int) if column.name == "sent_id" else column.str.zfill(8)


def gold(task: str) -> None:
    """The gold files of ``task``: test sentences under the rule above, development sentences coder A's."""
    if task in ATTRIBUTION_TASKS:
        spec = ATTRIBUTION_TASKS[task]
        units = samples(spec)
        a, b = (attribution_sets(read(spec["coders"].format(c))) for c in ("a", "b"))
        decided = attribution_sets(read(spec["adjudication"])) if (HERE / spec["adjudication"]).exists() else {}
        rows = []
        for unit in units.itertuples(index=False):
            key = (unit.doc_id, int(unit.sent_id))
            if unit.split == "test" and key in b and a[key] != b[key]:
                if key not in decided:
                    raise SystemExit(f"{task}: test sentence {key}: the coders differ and there is no adjudication")
                codes, source = decided[key], "adjudicated"
            else:
                codes, source = a[key], "agreed" if key in b else "coder_a"
            base = {"split": unit.split, "stratum": unit.stratum, "coding_probability": unit.coding_probability,
                    "outlet": unit.outlet, "doc_id": unit.doc_id, "sent_id": int(unit.sent_id), "source": source}
            rows += [{**base, **dict(zip(FIELDS, code)), "sentence": unit.sentence} for code in sorted(codes)] or [
                {**base, **dict.fromkeys(FIELDS, ""), "sentence": unit.sentence}]
        table = pd.DataFrame(rows)
        for split, name in spec["gold"].items():
            part = table[table["split"] == split].drop(columns="split").sort_values(KEYS, key=_order, kind="stable")
            part.to_csv(HERE / name, index=False, lineterminator="\n")
            print(f"wrote {name}: {part[KEYS].drop_duplicates().shape[0]} sentences, {(part['actor'] != '').sum()} "
                  "attributions")
        return
    parts = [_frame_gold(spec) for spec in FRAME_TASKS.values()]
    table = pd.concat(parts, ignore_index=True)
    probability = read(FRAME_TEST_PROBABILITIES).set_index(KEYS)["coding_probability"]
    test = table["split"] == "test"
    keys = pd.MultiIndex.from_frame(table.loc[test, KEYS])
    if set(keys) != set(probability.index):
        raise SystemExit(f"{FRAME_TEST_PROBABILITIES} does not list the frame test sentences")
    table.loc[test, "coding_probability"] = probability.loc[keys].to_numpy()
    columns = ["stratum", "coding_probability", "outlet", *KEYS, "source", "sentence", *FRAMES]
    for split, name in FRAME_GOLD.items():
        part = table[table["split"] == split][columns].sort_values(KEYS, key=_order, kind="stable")
        part.to_csv(HERE / name, index=False, lineterminator="\n")
        print(f"wrote {name}: {len(part)} sentences; positives " + ", ".join(f"{f} {part[f].sum()}" for f in FRAMES))


def _frame_gold(spec: dict) -> pd.DataFrame:
    """The units of one frame task with their gold codes and where each comes from."""
    units = samples(spec).assign(sent_id=lambda t: t["sent_id"].astype(int))
    a = frame_codes(read(spec["coders"].format("a")))
    b = frame_codes(read(spec["coders"].format("b")))
    codes = a.copy()
    source = pd.Series("coder_a", index=a.index)
    source[b.index] = "agreed"
    differ = a.loc[b.index].ne(b)
    decided = read(spec["adjudication"]) if (HERE / spec["adjudication"]).exists() else pd.DataFrame(
        columns=[*KEYS, "frame", "code"])
    decided = {(r.doc_id, int(r.sent_id), r.frame): int(r.code) for r in decided.itertuples(index=False)}
    for key in differ.index[differ.any(axis=1)]:
        for frame in differ.columns[differ.loc[key]]:
            if (*key, frame) not in decided:
                raise SystemExit(f"frames: test sentence {key}, {frame}: the coders differ and there is no adjudication")
            codes.at[key, frame] = decided[(*key, frame)]
        source[key] = "adjudicated"
    return units.set_index(KEYS).join(codes).join(source.rename("source")).reset_index()


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "disagreements":
        disagreements(Path(sys.argv[2]), sys.argv[3])
    elif command == "adjudicated":
        adjudicated(Path(sys.argv[2]), sys.argv[3])
    else:
        gold(sys.argv[2])
