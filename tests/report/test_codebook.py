"""Tests for analysis.report.codebook: the codebook rendered from the resources
given (a codebook of our own, the shipped actors and cues)."""

import pytest

from analysis.report.codebook import codebook_markdown
from analysis.resources.actors import load_actors
from analysis.resources.codebook import Codebook

FRAMES_YAML = """
version: 7
frames:
  - id: sovereignty
    label: State sovereignty
    definition: Authority of the state over its territory.
    includes: [borders, national law]
    examples: ["Libya's right for sovereignty in the sea, land and sky."]
    entries:
      - sovereign*
      - {entry: national security, weight: 2, note: the state}
  - id: humanitarian
    label: Humanitarian
    definition: Suffering and rescue.
    entries: [rescue*]
naming:
  labels:
    - {id: illegal_immigrants, label: illegal immigrants, kind: people, entries: [illegal immigrant*]}
"""


@pytest.fixture
def frames_file(tmp_path):
    path = tmp_path / "frames.yaml"
    path.write_text(FRAMES_YAML, encoding="utf-8")
    return path


def test_codebook_renders_frames_actors_and_cues(frames_file):
    text = codebook_markdown(codebook=frames_file, actors="shipped:migration/actors.yaml",
                             cues="shipped:migration/cues.yaml")
    assert text.startswith("# Codebook\n\nVersions: frames.yaml v7; actors.yaml v")
    assert "### `sovereignty`: State sovereignty\n\nDefinition: Authority of the state over its territory." in text
    assert "Includes:\n\n- borders\n- national law" in text
    assert "> Libya's right for sovereignty in the sea, land and sky." in text
    assert "Dictionary entries: `sovereign*`, `national security` (weight 2; the state)." in text
    assert "| `illegal_immigrants` | illegal immigrants | people | `illegal immigrant*` |" in text
    actors = load_actors()
    for actor_id in actors.ids:
        actor = actors[actor_id]
        if actor.countries == (actor_id,) and not actor.aliases:     # a state of its own: listed under States
            assert f"{actors.countries[actor_id].name} (`{actor_id}`)" in text
            continue
        assert f"### `{actor_id}`\n\n{actor.definition}" in text
        assert all(f"`{alias}`" in text for alias in actor.aliases)
        assert all(actors.countries[c].name in text for c in actor.countries)
    assert "| kind | `causal` |" in text and "| polarity | `deny` |" in text
    assert Codebook.load(frames_file).frame_ids == ["sovereignty", "humanitarian"]


def test_an_own_codebook_alone_gets_no_migration_actors_or_cues(frames_file):
    text = codebook_markdown(codebook=frames_file)
    assert text.startswith("# Codebook\n\nVersions: frames.yaml v7.\n")
    assert "## Frames" in text and "## Actors" not in text and "libya" not in text
    greens = {"actors": {"greens": {"definition": "Green parties.", "aliases": ["Greens"]}}}
    assert "## Actors" in codebook_markdown(codebook=frames_file, actors=greens)
