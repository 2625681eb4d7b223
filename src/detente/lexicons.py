"""Loaders for détente's lexicon data files: countries, role sectors and verb patterns.

Each loader reads one plain-text file (TSV or YAML), validates it, and returns an immutable
object. Errors name the file, the line and the problem (:class:`LexiconError`).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import yaml

from detente.errors import ConfigError, LexiconError
from detente.ontology import Ontology

Tokenize = Callable[[str], Sequence[str]]
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 20x faster

SECTORS = frozenset({
    "GOV", "LEG", "MIL", "COP", "JUD", "REB", "SEP", "INS", "OPP", "MED", "CVL", "BUS", "REL",
    "REF", "EDU", "HLH", "LAB", "NGO", "IGO", "SPY", "ELI", "AGR", "CRM", "UAF", "MOD", "RAD",
    "PTY", "HRI", "ENV",
})  # fmt: skip
ORGANISATION_CODE = re.compile(r"(IGO|NGO|IMG|MNC)[A-Z]{3}")


def split_name(tokenize: Tokenize, name: str) -> Sequence[str]:
    """Tokens of a name; plain words separated by single spaces skip the (slower) tokenizer."""
    words = name.split(" ")
    return words if all(w.isalnum() for w in words) else tokenize(name)


def data_text(name: str, path: Path | None) -> tuple[str, str]:
    """Return (text, display name) of a bundled data file, or of ``path`` when given."""
    if path is not None:
        return path.read_text(encoding="utf-8"), str(path)
    return (resources.files("detente") / "data" / name).read_text(encoding="utf-8"), name


def data_digest(files: Sequence[tuple[str, Path | None]]) -> str:
    """Short digest of the data files in use (bundled name, or override path), for versioning."""
    h = hashlib.sha256()
    for name, path in files:
        h.update(data_text(name, path)[0].encode("utf-8"))
    return h.hexdigest()[:8]


def _tsv_rows(text: str, name: str, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1)
                if line.strip() and not line.startswith("#")]  # fmt: skip
    if not numbered:
        raise LexiconError(name, None, "no header row")
    header = numbered[0][1].split("\t")
    if list(header) != list(columns):
        raise LexiconError(name, numbered[0][0], f"expected columns {list(columns)}, got {header}")
    rows = []
    lines = [line for _, line in numbered[1:]]
    parsed = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for lineno, row in zip((n for n, _ in numbered[1:]), parsed, strict=True):
        if len(row) != len(columns):
            raise LexiconError(name, lineno, f"expected {len(columns)} fields, got {len(row)}")
        rows.append((lineno, dict(zip(columns, row, strict=True))))
    return rows


@dataclass(frozen=True)
class NameEntry:
    """One alias of an actor: its tokens as written, and what it resolves to."""

    tokens: tuple[str, ...]
    country: str | None
    sector: str | None
    kind: str  # name, demonym, capital, organisation, group, region, breakaway, ethnic, person, place
    organisation: str | None = None


SUBSTATE_CODINGS = ("dejure", "entity")


@dataclass(frozen=True)
class ActorLexicon:
    """Names of states, organisations, groups and sub-state entities, by lowercased first token."""

    by_first: Mapping[str, tuple[NameEntry, ...]]
    countries: frozenset[str]

    @classmethod
    def load(cls, tokenize: Tokenize, path: Path | None = None, organisations: Path | None = None,
             groups: Path | None = None, substate: Path | None = None,
             substate_coding: str = "dejure", ethnic: Path | None = None) -> ActorLexicon:  # fmt: skip
        """Load the country, organisation, group and sub-state tables (bundled files by default)."""
        if substate_coding not in SUBSTATE_CODINGS:
            raise ConfigError(f"substate_coding must be one of {SUBSTATE_CODINGS}, not {substate_coding!r}")
        index = _AliasIndex(tokenize)
        countries = _load_countries(index, path)
        _load_organisations(index, organisations)
        _load_groups(index, groups, countries)
        _load_substate(index, substate, countries, substate_coding == "entity")
        _load_ethnic(index, ethnic, countries)
        return cls(index.frozen(), countries)


def _load_countries(index: _AliasIndex, path: Path | None) -> frozenset[str]:
    text, name = data_text("countries.tsv", path)
    countries = set()
    for lineno, row in _tsv_rows(text, name, ("iso3", "name", "aliases", "demonyms", "capitals")):
        iso3 = row["iso3"]
        if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
            raise LexiconError(name, lineno, f"bad ISO alpha-3 code {iso3!r}")
        countries.add(iso3)
        for kind, field, sector in (("name", "name", None), ("name", "aliases", None),
                                    ("demonym", "demonyms", None), ("capital", "capitals", "GOV")):
            for alias in _aliases(row[field]):
                index.add(alias, NameEntry((), iso3, sector, kind), iso3, name, lineno)
    return frozenset(countries)


def _load_organisations(index: _AliasIndex, path: Path | None) -> None:
    text, name = data_text("organisations.tsv", path)
    for lineno, row in _tsv_rows(text, name, ("code", "sector", "name", "aliases")):
        code, sector = row["code"], row["sector"] or None
        if not ORGANISATION_CODE.fullmatch(code):
            raise LexiconError(name, lineno, f"bad organisation code {code!r} (IGO/NGO/IMG + 3 letters)")
        if sector is not None and sector not in SECTORS:
            raise LexiconError(name, lineno, f"unknown sector code {sector!r}")
        entry = NameEntry((), None, sector, "organisation", code)
        for alias in _aliases(row["name"] + "|" + row["aliases"]):
            index.add(alias, entry, code + (sector or ""), name, lineno)


def _load_groups(index: _AliasIndex, path: Path | None, countries: frozenset[str]) -> None:
    text, name = data_text("groups.tsv", path)
    for lineno, row in _tsv_rows(text, name, ("country", "sector", "name", "aliases")):
        country, sector = row["country"], row["sector"]
        if country not in countries:
            raise LexiconError(name, lineno, f"unknown country code {country!r}")
        if sector not in SECTORS:
            raise LexiconError(name, lineno, f"unknown sector code {sector!r}")
        entry = NameEntry((), country, sector, "group")
        for alias in _aliases(row["name"] + "|" + row["aliases"]):
            index.add(alias, entry, f"{country}{sector}:{row['name']}", name, lineno)


def _load_ethnic(index: _AliasIndex, path: Path | None, countries: frozenset[str]) -> None:
    text, name = data_text("ethnic.tsv", path)
    for lineno, row in _tsv_rows(text, name, ("name", "aliases", "country")):
        country = row["country"] or None
        if country is not None and country not in countries:
            raise LexiconError(name, lineno, f"unknown country code {country!r}")
        entry = NameEntry((), country, None, "ethnic")
        for alias in _aliases(row["name"] + "|" + row["aliases"]):
            index.add(alias, entry, f"ethnic:{row['name']}", name, lineno)


def _load_substate(index: _AliasIndex, path: Path | None, countries: frozenset[str],
                   as_entity: bool) -> None:  # fmt: skip
    """Breakaway entities are de-jure country + SEP, or their own code when ``as_entity``."""
    text, name = data_text("substate.tsv", path)
    columns = ("code", "country", "kind", "name", "aliases", "capitals")
    for lineno, row in _tsv_rows(text, name, columns):
        code, country, kind = row["code"], row["country"], row["kind"]
        if country not in countries:
            raise LexiconError(name, lineno, f"unknown country code {country!r}")
        if kind not in ("breakaway", "region"):
            raise LexiconError(name, lineno, f"kind must be 'breakaway' or 'region', not {kind!r}")
        if code and (not re.fullmatch(r"[A-Z]{3}", code) or code in countries):
            raise LexiconError(name, lineno, f"bad entity code {code!r} (3 letters, not a country's)")
        if kind == "breakaway" and not code:
            raise LexiconError(name, lineno, "a breakaway entity needs a code")
        if kind == "region":
            named = capital = NameEntry((), country, None, "region")
        elif as_entity:
            named, capital = NameEntry((), code, None, "name"), NameEntry((), code, "GOV", "capital")
        else:
            named = capital = NameEntry((), country, "SEP", "breakaway")
        for alias in _aliases(row["name"] + "|" + row["aliases"]):
            index.add(alias, named, code or row["name"], name, lineno)
        for alias in _aliases(row["capitals"]):
            index.add(alias, capital, code or row["name"], name, lineno)


def _aliases(field: str) -> list[str]:
    return [a.strip() for a in field.split("|") if a.strip()]


class _AliasIndex:
    """Builds the first-token index of aliases, refusing an alias used for two actors."""

    def __init__(self, tokenize: Tokenize) -> None:
        self.tokenize = tokenize
        self.seen: dict[tuple[str, ...], tuple[str, str, int]] = {}
        self.index: dict[str, list[NameEntry]] = {}

    def add(self, alias: str, entry: NameEntry, owner: str, file: str, lineno: int) -> None:
        toks = tuple(split_name(self.tokenize, alias))
        if len(toks) > 1 and toks[0].lower() == "the":  # "the Kremlin" also matches "Kremlin"
            toks = toks[1:]
        key = tuple(t.lower() for t in toks)
        if key in self.seen and self.seen[key][0] != owner:
            other, other_file, other_line = self.seen[key]
            raise LexiconError(file, lineno, f"alias {alias!r} already used for {other} "
                               f"({other_file} line {other_line})")
        self.seen[key] = (owner, file, lineno)
        self.index.setdefault(key[0], []).append(replace(entry, tokens=toks))

    def frozen(self) -> Mapping[str, tuple[NameEntry, ...]]:
        return MappingProxyType({k: tuple(sorted(v, key=lambda e: -len(e.tokens)))
                                 for k, v in self.index.items()})  # fmt: skip


@dataclass(frozen=True)
class SectorLexicon:
    """Role nouns (lemmas) mapped to CAMEO-style sector codes."""

    sectors: Mapping[str, str]

    @classmethod
    def load(cls, path: Path | None = None) -> SectorLexicon:
        text, name = data_text("sectors.tsv", path)
        out: dict[str, str] = {}
        for lineno, row in _tsv_rows(text, name, ("noun", "sector")):
            if row["sector"] not in SECTORS:
                raise LexiconError(name, lineno, f"unknown sector code {row['sector']!r}")
            noun = row["noun"].strip().lower()
            if noun in out and out[noun] != row["sector"]:
                raise LexiconError(name, lineno, f"{noun!r} already maps to {out[noun]}")
            out[noun] = row["sector"]
        return cls(MappingProxyType(out))


@dataclass(frozen=True)
class VerbEntry:
    """A verb pattern: lemma plus optional preposition, particle and object lemmas."""

    verb: str
    code: str
    prep: str | None = None
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    prep_objects: frozenset[str] = frozenset()  # noun lemmas after the prep: "went on *strike*"

    @property
    def specificity(self) -> int:
        return (2 if self.objects or self.prep_objects else 0) + (1 if self.prep else 0) + (
            1 if self.particle else 0)


VERB_KEYS = frozenset({"verb", "code", "prep", "particle", "object", "prep_object"})


@dataclass(frozen=True)
class VerbLexicon:
    """Verb patterns indexed by lemma, most specific first."""

    by_verb: Mapping[str, tuple[VerbEntry, ...]]

    @property
    def entries(self) -> tuple[VerbEntry, ...]:
        return tuple(e for entries in self.by_verb.values() for e in entries)

    @classmethod
    def load(cls, ontology: Ontology, path: Path | None = None) -> VerbLexicon:
        text, name = data_text("verbs.yaml", path)
        index: dict[str, list[VerbEntry]] = {}
        keys: set[tuple[str, str | None, str | None, frozenset[str], frozenset[str]]] = set()
        for line, raw in _yaml_entries(text, name):
            entry = _verb_entry(raw, ontology, name, line)
            key = (entry.verb, entry.prep, entry.particle, entry.objects, entry.prep_objects)
            if key in keys:
                raise LexiconError(name, line, f"duplicate pattern {key[:3]} {sorted(key[3])}")
            keys.add(key)
            index.setdefault(entry.verb, []).append(entry)
        frozen = {k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in index.items()}
        return cls(MappingProxyType(frozen))


def _yaml_entries(text: str, name: str) -> list[tuple[int | None, object]]:
    """The items of the 'entries' list of a lexicon YAML file, each with its line number."""
    try:
        doc = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexiconError(name, mark.line + 1 if mark else None, f"invalid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        raise LexiconError(name, None, "expected a mapping with an 'entries' list")
    lines = _entry_lines(text)
    return [(lines[i] if i < len(lines) else None, raw) for i, raw in enumerate(doc["entries"])]


def _entry_lines(text: str) -> list[int]:
    """Line numbers of the YAML list items under 'entries' (for error messages)."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith("- ")]


def _verb_entry(raw: object, ontology: Ontology, name: str, line: int | None) -> VerbEntry:
    if not isinstance(raw, dict):
        raise LexiconError(name, line, "entry must be a mapping")
    unknown = set(raw) - VERB_KEYS
    if unknown:
        raise LexiconError(name, line, f"unknown keys {sorted(unknown)}")
    verb, code = raw.get("verb"), raw.get("code")
    if not isinstance(verb, str) or not verb:
        raise LexiconError(name, line, "missing 'verb'")
    if not isinstance(code, str) or code not in ontology:
        raise LexiconError(name, line, f"unknown CAMEO code {code!r} (codes must be quoted strings)")
    objects, prep_objects = _lemmas(raw.get("object")), _lemmas(raw.get("prep_object"))
    prep = _opt_lower(raw.get("prep"))
    if prep_objects and not prep:
        raise LexiconError(name, line, "'prep_object' needs a 'prep'")
    return VerbEntry(verb=verb.lower(), code=code, prep=prep, particle=_opt_lower(raw.get("particle")),
                     objects=objects, prep_objects=prep_objects)  # fmt: skip


def _lemmas(value: object) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return frozenset(str(o).lower() for o in items)


def _opt_lower(value: object) -> str | None:
    return str(value).lower() if value else None


NOUN_KEYS = frozenset({"noun", "code", "modifier", "prep"})


def load_nouns(ontology: Ontology, path: Path | None = None) -> VerbLexicon:
    """The event-noun lexicon (``nouns.yaml``), as patterns keyed by noun lemma; an entry's
    ``objects`` are the modifiers one of which must be present ("telephone" conversation)."""
    text, name = data_text("nouns.yaml", path)
    index: dict[str, list[VerbEntry]] = {}
    for line, raw in _yaml_entries(text, name):
        if not isinstance(raw, dict) or set(raw) - NOUN_KEYS or not isinstance(raw.get("noun"), str):
            raise LexiconError(name, line, f"an entry needs 'noun' and 'code' (keys {sorted(NOUN_KEYS)})")
        code = raw.get("code")
        if not isinstance(code, str) or code not in ontology:
            raise LexiconError(name, line, f"unknown CAMEO code {code!r} (codes must be quoted strings)")
        if raw.get("prep") is not None and not isinstance(raw.get("prep"), str):
            raise LexiconError(name, line, f"prep must be a quoted string, not {raw.get('prep')!r}")
        mods = raw.get("modifier") or []
        entry = VerbEntry(raw["noun"].lower(), code, _opt_lower(raw.get("prep")), None,
                          frozenset(m.lower() for m in ([mods] if isinstance(mods, str) else mods)))
        index.setdefault(entry.verb, []).append(entry)
    frozen = {k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in index.items()}
    return VerbLexicon(MappingProxyType(frozen))


def country_names(path: Path | None = None) -> Mapping[str, str]:
    """ISO alpha-3 code -> country name, from the country table (for labels and reports)."""
    text, name = data_text("countries.tsv", path)
    rows = _tsv_rows(text, name, ("iso3", "name", "aliases", "demonyms", "capitals"))
    return MappingProxyType({row["iso3"]: row["name"] for _, row in rows})
