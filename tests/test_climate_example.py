"""Another topic end to end: the example actors and cues of news on climate policy
(examples/climate/) with quotes(), attributions() and featurize() on hand-written
articles whose attributions were worked out by hand from the example's definitions."""

import pandas as pd
import pytest

import analysis
from analysis.paths import project_root

EXAMPLE = project_root() / "examples" / "climate"
RESOURCES = {"actors": EXAMPLE / "actors.yaml", "cues": EXAMPLE / "cues.yaml"}
ARTICLES = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
    "Greenpeace accused ExxonMobil of misleading the public about climate change. "
    "China and the United States should lead the transition, scientists said.",
    "Germany's environment minister said the coal industry bears responsibility for the delay.\n"
    "Activists denied responsibility for the damage to the pipeline.",
    "Floods hit Brazil again this year. The government denied that deforestation had worsened them. "
    "The government must cut emissions faster, the IPCC said.",
]})
# (doc_id, sent_id, speaker_actor, actor, kind, polarity), by hand:
EXPECTED = {
    ("a", 0, "activists", "industry", "causal", "assign"),        # Greenpeace accused ExxonMobil
    ("a", 1, "scientists", "china", "treatment", "assign"),        # China ... should lead, scientists said
    ("a", 1, "scientists", "united_states", "treatment", "assign"),
    ("b", 0, "germany", "industry", "causal", "assign"),           # the minister: the industry bears responsibility
    ("b", 1, "activists", "activists", "causal", "deny"),          # activists denied responsibility
    ("c", 1, "brazil", "brazil", "causal", "deny"),                # "the government" of Brazil denied
    ("c", 2, "scientists", "brazil", "treatment", "assign"),       # the government must cut, the IPCC said
}


def triples(table):
    return {tuple(row) for row in table[["doc_id", "sent_id", "speaker_actor", "actor", "kind", "polarity"]]
            .itertuples(index=False)}


def test_climate_attributions_are_the_hand_coded_ones():
    found = analysis.attributions(ARTICLES, **RESOURCES)
    assert triples(found) == EXPECTED
    resolved = found.set_index(["doc_id", "sent_id"])["actor_resolution"]
    assert resolved[("c", 1)] == "article" and resolved[("c", 2)] == "head"


def test_the_shipped_migration_actors_know_none_of_these_actors():
    found = analysis.attributions(ARTICLES)
    assert not {"activists", "industry", "scientists"} & set(found["actor"])
    assert triples(found) != EXPECTED


def test_climate_quotes_name_the_example_actors():
    said = analysis.quotes(ARTICLES, **RESOURCES)
    speakers = dict(zip(said["speaker"], said["speaker_actor"]))
    assert speakers["scientists"] == "scientists"
    assert speakers["Germany's environment minister"] == "germany"
    assert speakers["the IPCC"] == "scientists"


def test_featurize_with_the_climate_resources_counts_the_same_attributions():
    sents, found = analysis.featurize(ARTICLES, progress=False, **RESOURCES)
    assert triples(found) == EXPECTED
    assert sents.groupby(["doc_id", "sent_id"])["n_attributions"].sum().to_dict() == {
        ("a", 0): 1, ("a", 1): 2, ("b", 0): 1, ("b", 1): 1, ("c", 0): 0, ("c", 1): 1, ("c", 2): 1}


def test_climate_cues_extend_the_general_cues():
    general = analysis.Cues.load("shipped:cues.yaml")
    climate = analysis.Cues.load(RESOURCES["cues"])
    assert set(general.data["speech"]) <= set(climate.data["speech"])
    assert "misleading" in climate.rules["harm"]["cues"] and "misleading" not in general.rules["harm"]["cues"]
    assert "smuggl*" not in climate.data["counterfactual"]["wrongdoing"]


@pytest.mark.parametrize("text, actor", [
    ("Brazil's government blamed loggers. The minister denied responsibility.", "brazil"),
    ("The EU said so. The minister denied responsibility.", "government_unresolved"),
])
def test_a_generic_minister_resolves_only_to_a_state(text, actor):
    found = analysis.attributions(pd.DataFrame({"doc_id": ["d"], "text": [text]}), **RESOURCES)
    assert found[found["rule"] == "refusal"]["actor"].tolist() == [actor]


@pytest.mark.parametrize("text, actors", [
    ("Shell was accused of misleading the public.", ["industry"]),
    ("He set up shell companies abroad.", []),
    ("An artillery shell hit the depot.", []),
])
def test_shell_the_company_is_not_a_shell_company_or_an_artillery_shell(text, actors):
    assert [m.actor for m in analysis.find_actors(text, actors=RESOURCES["actors"])] == actors
