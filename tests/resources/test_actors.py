"""Tests for analysis.resources.actors: the shipped actors file, a user's file
that replaces it, and clear errors for a user's file."""

import pytest

from analysis.errors import ActorsError
from analysis.measures.actors import find_actors
from analysis.resources.actors import load_actors

IDS = ["libya", "international_community", "un_agencies", "europe", "smugglers_traffickers", "migrants",
       "armed_groups", "media"]


def test_shipped_file_has_the_eight_actors_each_with_a_definition():
    actors = load_actors()
    # the eight actors of the file, then every other country of the table as an actor of its own
    assert actors.ids[:len(IDS)] == IDS
    assert {"united_states", "mexico"} <= set(actors.ids[len(IDS):])
    assert all(actors[i].countries == (i,) for i in actors.ids[len(IDS):])
    assert all(len(actors[i].definition.split()) >= 5 and actors.aliases[i] for i in actors.ids)


def test_a_users_file_replaces_the_shipped_one(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  ngos:\n    definition: Non-governmental organisations at sea.\n"
                    "    aliases: [NGO*, Sea-Watch]\n", encoding="utf-8")
    assert load_actors(path).ids == ["ngos"]
    assert [(m.actor, m.alias) for m in find_actors("Sea Watch and other NGOs", actors=path)] == [
        ("ngos", "Sea-Watch"), ("ngos", "NGO*")]


@pytest.mark.parametrize("body, named", [
    ("actors:\n  ngos:\n    aliases: [NGO]\n", "actors.ngos.definition"),
    ("actors:\n  ngos:\n    definition: NGOs.\n", "actors.ngos: give 'aliases:'"),
    ("actors:\n  ngos:\n    definition: NGOs.\n    aliases: [NGO, 3]\n", "actors.ngos.aliases"),
    ("actors:\n  a:\n    definition: A.\n    aliases: [Italy]\n  b:\n    definition: B.\n    aliases: [italy]\n",
     "also an alias of 'a'"),
    ("- just a list\n", "'actors:'"),
    ("actors:\n  ngos:\n    definition: NGOs.\n    aliases: ['NGO;']\n", "actors.ngos.aliases[0]: entry 'NGO;'"),
    ("actors:\n  ngos:\n    definition: NGOs.\n    aliases: [NGO, ngo]\n",
     "actors.ngos.aliases[1]: 'ngo' is the same as 'NGO' (actors.ngos.aliases[0])"),
    ("generic:\n  aliases: [government, \"gov't\", \"ministers' council\"]\nactors:\n  ngos:\n    definition: NGOs.\n"
     "    aliases: [NGO]\n", "generic.aliases[2]: \"ministers' council\" cannot be matched"),
    ("ignore: [\"'the' NGO\"]\nactors:\n  ngos:\n    definition: NGOs.\n    aliases: [NGO]\n",
     "ignore[0]: \"'the' NGO\" cannot be matched"),
])
def test_bad_files_raise_errors_naming_the_key(tmp_path, body, named):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ActorsError, match="bad.yaml") as err:
        load_actors(path)
    assert named in str(err.value)
    assert isinstance(err.value, ValueError)


def test_an_apostrophe_before_a_space_is_named_by_key_path_with_the_rule(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  unions:\n    definition: Trade unions.\n    aliases: [unions, \"miners' unions\"]\n",
                    encoding="utf-8")
    with pytest.raises(ActorsError) as err:
        load_actors(path)
    assert str(err.value) == (
        f"{path}: actors.unions.aliases[1]: \"miners' unions\" cannot be matched: an apostrophe must stand between "
        "letters (\"Haftar's\", \"Fat'hi\") or end the phrase (\"migrants'\"), so no phrase spans a possessive "
        "such as \"miners' unions\"; write the words after the apostrophe (\"unions\" matches there) or leave it out.")
    path.write_text("actors:\n  unions:\n    definition: Trade unions.\n    aliases: [unions, \"miners'\"]\n",
                    encoding="utf-8")
    assert [m.alias for m in find_actors("the miners' unions", actors=path)] == ["miners'", "unions"]


def test_capitals_are_the_country_tables_cities_and_seats_of_government():
    capitals = load_actors().capitals
    assert {("libya", "Tripoli"), ("europe", "Dublin"), ("united_states", "White House")} <= capitals
    assert ("libya", "Libya") not in capitals and ("libya", "Libyan") not in capitals
