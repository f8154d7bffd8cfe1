"""Actors as data: who speaks and who is held responsible.

An actors file (``analysis/data/migration/actors.yaml``) gives each actor an id,
a definition and aliases (words, multi-word expressions or globs, matched on
whole words, case-insensitively; an alias written in capitals only, such as
"US" or "UN", matches only in capitals). Three more parts make it work on any
news:

* **Countries.** A country table (``analysis/data/countries.csv``: names,
  demonyms, capitals) gives every state its aliases. An actor lists the
  ``countries`` it stands for (``libya: {countries: [libya]}``, or a group:
  ``europe: {countries: [italy, germany, ...]}``); with ``countries: {others:
  own}`` every other country of the table is an actor of its own (id = the
  table's id). An actor may take names of the table from their country:
  ``eu: {aliases: [EU], takes: [Brussels]}`` makes "Brussels" the EU's and no
  longer Belgium's; without ``takes`` such an alias is refused as one of two actors.
* **Generic references.** ``generic.aliases`` ("the government",
  "authorities", "the minister", "police", "coast guard", "the army"...) name
  no state by themselves; :func:`analysis.find_actors` resolves them in their
  document (``generic.resolve``; see :mod:`analysis.measures.actors` for the rule).
  An unresolved one is given the id ``generic.unresolved``.
* **People, not states.** A state's alias followed by one of ``people_nouns``
  ("Syrian refugees", "EU citizens") names people, not their state, and is no
  mention of it; nor is a capital that goes on into a name ("the Paris
  Agreement", "a Brussels-based NGO"; see :mod:`analysis.measures.actors`).
  ``ignore`` lists phrases that look like an alias but are not ("New Mexico",
  "Latin American").

>>> actors = Actors.load()
>>> actors.ids[:3], actors.unresolved
(['libya', 'international_community', 'un_agencies'], 'government_unresolved')
>>> actors["europe"].countries[:3]
('austria', 'belgium', 'bulgaria')
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..errors import ActorsError, LexiconError
from ..matching import Lexicon, normalize_entry
from ._base import FrozenDict, Resource
from ._files import key_problems, note_read, referenced_file

GENERIC = "(generic)"
IGNORED = "(ignored)"
RESOLUTIONS = ("article", "nearest", "unresolved")
_TOP_KEYS = {"version", "description", "countries", "generic", "people_nouns", "ignore", "actors"}
_ACTOR_KEYS = {"definition", "aliases", "countries", "takes", "note"}
_ID = re.compile(r"[a-z_][a-z0-9_]*")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
_LOOSE_APOSTROPHE = re.compile(r"(?<!\w)['’]|['’](?!\w|$)")    # "'em", "miners' unions": the lexicon refuses them
COUNTRY_COLUMNS = ["id", "name", "names", "demonyms", "capitals"]


@dataclass(frozen=True)
class Country:
    """One row of the country table: its names, demonyms and capitals."""

    id: str
    name: str
    names: tuple = ()
    demonyms: tuple = ()
    capitals: tuple = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        return (self.name, *self.names, *self.demonyms, *self.capitals)


@dataclass(frozen=True)
class Actor:
    """One actor: ``id``, ``definition``, its own ``aliases``, the
    ``countries`` (ids of the country table) it stands for, and the aliases of
    the country table it ``takes`` from their country ("Brussels" for the EU)."""

    id: str
    definition: str
    aliases: tuple = ()
    countries: tuple = ()
    takes: tuple = ()


@dataclass(frozen=True)
class Actors(Resource):
    """Validated, immutable actors (see the module docstring), with their
    matcher compiled once on the object. ``actors[id]`` is an ``Actor``.

    Parameters
    ----------
    actors : mapping of str to Actor
        Each actor by id, in file order (the country actors of
        ``others: own`` after the listed ones); an ``Actor`` has ``id``,
        ``definition``, its own ``aliases`` and its ``countries``.
    generic : tuple of str
        The generic references (``generic.aliases``: "the government",
        "police"...), resolved in their document by
        :func:`analysis.find_actors`; default none.
    resolve : str
        How a generic reference is resolved (``generic.resolve``):
        "article" (the default: the article's evidence), "nearest" (the
        nearest preceding state), "unresolved" or "actor:ID".
    unresolved : str
        The id given to a generic reference left unresolved
        (``generic.unresolved``); default "government_unresolved".
    people_nouns : tuple of str
        Nouns that, right after a demonym, make it name people and not their
        state ("Syrian refugees"); default none.
    ignore : tuple of str
        Phrases that look like an alias but are no mention ("New Mexico");
        default none.
    countries : mapping of str to Country
        The country table by country id (each row's ``name``, ``names``,
        ``demonyms`` and ``capitals``); empty (the default) if no actor
        stands for a country.
    version : str
        The file's ``version:``; default "unversioned".
    source : str
        Where the actors were read from (a path, or "<mapping>"), named in
        error messages; default "<mapping>". Two objects that differ only in
        ``source`` are equal.

    Examples
    --------
    >>> actors = Actors.load({"actors": {"greens": {"definition": "Green parties.", "aliases": ["Greens"]}}})
    >>> actors.ids, actors.unresolved
    (['greens'], 'government_unresolved')
    """

    actors: object
    generic: tuple = ()
    resolve: str = "article"
    unresolved: str = "government_unresolved"
    people_nouns: tuple = ()
    ignore: tuple = ()
    countries: object = field(default_factory=lambda: FrozenDict({}))
    version: str = "unversioned"
    source: str = field(default="<mapping>", compare=False)

    kind = "actors"
    error = ActorsError
    default = ("migration", "actors.yaml")
    hint = "pass the path of a YAML file with an 'actors:' mapping, like analysis/data/migration/actors.yaml."

    @classmethod
    def from_dict(cls, data, *, source: str = "<mapping>", base=None) -> "Actors":
        """Validate an actors mapping (the layout of ``actors.yaml``); ``base``
        is the folder that a relative ``countries.table`` path is relative to.

        Parameters
        ----------
        data : mapping
            The layout of ``actors.yaml`` (see the module docstring):
            ``actors:`` (required), and optionally ``countries:``,
            ``generic:``, ``people_nouns:``, ``ignore:``, ``version:`` and
            ``description:``.
        source : str
            Where the mapping comes from, named in error messages and kept as
            ``source``; default "<mapping>".
        base : path, optional
            The folder of the file the mapping was read from. With None (the
            default) a ``countries.table`` must be ``shipped:NAME``. With no
            ``countries.table``, the shipped ``countries.csv`` is used (if an
            actor stands for a country or ``others`` is ``own``).

        Returns
        -------
        Actors
            The validated actors, their aliases compiled.

        Raises
        ------
        ActorsError
            Naming ``source`` and the key path at fault (see
            :func:`analysis.load_actors`).
        """
        return _actors_from_dict(cls, data, source=source, base=base)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __contains__(self, actor_id) -> bool:
        return actor_id in self.actors

    @property
    def ids(self) -> list[str]:
        """Actor ids in file order (country actors of ``others: own`` after the listed ones)."""
        return list(self.actors)

    @cached_property
    def digest(self) -> str:
        """SHA-256 of what decides the mentions: each actor's id, aliases,
        countries and takes, the generic references and their rule, the
        people nouns, the ignored phrases and the country table. A model
        fitted on mentions of these actors records it, to be refused with
        others.

        >>> one = {"actors": {"a": {"definition": "A.", "aliases": ["A"]}}}
        >>> Actors.load(one).digest == Actors.load({**one, "version": 2}).digest   # the version is no part of it
        True
        >>> Actors.load(one).digest == Actors.load({"actors": {"a": {"definition": "A.", "aliases": ["B"]}}}).digest
        False
        """
        data = [[[a.id, list(a.aliases), list(a.countries), list(a.takes)] for a in self.actors.values()],
                list(self.generic), self.resolve, self.unresolved, list(self.people_nouns), list(self.ignore),
                [[c.id, c.name, list(c.names), list(c.demonyms), list(c.capitals)] for c in self.countries.values()]]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()

    @cached_property
    def taken(self) -> dict[str, str]:
        """Aliases of the country table that an actor ``takes`` (normalised) -> that actor's id."""
        return {normalize_entry(alias): actor.id for actor in self.actors.values() for alias in actor.takes}

    @cached_property
    def aliases(self) -> dict[str, list[str]]:
        """Every alias of each actor: its own and those it takes, then its
        countries' (names, demonyms, capitals) that no other actor takes."""
        found, taken = {}, self.taken
        for actor in self.actors.values():
            own = list(dict.fromkeys([*actor.aliases, *actor.takes]))
            seen = {normalize_entry(a) for a in own}
            for country in actor.countries:
                for alias in self.countries[country].aliases:
                    if normalize_entry(alias) not in seen and normalize_entry(alias) not in taken:
                        seen.add(normalize_entry(alias))
                        own.append(alias)
            found[actor.id] = own
        return found

    @cached_property
    def lexicon(self) -> Lexicon:
        """All aliases compiled for matching: labels are actor ids, then
        ``GENERIC`` and ``IGNORED``."""
        entries = {actor: aliases for actor, aliases in self.aliases.items() if aliases}
        if self.generic:
            entries[GENERIC] = list(self.generic)
        if self.ignore:
            entries[IGNORED] = list(self.ignore)
        return Lexicon(entries)

    @cached_property
    def order(self) -> dict[str, int]:
        """Each label's place: of two equally long mentions at one place, the earlier actor wins."""
        return {label: i for i, label in enumerate(self.lexicon.labels)}

    @cached_property
    def country_actor(self) -> dict[str, str]:
        """Country id -> the id of the actor that stands for it."""
        return {country: actor.id for actor in self.actors.values() for country in actor.countries}

    @cached_property
    def state_actors(self) -> frozenset[str]:
        """Ids of actors that stand for one or more countries."""
        return frozenset(a.id for a in self.actors.values() if a.countries)

    @cached_property
    def capitals(self) -> frozenset[tuple[str, str]]:
        """``(actor id, alias)`` pairs that are capitals of the country table
        (cities and seats of government: "Paris", "White House")."""
        return self._country_aliases("capitals")

    def _country_aliases(self, column: str) -> frozenset[tuple[str, str]]:
        """``(actor id, alias)`` for the aliases in ``column`` of the countries
        that are actors, and of those an actor takes (with that actor's id)."""
        taken, owner = self.taken, self.country_actor
        return frozenset((taken.get(normalize_entry(alias), owner.get(c.id)), alias) for c in self.countries.values()
                         for alias in getattr(c, column)
                         if c.id in owner or normalize_entry(alias) in taken)

    @cached_property
    def acronyms(self) -> frozenset[str]:
        """Aliases written in capitals only ("US", "U.N."): they match only in capitals."""
        return frozenset(a for aliases in [*self.aliases.values(), self.generic] for a in aliases
                         if _ACRONYM.fullmatch(a))

    @cached_property
    def people_after(self) -> re.Pattern:
        """A people noun right after a demonym ("Syrian refugees")."""
        words = "|".join(re.escape(w).replace(r"\*", r"\w*") for w in self.people_nouns) or r"(?!)"
        return re.compile(rf"[\s-]+(?:{words})\b", re.IGNORECASE)


def load_actors(path=None) -> Actors:
    """The actors of a YAML file, validated.

    Parameters
    ----------
    path : str or Path, optional
        The actors file (default the shipped migration actors); ``shipped:NAME``
        names a file shipped with the kit.

    Returns
    -------
    Actors

    Raises
    ------
    ActorsError
        Naming the file and key path, when the file is not a mapping with
        ``actors:``, an actor lacks a definition or aliases, an alias is not
        text or cannot be matched (an apostrophe not between letters or at
        the end: "miners' unions"), one alias is listed twice or for two
        actors, a country is not in the table or claimed twice, or
        ``generic.resolve`` is unknown.

    Examples
    --------
    >>> load_actors().ids[:3]
    ['libya', 'international_community', 'un_agencies']
    """
    return Actors.load(path)


def read_countries(path, source: str = "") -> dict[str, Country]:
    """The country table at ``path`` (CSV with columns id, name, names,
    demonyms, capitals; lists separated by ";"), validated.

    >>> from analysis.paths import shipped
    >>> read_countries(shipped("countries.csv"))["libya"].capitals
    ('Tripoli',)
    """
    where = source or str(path)
    note_read(path)
    try:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise ActorsError(f"{where}: cannot read the country table ({err}).") from None
    if not rows or list(rows[0]) != COUNTRY_COLUMNS:
        raise ActorsError(f"{where}: a country table has the columns {COUNTRY_COLUMNS} (got "
                          f"{list(rows[0]) if rows else 'no rows'}).")
    countries, owner = {}, {}
    for number, row in enumerate(rows, start=2):
        place = f"{where}, row {number}"
        if None in row or any(v is None for v in row.values()):
            raise ActorsError(f"{place}: expected {len(COUNTRY_COLUMNS)} cells; check the commas and quotes.")
        cid = row["id"].strip()
        if not _ID.fullmatch(cid) or cid in countries:
            raise ActorsError(f"{place}: id {cid!r} must be unique, of lower-case letters, digits and underscores.")
        if not row["name"].strip():
            raise ActorsError(f"{place} ({cid}): the name is empty.")
        lists = {key: tuple(p.strip() for p in row[key].split(";") if p.strip())
                 for key in ("names", "demonyms", "capitals")}
        country = Country(cid, row["name"].strip(), **lists)
        for alias in country.aliases:
            key = normalize_entry(alias)
            if key in owner and owner[key] != cid:
                raise ActorsError(f"{place} ({cid}): alias {alias!r} is also an alias of {owner[key]!r}; "
                                  "an alias names one country: remove it from one of them.")
            owner[key] = cid
        countries[cid] = country
    return countries


def _text(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ActorsError(f"{where}: {value!r} is not text; write it as text (quote it if it has a colon).")
    return value.strip()


def _texts(values, where: str, *, empty: bool = True) -> tuple[str, ...]:
    if values is None and empty:
        return ()
    if not isinstance(values, list) or not (values or empty):
        raise ActorsError(f"{where}: expected a {'' if empty else 'non-empty '}list of words or phrases, "
                          f"not {values!r}.")
    return tuple(_text(v, f"{where}[{i}]") for i, v in enumerate(values))


def _actors_from_dict(cls, data, *, source: str = "<mapping>", base=None) -> Actors:
    problem = key_problems(data, _TOP_KEYS)
    if problem:
        raise ActorsError(f"{source}: {problem}")
    listed = data.get("actors")
    if not isinstance(listed, dict) or not listed:
        raise ActorsError(f"{source}: expected a top-level key 'actors:' mapping each actor id to "
                          "'definition:' and 'aliases:' (or 'countries:').")
    settings = data.get("countries") or {}
    if not isinstance(settings, dict) or set(settings) - {"table", "others"}:
        raise ActorsError(f"{source}: countries: expected a mapping with 'table:' (a CSV path, or "
                          "shipped:countries.csv) and 'others:' (own or none).")
    others, table_name = settings.get("others", "none"), settings.get("table", "shipped:countries.csv")
    if others not in ("own", "none"):
        raise ActorsError(f"{source}: countries.others: {others!r} must be 'own' (every country not claimed by "
                          "an actor is an actor of its own) or 'none'.")
    uses_countries = others == "own" or any(isinstance(e, dict) and (e.get("countries") or e.get("takes"))
                                            for e in listed.values())
    table = {}
    if uses_countries:
        path = referenced_file(table_name, base, source, ActorsError, "countries.table")
        table = read_countries(path)
    actors: dict[str, Actor] = {}
    claimed: dict[str, str] = {}
    taken_by: dict[str, str] = {}
    for actor_id, entry in listed.items():
        where = f"{source}: actors.{actor_id}"
        if not isinstance(actor_id, str) or not _ID.fullmatch(actor_id):
            raise ActorsError(f"{where}: an actor id is lower-case letters, digits and underscores.")
        if not isinstance(entry, dict):
            raise ActorsError(f"{where}: expected a mapping with 'definition:' and 'aliases:' (or 'countries:').")
        problem = key_problems(entry, _ACTOR_KEYS)
        if problem:
            raise ActorsError(f"{where}: {problem}")
        countries = _texts(entry.get("countries"), f"{where}.countries")
        for country in countries:
            if country not in table:
                raise ActorsError(f"{where}.countries: {country!r} is not in the country table "
                                  f"({table_name}); use its id there.")
            if country in claimed:
                raise ActorsError(f"{where}.countries: {country!r} is also listed under {claimed[country]!r}; "
                                  "a country belongs to one actor.")
            claimed[country] = actor_id
        aliases = _texts(entry.get("aliases"), f"{where}.aliases")
        takes = _texts(entry.get("takes"), f"{where}.takes")
        table_aliases = {normalize_entry(a): c.id for c in table.values() for a in c.aliases}
        for i, alias in enumerate(takes):
            if normalize_entry(alias) not in table_aliases:
                raise ActorsError(f"{where}.takes[{i}]: {alias!r} is no alias of the country table ({table_name}); "
                                  "'takes:' moves a name, demonym or capital of the table to this actor. List a word "
                                  "of your own under 'aliases:'.")
            if normalize_entry(alias) in taken_by:
                raise ActorsError(f"{where}.takes[{i}]: {alias!r} is also taken by {taken_by[normalize_entry(alias)]!r}; "
                                  "an alias names one actor.")
            if table_aliases[normalize_entry(alias)] in countries:
                raise ActorsError(f"{where}.takes[{i}]: {alias!r} is already this actor's, as an alias of its country "
                                  f"{table_aliases[normalize_entry(alias)]!r}; remove it from 'takes:'.")
            taken_by[normalize_entry(alias)] = actor_id
        if not aliases and not countries and not takes:
            raise ActorsError(f"{where}: give 'aliases:' (words or phrases) or 'countries:' (ids of the table).")
        definition = entry.get("definition")
        if definition is None and countries:
            definition = _state_definition([table[c].name for c in countries])
        actors[actor_id] = Actor(actor_id, _text(definition, f"{where}.definition"), aliases, countries, takes)
    if others == "own":
        for country in table.values():
            if country.id not in claimed and country.id not in actors:
                actors[country.id] = Actor(country.id, _state_definition([country.name]), (), (country.id,))
    generic = data.get("generic") or {}
    if not isinstance(generic, dict) or set(generic) - {"aliases", "resolve", "unresolved", "description"}:
        raise ActorsError(f"{source}: generic: expected a mapping with 'aliases:', 'resolve:' and 'unresolved:'.")
    resolve = generic.get("resolve", "article")
    if resolve not in RESOLUTIONS and not (isinstance(resolve, str) and resolve.removeprefix("actor:") in actors
                                           and resolve.startswith("actor:")):
        raise ActorsError(f"{source}: generic.resolve: {resolve!r} is not a resolution rule; use 'article' (the "
                          "default), 'nearest', 'unresolved', or 'actor:ID' with the id of an actor of this file.")
    unresolved = generic.get("unresolved", "government_unresolved")
    if not isinstance(unresolved, str) or not _ID.fullmatch(unresolved) or unresolved in actors:
        raise ActorsError(f"{source}: generic.unresolved: {unresolved!r} must be a new id (lower-case letters, "
                          "digits, underscores), not an actor's.")
    result = cls(FrozenDict(actors), _texts(generic.get("aliases"), f"{source}: generic.aliases"),
                 resolve, unresolved, _texts(data.get("people_nouns"), f"{source}: people_nouns"),
                 _texts(data.get("ignore"), f"{source}: ignore"), FrozenDict(table),
                 str(data.get("version", "unversioned")), source)
    places = _alias_places(result, table_name)
    _check_aliases(places, source)
    try:
        result.lexicon  # noqa: B018 -- compile now so bad aliases fail here
    except LexiconError as err:
        refused = (_refusal(where, alias) for entries in places.values() for where, alias in entries)
        raise ActorsError(f"{source}: {next((r for r in refused if r), err)}") from None
    return result


def _state_definition(names: list[str]) -> str:
    return (f"The state of {' / '.join(names)}: its government, ministries, officials, security forces and "
            "institutions, and the country as a party in the news.")


def _alias_places(actors: Actors, table: str) -> dict[str, list[tuple[str, str]]]:
    """The entries of each part of the lexicon (each actor, "generic",
    "ignore") as ``(key path, entry)``: an actor's own aliases, then those of
    its countries (named by the table and country id)."""
    country_of = {normalize_entry(a): c.id for c in actors.countries.values() for a in c.aliases}

    def place(actor: Actor, i: int, alias: str) -> str:
        if i < len(actor.aliases):
            return f"actors.{actor.id}.aliases[{i}]"
        if normalize_entry(alias) in actors.taken:
            return f"actors.{actor.id}.takes[{[normalize_entry(a) for a in actor.takes].index(normalize_entry(alias))}]"
        return f"country {country_of[normalize_entry(alias)]!r} of {table}"

    places = {actor.id: [(place(actor, i, alias), alias) for i, alias in enumerate(actors.aliases[actor.id])]
              for actor in actors.actors.values()}
    places["generic"] = [(f"generic.aliases[{i}]", alias) for i, alias in enumerate(actors.generic)]
    places["ignore"] = [(f"ignore[{i}]", phrase) for i, phrase in enumerate(actors.ignore)]
    return places


def _check_aliases(places: dict[str, list[tuple[str, str]]], source: str) -> None:
    """An alias is listed once and belongs to one actor (or to the generic
    references) only; an ignored phrase is listed once."""
    for parts in ([p for p in places if p != "ignore"], ["ignore"]):
        first: dict[str, tuple[str, str, str]] = {}        # normalised -> (part, key path, as written)
        for part in parts:
            for where, alias in places[part]:
                key = normalize_entry(alias)
                if key not in first:
                    first[key] = (part, where, alias)
                    continue
                owner, where_first, written = first[key]
                if owner == part:
                    raise ActorsError(f"{source}: {where}: {alias!r} is the same as {written!r} ({where_first}) "
                                      "after normalisation (case, hyphens, apostrophes); keep one of them.")
                listed = "generic.aliases" if part == "generic" else f"actors.{part}"
                country = where_first.startswith("country ") or where.startswith("country ")
                hint = (f"; if it names {part if where_first.startswith('country ') else owner!r} in your news, not "
                        "the country, move it from 'aliases:' to 'takes:' of that actor (a capital for a union: "
                        "'takes: [Brussels]')" if country and part != "generic" else "")
                raise ActorsError(f"{source}: {listed}: alias {alias!r} is also an alias of {owner!r} ({where}, "
                                  f"{where_first}); keep it under one of them{hint}.")


def _refusal(where: str, alias: str) -> str | None:
    """Why the lexicon cannot match ``alias`` (at key path ``where``), or None if it can."""
    try:
        Lexicon({"alias": [alias]})
    except LexiconError as err:
        if _LOOSE_APOSTROPHE.search(alias):
            return (f"{where}: {alias!r} cannot be matched: an apostrophe must stand between letters (\"Haftar's\", "
                    "\"Fat'hi\") or end the phrase (\"migrants'\"), so no phrase spans a possessive such as "
                    "\"miners' unions\"; write the words after the apostrophe (\"unions\" matches there) or leave "
                    "it out.")
        return f"{where}: " + str(err).removeprefix("label 'alias': ")
    return None
