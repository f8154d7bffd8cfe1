"""Resources as values (analysis.resources): built from a path, a mapping or an
object; validated on construction with errors that name the file, the key path
and the fix; immutable; read again when the file changes; picklable."""

import pickle
import types

import pytest

import analysis
from analysis import (Actors, ActorsError, CleaningRules, Codebook, CodebookError, Cues, CuesError, RulesError,
                      SegmentationRules)
from analysis.paths import shipped

GREENS = {"actors": {"greens": {"definition": "Green parties.", "aliases": ["Greens"]}}}


@pytest.mark.parametrize("cls", [Codebook, Actors, Cues, CleaningRules, SegmentationRules])
def test_a_resource_is_built_from_none_a_path_or_itself(cls):
    default = cls.load()
    assert cls.load(default) is default
    assert cls.load(default.source) == default
    assert cls.load(default.source) is cls.load(default.source)          # compiled once per file version


@pytest.mark.parametrize("cls", [Codebook, Actors, Cues, CleaningRules, SegmentationRules])
def test_from_file_takes_a_string_like_load(cls):
    default = cls.load()
    assert cls.from_file(str(default.source)) == default


def test_a_read_only_mapping_is_a_mapping_like_any_other():
    data = {"frames": [{"id": "aid", "entries": ["aid", "relief"]}]}
    assert Codebook.load(types.MappingProxyType(data)) == Codebook.load(data)
    assert Actors.load(types.MappingProxyType(GREENS)).ids == ["greens"]


def test_a_mapping_may_extend_a_file_named_by_its_absolute_path(tmp_path):
    (tmp_path / "base.yaml").write_text("extends: shipped:cues.yaml\nspeech: [tweeted]\n")
    cues = Cues.load({"extends": str(tmp_path / "base.yaml"), "speech": ["posted"]})
    assert cues.data["speech"][-2:] == ("tweeted", "posted")
    with pytest.raises(CuesError, match=r"<mapping>: extends: 'base\.yaml' is relative, but a mapping has no folder"):
        Cues.load({"extends": "base.yaml"})


def test_a_resource_file_edited_on_disk_is_read_again(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  greens:\n    definition: Green parties.\n    aliases: [Greens]\n")
    assert Actors.load(path).ids == ["greens"]
    path.write_text("actors:\n  greens:\n    definition: Green parties.\n    aliases: [Greens]\n"
                    "  farmers:\n    definition: Farmers' unions.\n    aliases: [farmers]\n")
    assert Actors.load(path).ids == ["greens", "farmers"]
    assert analysis.find_actors("The farmers protested.", actors=path)[0].actor == "farmers"


def test_a_resource_is_read_again_when_a_file_it_refers_to_changes(tmp_path):
    (tmp_path / "base.yaml").write_text("extends: shipped:cues.yaml\nspeech: [tweeted]\n")
    (tmp_path / "mine.yaml").write_text("extends: base.yaml\nspeech: [posted]\n")
    assert Cues.load(tmp_path / "mine.yaml").data["speech"][-2:] == ("tweeted", "posted")
    (tmp_path / "base.yaml").write_text("extends: shipped:cues.yaml\nspeech: [blogged]\n")
    assert Cues.load(tmp_path / "mine.yaml").data["speech"][-2:] == ("blogged", "posted")
    (tmp_path / "countries.csv").write_text("id,name,names,demonyms,capitals\nalba,Alba,,Alban,\n")
    (tmp_path / "actors.yaml").write_text("countries: {table: countries.csv, others: own}\n"
                                          "actors:\n  greens: {definition: Greens., aliases: [Greens]}\n")
    assert Actors.load(tmp_path / "actors.yaml").ids == ["greens", "alba"]
    (tmp_path / "countries.csv").write_text("id,name,names,demonyms,capitals\nalba,Alba,,Alban,\nbeta,Beta,,,\n")
    assert Actors.load(tmp_path / "actors.yaml").ids == ["greens", "alba", "beta"]


def test_resources_cannot_be_changed_in_place():
    codebook, actors = Codebook.load(), Actors.load()
    with pytest.raises(TypeError, match="read-only"):
        codebook.frames[0]["id"] = "x"
    with pytest.raises(TypeError, match="read-only"):
        actors.actors["libya"] = None
    with pytest.raises(AttributeError):
        actors.unresolved = "x"


@pytest.mark.parametrize("cls", [Codebook, Actors, Cues])
def test_resources_pickle_for_dask_workers(cls):
    resource = cls.load()
    again = pickle.loads(pickle.dumps(resource))
    assert again == resource


def test_the_shipped_codebook_has_only_text_in_its_lists():
    frames = Codebook.load().frames
    for frame in frames:
        for key in ("includes", "excludes", "examples"):
            assert all(isinstance(item, str) for item in frame.get(key, ()))
    text = analysis.codebook_markdown()
    assert '(burden: cooperation)' in text and "{'" not in text


@pytest.mark.parametrize("data, where", [
    ({"frames": [{"id": "aid", "entries": ["aid"], "excludes": [{"a thing (burden": "cooperation)"}]}]},
     r"frames\[0\] \(id 'aid'\)\.excludes\[0\]: must be text.*quote it"),
    ({"frames": [{"id": "aid", "entries": ["aid", {"entry": 3}]}]}, r"frames\[0\] \(id 'aid'\)\.entries\[1\]\.entry"),
    ({"frames": [{"id": "aid", "entries": ["aid"]}, {"id": "aid", "entries": ["relief"]}]}, "id 'aid' appears twice"),
    ({"frames": [{"id": "aid", "entries": ["aid"], "definition": 5}]}, r"\.definition: must be text"),
])
def test_a_bad_codebook_names_the_key_path(data, where):
    with pytest.raises(CodebookError, match=where):
        Codebook.load(data)


def test_a_bad_codebook_file_names_the_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("frames:\n  - id: aid\n    entries: [aid]\n    excludes:\n      - burden: cooperation\n")
    with pytest.raises(CodebookError, match=rf"{path}: frames\[0\] \(id 'aid'\)\.excludes\[0\]"):
        Codebook.load(path)


@pytest.mark.parametrize("data, where", [
    ({"actors": {"greens": {"definition": "Green parties.", "aliases": [{"name": "Greens"}]}}},
     r"actors\.greens\.aliases\[0\]: .* is not text"),
    ({"actors": {"greens": {"definition": "Green parties.", "aliases": ["Greens"]},
                 "left": {"definition": "The left.", "aliases": ["greens"]}}},
     r"actors\.left: alias 'greens' is also an alias of 'greens'"),
    ({**GREENS, "generic": {"aliases": ["government"], "resolve": "actor:libya"}},
     r"generic\.resolve: 'actor:libya' is not a resolution rule"),
    ({**GREENS, "generic": {"aliases": ["government"], "resolve": "closest"}}, r"generic\.resolve"),
    ({"actors": {"greens": {"definition": "Green parties.", "countries": ["atlantis"]}}},
     r"actors\.greens\.countries: 'atlantis' is not in the country table"),
    ({"actors": {"a": {"definition": "A.", "countries": ["italy"]}, "b": {"definition": "B.", "countries": ["italy"]}}},
     r"actors\.b\.countries: 'italy' is also listed under 'a'"),
    ({"actors": {"greens": {"definition": "Green parties."}}}, r"actors\.greens: give 'aliases:'"),
    ({"actors": {"greens": {"definition": "Green parties.", "aliases": ["Greens"]}}, "generic": {"aliases": ["Greens"]}},
     r"alias 'Greens' is also an alias of 'greens'"),
    ({"actors": ["greens"]}, "expected a top-level key 'actors:'"),
    ({**GREENS, "countries": {"others": "all"}}, r"countries\.others: 'all' must be 'own'"),
])
def test_bad_actors_name_the_key_path(data, where):
    with pytest.raises(ActorsError, match=where):
        Actors.load(data)


def test_an_actor_takes_a_capital_from_its_country_only_when_told():
    from analysis.measures.actors import find_actors
    eu = {"definition": "The European Union.", "aliases": ["EU"]}
    with pytest.raises(ActorsError, match=r"actors\.belgium: alias 'Brussels' is also an alias of 'eu' .*move it from "
                                          r"'aliases:' to 'takes:'"):
        Actors.load({"countries": {"others": "own"}, "actors": {"eu": {**eu, "aliases": ["EU", "Brussels"]}}})
    actors = Actors.load({"countries": {"others": "own"}, "actors": {"eu": {**eu, "takes": ["Brussels"]}}})
    text = "Brussels warned Belgium; a Brussels-based NGO and the EU agreed."
    assert [(text[m.start:m.end], m.actor) for m in find_actors(text, actors=actors)] == [
        ("Brussels", "eu"), ("Belgium", "belgium"), ("EU", "eu")]          # a capital in a name is still none
    assert "Brussels" not in actors.aliases["belgium"] and "Brussels" in actors.aliases["eu"]


@pytest.mark.parametrize("takes, where", [
    (["Bruxelles"], r"actors\.eu\.takes\[0\]: 'Bruxelles' is no alias of the country table"),
    (["Brussels", "brussels"], r"actors\.eu\.takes\[1\]: 'brussels' is also taken by 'eu'"),
    ([7], r"actors\.eu\.takes\[0\]: 7 is not text"),
])
def test_what_an_actor_takes_is_checked(takes, where):
    with pytest.raises(ActorsError, match=where):
        Actors.load({"countries": {"others": "own"},
                     "actors": {"eu": {"definition": "The EU.", "aliases": ["EU"], "takes": takes}}})


def test_a_country_table_with_a_shared_alias_names_its_row(tmp_path):
    (tmp_path / "countries.csv").write_text("id,name,names,demonyms,capitals\n"
                                            "alba,Alba,,Alban,\nbeta,Beta,,Alban,\n")
    (tmp_path / "actors.yaml").write_text("countries: {table: countries.csv, others: own}\n"
                                          "actors:\n  greens: {definition: Greens., aliases: [Greens]}\n")
    with pytest.raises(ActorsError, match=r"countries\.csv, row 3 \(beta\): alias 'Alban' is also an alias of 'alba'"):
        Actors.load(tmp_path / "actors.yaml")
    (tmp_path / "countries.csv").write_text("id,name,names,demonyms,capitals\nalba,Alba,,Alban,\nbeta,Beta,,Betan,\n")
    assert Actors.load(tmp_path / "actors.yaml").ids == ["greens", "alba", "beta"]


@pytest.mark.parametrize("change, where", [
    (lambda d: d["responsibility"].append({"id": "blame", "cues": ["x"], "kind": "causal", "polarity": "assign",
                                           "actor": "subject"}), r"responsibility\[\d+\] \(id 'blame'\): each rule"),
    (lambda d: d["responsibility"][0].update(kind="moral"), r"responsibility\[0\] \(id 'blame'\)\.kind: 'moral'"),
    (lambda d: d["responsibility"][0].update(cues=["blame", {"x": 1}]), r"\.cues\[1\]: .* is not a word"),
    (lambda d: d["speech"].append(7), r"speech\[\d+\]: 7 is not a word"),
    (lambda d: d.pop("anaphors"), "'anaphors:' must map"),
    (lambda d: d["responsibility"][0].update(adjacent="yes"), r"\(id 'blame'\)\.adjacent: must be true or false"),
    (lambda d: d["responsibility"][1].update(adjacent=True),
     r"\(id 'responsibility_of'\)\.adjacent: only a rule whose actor is the subject"),
    (lambda d: d["responsibility"][0].update(passive_subject=True),
     r"\(id 'blame'\)\.passive_subject: only a rule whose actor is the object"),
    (lambda d: d["responsibility"][0].update(needs_object=[]), r"\(id 'blame'\)\.needs_object: must be a non-empty"),
])
def test_bad_cues_name_the_key_path(change, where):
    data = _cues_data()
    change(data)
    with pytest.raises(CuesError, match=where):
        Cues.load(data)


@pytest.mark.parametrize("rules, where", [
    ("  - {id: pollution, cues: [polluted], kind: causual, polarity: assign, actor: subject}",
     r"mine\.yaml: responsibility\[0\] \(id 'pollution'\)\.kind: 'causual' is not one of"),
    ("  - {id: pollution, cues: [polluted], polarity: assign}",
     r"mine\.yaml: responsibility\[0\] \(id 'pollution'\): a rule needs cues, kind, polarity and actor; "
     r"missing \['kind', 'actor'\]; .*cues\.yaml has no rule of this id to add to"),
    ("  - {id: blame, cues: [at the root of]}\n  - {id: blame, cues: [behind]}",
     r"mine\.yaml: responsibility\[1\] \(id 'blame'\): each rule is a mapping with a unique 'id:'"),
    ("  - {id: blame, cues: [at the root of, 7]}", r"mine\.yaml: responsibility\[0\] \(id 'blame'\)\.cues\[1\]"),
])
def test_a_file_that_extends_another_is_checked_as_written(tmp_path, rules, where):
    (tmp_path / "mine.yaml").write_text(f"extends: shipped:cues.yaml\nresponsibility:\n{rules}\n")
    with pytest.raises(CuesError, match=where):
        Cues.load(tmp_path / "mine.yaml")


def test_a_speech_cue_written_twice_is_named_as_a_speech_cue():
    data = _cues_data()
    data["speech"] += ["Said"]
    with pytest.raises(CuesError, match=r"<mapping>: speech: .*'said' and 'said' are the same"):
        Cues.load(data)


def test_cues_that_extend_another_file_add_to_it(tmp_path):
    (tmp_path / "mine.yaml").write_text("extends: shipped:cues.yaml\nspeech: [tweeted]\n"
                                        "responsibility:\n  - id: blame\n    cues: [at the root of]\n")
    mine = Cues.load(tmp_path / "mine.yaml")
    general = Cues.load("shipped:cues.yaml")
    assert mine.data["speech"][-1] == "tweeted" and set(general.data["speech"]) < set(mine.data["speech"])
    assert mine.rules["blame"]["kind"] == "causal" and "at the root of" in mine.rules["blame"]["cues"]
    (tmp_path / "orphan.yaml").write_text("extends: missing.yaml\n")
    with pytest.raises(CuesError, match=r"orphan\.yaml: extends: .*missing\.yaml does not exist"):
        Cues.load(tmp_path / "orphan.yaml")


def test_migration_cues_are_the_general_ones_and_the_topic_ones():
    general, migration = Cues.load(shipped("cues.yaml")), Cues.load()
    assert "smuggl*" in migration.data["counterfactual"]["wrongdoing"]
    assert "smuggl*" not in general.data["counterfactual"]["wrongdoing"]
    assert "unhcr" in migration.organisation_words and "unhcr" not in general.organisation_words


@pytest.mark.parametrize("data, where", [
    ({"rules": [{"name": "ad", "pattern": "Advert(isement"}]}, r"rules\[0\] \(name 'ad'\)\.pattern: not a valid"),
    ({"rules": [{"name": "ad"}]}, r"rules\[0\]: a rule needs a 'name' and a 'pattern'"),
    ({"rules": [{"name": "ad", "pattern": "a"}, {"name": "ad", "pattern": "b"}]}, "rule name.*'ad'.*appear twice"),
])
def test_bad_cleaning_rules_name_the_key_path(data, where):
    with pytest.raises(RulesError, match=where):
        CleaningRules.load(data)


def test_cleaning_and_segmentation_rules_are_passed_in():
    text = "Body of the piece.\nAdvertisement\nMore body."
    corpus = analysis.load_corpus(__import__("pandas").DataFrame({"doc_id": ["a"], "text": [text]}),
                                  cleaning={"rules": [{"name": "ad", "pattern": "Advertisement"}]})
    assert corpus["text"].iloc[0] == "Body of the piece.\nMore body."
    with pytest.raises(RulesError, match=r"abbreviations\[0\]: 'cllr\.' must be a word without its final period"):
        SegmentationRules.load({"abbreviations": ["cllr."]})
    doc = __import__("pandas").DataFrame({"doc_id": ["a"], "text": ["Cllr. Smith spoke. Then it ended."]})
    assert analysis.sentences(doc)["text"].tolist() == ["Cllr.", "Smith spoke.", "Then it ended."]
    assert analysis.sentences(doc, segmentation={"abbreviations": ["cllr"]})["text"].tolist() == [
        "Cllr. Smith spoke.", "Then it ended."]
    sents, _ = analysis.featurize(doc, segmentation={"abbreviations": ["cllr"]}, method="dictionary", progress=False)
    assert sents["text"].tolist() == ["Cllr. Smith spoke.", "Then it ended."]


def _cues_data() -> dict:
    from analysis.resources._base import thaw
    return thaw(Cues.load(shipped("cues.yaml")).data)


@pytest.mark.parametrize("cls, data, message", [
    (Cues, {"extends": "shipped:cues.yaml", "speach": ["posted"]},
     r"<mapping>: unknown key 'speach': did you mean 'speech'\? Allowed keys: \['anaphors', "),
    (Actors, {"actors": {"greens": {"definition": "Green parties.", "aliasses": ["Greens"]}}},
     r"<mapping>: actors\.greens: unknown key 'aliasses': did you mean 'aliases'\? Allowed keys: \['aliases', "),
    (Actors, {"actor": {}}, r"<mapping>: unknown key 'actor': did you mean 'actors'\?"),
])
def test_a_misspelt_key_of_actors_or_cues_gets_a_suggestion(cls, data, message):
    with pytest.raises(cls.error, match=message):
        cls.load(data)
