"""The codebook for a paper's appendix: frames, naming labels, actors, generic
references and the cues of responsibility attribution, rendered from the
resources actually used (their files and versions are stamped at the top).

``python -m analysis codebook OUT.md`` writes the shipped one (``make codebook``).

>>> codebook_markdown().splitlines()[0]
'# Codebook'
"""

from __future__ import annotations

from ..evaluation.sheets import resource_version
from ..resources.actors import Actors
from ..resources.codebook import Codebook
from ..resources.cues import Cues


def codebook_markdown(*, codebook=None, actors=None, cues=None) -> str:
    """The codebook as Markdown: frames (definitions, what counts, examples,
    dictionary entries), naming labels, actors (definitions, aliases, the
    countries they stand for), the rule for generic references, and the cues
    of responsibility attribution, with the resources' files and versions.

    Parameters
    ----------
    codebook : Codebook, path or mapping, optional
        The frames and naming labels (default the shipped codebook).
    actors : Actors, path or mapping, optional
        The actors and the rule for generic references. Default: the shipped
        actors without ``codebook``; with it, no actors section (your codebook
        gets no migration actors unless you pass them).
    cues : Cues, path or mapping, optional
        The cues of responsibility attribution; default as for ``actors``.

    Returns
    -------
    str
        The Markdown text: a "# Codebook" title, a line of the versions of
        the resources shown, then a section each for frames, actors and
        responsibility attributions (those shown); it ends with a newline.

    Examples
    --------
    >>> greens = {"actors": {"greens": {"definition": "Green parties.", "aliases": ["Greens"]}}}
    >>> "### `greens`" in codebook_markdown(actors=greens)
    True
    """
    shipped = codebook is None
    book = Codebook.load(codebook)
    people = Actors.load(actors) if actors is not None or shipped else None
    said = Cues.load(cues) if cues is not None or shipped else None
    shown = [resource for resource in (book, people, said) if resource is not None]
    parts = ["# Codebook", "", f"Versions: {'; '.join(map(resource_version, shown))}.", "", *_frames_markdown(book),
             *(_actors_markdown(people) if people is not None else []),
             *(_cues_markdown(said) if said is not None else [])]
    return "\n".join(parts).rstrip() + "\n"


def _flat(text) -> str:
    return " ".join(str(text).split())


def _frames_markdown(book: Codebook) -> list[str]:
    lines = ["## Frames", "", "A sentence can carry several frames. Dictionary entries match whole words, "
             "case-insensitively; `*` matches any ending.", ""]
    if book.about.get("overlaps"):
        lines += [f"How the frames overlap: {_flat(book.about['overlaps'])}", ""]
    for entry in book.frames:
        lines += [f"### `{entry['id']}`" + (f": {entry['label']}" if entry.get("label") else ""), ""]
        for key, value in entry.items():
            if key in ("id", "label", "entries", "examples") or value in (None, "", ()):
                continue
            title = key.replace("_", " ").capitalize()
            if isinstance(value, tuple):
                lines += [f"{title}:", "", *[f"- {_flat(v)}" for v in value], ""]
            else:
                lines += [f"{title}: {_flat(value)}", ""]
        if entry.get("examples"):
            lines += ["Examples:", "", *[f"> {_flat(e)}\n" for e in entry["examples"]]]
        lines += [f"Dictionary entries: {_entries_text(entry['entries'])}.", ""]
    if book.naming:
        lines += ["## Naming of people on the move", "", "Which label a sentence uses for people on the move "
                  "(kind: people) or for their movement (kind: phenomenon); the longest label at a place wins.", "",
                  "| id | label | kind | entries |", "|---|---|---|---|"]
        lines += [f"| `{n['id']}` | {n.get('label', '')} | {n.get('kind', '')} | {_words(n['entries'])} |"
                  for n in book.naming]
        lines.append("")
    return lines


def _entries_text(entries) -> str:
    """Dictionary entries as text, with a weight other than 1 and a note in brackets."""
    shown = []
    for e in entries:
        extra = "; ".join([f"weight {e['weight']}"] * (e["weight"] != 1) + [_flat(e["note"])] * bool(e["note"]))
        shown.append(f"`{e['entry']}`" + (f" ({extra})" if extra else ""))
    return ", ".join(shown).replace("|", "\\|")


def _words(items) -> str:
    return ", ".join(f"`{item}`".replace("|", "\\|") for item in items)


def _actors_markdown(actors: Actors) -> list[str]:
    lines = ["## Actors", "",
             "Who speaks and who is held responsible. Aliases are matched case-insensitively on whole "
             "words (an alias in capitals only, such as `US`, only in capitals); `*` matches any ending; "
             "the longest match wins.", ""]
    own_country = [a for a in actors.actors.values() if a.countries and not a.aliases and len(a.countries) == 1
                   and a.id == a.countries[0]]
    for actor in actors.actors.values():
        if actor in own_country:
            continue
        lines += [f"### `{actor.id}`", "", _flat(actor.definition), ""]
        if actor.aliases:
            lines += [f"Aliases: {_words(actor.aliases)}.", ""]
        if actor.countries:
            names = [actors.countries[c].name for c in actor.countries]
            lines += [f"States (with their names, demonyms and capitals from the country table): "
                      f"{', '.join(names)}.", ""]
    if own_country:
        lines += ["### States", "", f"Each of these {len(own_country)} states is an actor of its own, named by the "
                  "names, demonyms and capitals of the country table (id in brackets): "
                  + ", ".join(f"{actors.countries[a.countries[0]].name} (`{a.id}`)" for a in own_country) + ".", ""]
    if actors.generic:
        context = ("resolved in their document: a mention right before them or after \"of\" qualifies them "
                   "(\"the Italian government\", \"the government of Mexico\"); otherwise the most recent "
                   "earlier mention with the same last word (\"the army\" after \"the eastern-based army\"); "
                   "otherwise ")
        rule = {"article": context + "the state with the most votes of the article: log(1 + its mentions), one more "
                                     "for the state named right before (halved every 600 characters back), one "
                                     "more for the state of the dateline",
                "nearest": context + "the nearest preceding mention of a state",
                "unresolved": "never resolved"}.get(actors.resolve, f"always {actors.resolve.removeprefix('actor:')}")
        lines += ["### Generic references", "",
                  f"References to a state's institutions that do not say which state: {rule}; where none of "
                  f"this applies, `{actors.unresolved}`. Words: {_words(actors.generic)}.", ""]
    if actors.people_nouns:
        lines += [f"A state's name, demonym or capital followed by {_words(actors.people_nouns)} names people, not "
                  "their state; so does one after \"non-\", \"anti-\" or \"pro-\".", ""]
    return lines


def _cues_markdown(cues: Cues) -> list[str]:
    data = cues.data
    lines = ["## Responsibility attributions", "",
             "Each attribution records who is held responsible (actor), the kind of responsibility and "
             "its polarity, with the cue that carries it.", "", "| field | value | definition |", "|---|---|---|"]
    for field, key in (("kind", "kinds"), ("polarity", "polarities")):
        lines += [f"| {field} | `{value}` | {_flat(text)} |" for value, text in data[key].items()]
    lines += ["", "### Cues", "", "| rule | cues | kind | polarity | actor held responsible |", "|---|---|---|---|---|"]
    position = {"subject": "subject before the cue", "object": "first actor after the cue",
                "objects": "every actor after the cue", "speaker": "the speaker"}
    for rule in cues.rules.values():
        negatable = " (a negator before the cue flips the polarity)" if rule.get("negatable") else ""
        not_after = f" (not right after {_words(rule['not_after'])})" if rule.get("not_after") else ""
        needs = (f" (only with {_words(rule['needs_object'])} or a wrongdoing after it, or a pronoun)"
                 if rule.get("needs_object") else "")
        passive = " (not before a passive)" if rule.get("not_passive") else ""
        speaker = "; the subject is the speaker" if rule.get("speaker") == "subject" else ""
        where = position[rule["actor"]] + (", right before it" if rule.get("adjacent") else "")
        if rule.get("passive_subject"):
            where += "; after a passive auxiliary the subject, and the agent after 'by' speaks"
        lines.append(f"| {rule['id']} | {_words(rule['cues'])}{not_after}{needs}{passive} | {rule['kind']} | "
                     f"{rule['polarity']}{negatable} | {where}{speaker} |")
    cf = data["counterfactual"]
    lines += ["", "Counterfactuals: a condition (" + _words(cf["condition"]) + ") with a negation ("
              + _words(cf["negation"]) + ") followed by " + _words(cf["consequence"])
              + " makes the condition's actor a cause (causal, assign); the consequence's actor is assigned "
              "too when its clause names a wrongdoing (" + _words(cf["wrongdoing"]) + ")."]
    lines += ["", "### Speech cues", "", "Quotes and reported statements are attributed to a speaker through: "
              + _words(data["speech"]) + "."]
    return lines + [""]
