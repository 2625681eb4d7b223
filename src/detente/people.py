"""The people dictionary: named persons with dated roles ("Rouhani" is IRNGOV from 2013 to 2021).

Loaded from TSV or YAML files (the bundled ``people.tsv`` plus any user files); see
``docs/dictionaries.md`` for the format. Outside all of a person's dated roles the person is coded
as their country's elite (``ELI``), the CAMEO convention for former and future office-holders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from detente.errors import LexiconError
from detente.lexicons import (
    ORGANISATION_CODE,
    SAFE_LOADER,
    SECTORS,
    Tokenize,
    _tsv_rows,
    data_text,
    split_name,
)
from detente.model import Actor

PERSON_KEYS = frozenset({"name", "country", "aliases", "roles"})
ROLE_KEYS = frozenset({"title", "sector", "from", "to", "organisation", "country"})
OUT_OF_OFFICE = "ELI"
PEOPLE_COLUMNS = ("name", "country", "aliases", "title", "sector", "organisation", "role_country",
                  "from", "to")  # fmt: skip
ROLE_COLUMNS = (("title", "title"), ("sector", "sector"), ("organisation", "organisation"),
                ("country", "role_country"), ("from", "from"), ("to", "to"))  # fmt: skip


@dataclass(frozen=True)
class Role:
    """One office of a person, valid from ``start`` to ``end`` (inclusive; None = open)."""

    sector: str | None
    start: date | None = None
    end: date | None = None
    title: str | None = None
    organisation: str | None = None
    country: str | None = None  # when the office is in another country than the person's

    def valid_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, other: Role) -> bool:
        lo = max(self.start or date.min, other.start or date.min)
        hi = min(self.end or date.max, other.end or date.max)
        return lo <= hi


@dataclass(frozen=True)
class Person:
    name: str
    country: str | None
    roles: tuple[Role, ...]
    source: str  # "file:line", for messages

    def role_on(self, day: date | None) -> Role | None:
        """The role held on ``day``. When two roles hold (a handover day), the one that started
        last. With no date: the current (open-ended) role, else the most recent one."""
        if day is None:
            current = [r for r in self.roles if r.end is None]
            valid = current or list(self.roles)
        else:
            valid = [r for r in self.roles if r.valid_on(day)]
        return max(valid, key=lambda r: (r.start or date.min, r.end or date.max)) if valid else None

    def actor(self, text: str, day: date | None) -> Actor:
        role = self.role_on(day)
        if role is None:  # out of office: the elite of their country (or of their organisation)
            org = None if self.country else next((r.organisation for r in reversed(self.roles)
                                                  if r.organisation), None)  # fmt: skip
            return Actor(text, self.country, OUT_OF_OFFICE, org)
        return Actor(text, role.country or (None if role.organisation else self.country),
                     role.sector, role.organisation)  # fmt: skip


@dataclass(frozen=True)
class PeopleDictionary:
    """Persons indexed by the lowercased tokens of their names and aliases."""

    by_first: Mapping[str, tuple[tuple[tuple[str, ...], tuple[Person, ...]], ...]]
    people: tuple[Person, ...]

    @classmethod
    def empty(cls) -> PeopleDictionary:
        return cls(MappingProxyType({}), ())

    @classmethod
    def load(cls, tokenize: Tokenize, countries: frozenset[str],
             paths: Sequence[Path | None] = (None,)) -> PeopleDictionary:  # fmt: skip
        """Load the bundled ``people.tsv`` (``None``) and/or user files (TSV or YAML), in order.
        A person (same name and country) defined again in a later file replaces the earlier one."""
        entries: dict[tuple[str, str | None], tuple[Person, list[str]]] = {}
        for path in paths:
            text, name = data_text("people.tsv", path)
            for person, aliases in _read_people(text, name, countries):
                entries[person.name.lower(), person.country] = (person, aliases)  # later files win
        people = [person for person, _ in entries.values()]
        names: dict[tuple[str, ...], list[Person]] = {}
        for person, aliases in entries.values():
            for alias in aliases:
                key = tuple(t.lower() for t in split_name(tokenize, alias))
                _add_alias(names, key, person, alias)
        index: dict[str, list[tuple[tuple[str, ...], tuple[Person, ...]]]] = {}
        for key, owners in names.items():
            index.setdefault(key[0], []).append((key, tuple(owners)))
        frozen = {k: tuple(sorted(v, key=lambda kv: -len(kv[0]))) for k, v in index.items()}
        return cls(MappingProxyType(frozen), tuple(people))

    def match(self, words: Sequence[str]) -> tuple[int, tuple[Person, ...]] | None:
        """Longest name at the start of ``words`` (lowercased): (length, candidate persons)."""
        for key, owners in self.by_first.get(words[0], ()) if words else ():
            if tuple(words[: len(key)]) == key:
                return len(key), owners
        return None

    @staticmethod
    def choose(owners: Iterable[Person], day: date | None) -> Person | None:
        """The one person a shared alias means on ``day``, or None when it stays ambiguous."""
        owners = tuple(owners)
        if len(owners) == 1:
            return owners[0]
        serving = [p for p in owners if p.role_on(day) is not None]
        if day is not None and len(serving) == 1:
            return serving[0]
        if len({p.country for p in owners}) == 1:  # "Bush": the country is certain either way
            return max(owners, key=lambda p: max(r.start or date.min for r in p.roles))
        return None


@dataclass(frozen=True)
class _At:
    file: str
    line: int | None

    def error(self, problem: str) -> LexiconError:
        return LexiconError(self.file, self.line, problem)


def _add_alias(names: dict[tuple[str, ...], list[Person]], key: tuple[str, ...], person: Person,
               alias: str) -> None:  # fmt: skip
    owners = names.setdefault(key, [])
    if person in owners:
        return
    for other in owners:
        if other.name == person.name and other.country == person.country:
            continue
        if any(a.overlaps(b) for a in person.roles for b in other.roles):
            file, line = person.source.rsplit(":", 1)
            raise LexiconError(file, int(line), f"alias {alias!r} of {person.name} is also used for "
                               f"{other.name} ({other.source}) in an overlapping period")
    owners.append(person)


class _Loader(SAFE_LOADER):  # type: ignore[misc,valid-type]
    """Safe loader that keeps dates as text, so that a malformed date is reported by the
    validator with its file and line."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _load_yaml(text: str, name: str) -> list[tuple[int | None, object]]:
    """The 'people' list of a YAML file, each item with the line it starts on."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        doc = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexiconError(name, mark.line + 1 if mark else None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    if not isinstance(doc, dict) or not isinstance(doc.get("people"), list):
        raise LexiconError(name, None, "expected a mapping with a 'people' list")
    if doc.get("version") != 1:
        raise LexiconError(name, None, f"unsupported version {doc.get('version')!r} (expected 1)")
    items = next(v.value for k, v in node.value if k.value == "people")
    return [(item.start_mark.line + 1, raw) for item, raw in zip(items, doc["people"], strict=True)]


def _read_people(text: str, name: str, countries: frozenset[str]) -> list[tuple[Person, list[str]]]:
    if name.endswith(".tsv"):
        numbered: list[tuple[int | None, object]] = list(_tsv_people(text, name))
    else:
        numbered = _load_yaml(text, name)
    return [_person(raw, name, line, countries) for line, raw in numbered]


def _tsv_people(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
    """People from TSV: one row per role; consecutive rows with the same name and country are one
    person (aliases may be spread over its rows)."""
    out: list[tuple[int, dict[str, Any]]] = []
    last: tuple[str, str] | None = None
    for lineno, row in _tsv_rows(text, name, PEOPLE_COLUMNS):
        key = (row["name"], row["country"])
        if key != last:
            out.append((lineno, {"name": row["name"], "country": row["country"] or None,
                                 "aliases": [], "roles": []}))  # fmt: skip
            last = key
        person = out[-1][1]
        person["aliases"].extend(a.strip() for a in row["aliases"].split("|") if a.strip())
        person["roles"].append({k: row[c] for k, c in ROLE_COLUMNS if row[c]})
    return out


def _person(raw: object, name: str, line: int | None,
            countries: frozenset[str]) -> tuple[Person, list[str]]:
    fail = _At(name, line).error
    if not isinstance(raw, dict):
        raise fail("person must be a mapping")
    if set(raw) - PERSON_KEYS:
        raise fail(f"unknown keys {sorted(set(raw) - PERSON_KEYS)}")
    full = raw.get("name")
    if not isinstance(full, str) or not full.strip():
        raise fail("missing 'name'")
    country = raw.get("country")
    if country is not None and country not in countries:
        raise fail(f"{full}: unknown country code {country!r}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail(f"{full}: 'aliases' must be a list of names")
    roles = raw.get("roles")
    if not isinstance(roles, list) or not roles:
        raise fail(f"{full}: 'roles' must be a non-empty list")
    parsed = tuple(_role(r, full, fail, countries) for r in roles)
    if country is None and not all(r.organisation or r.country for r in parsed):
        raise fail(f"{full}: needs a 'country' (or a country or organisation on every role)")
    person = Person(full.strip(), country, parsed, f"{name}:{line}")
    return person, [full.strip(), *(a.strip() for a in aliases)]


def _role(raw: object, who: str, fail: Callable[[str], LexiconError],
          countries: frozenset[str]) -> Role:
    if not isinstance(raw, dict) or set(raw) - ROLE_KEYS:
        raise fail(f"{who}: a role must be a mapping with keys among {sorted(ROLE_KEYS)}")
    sector = raw.get("sector")
    if sector is not None and sector not in SECTORS:
        raise fail(f"{who}: unknown sector code {sector!r}")
    org = raw.get("organisation")
    if org is not None and not ORGANISATION_CODE.fullmatch(str(org)):
        raise fail(f"{who}: unknown organisation code {org!r}")
    country = raw.get("country")
    if country is not None and country not in countries:
        raise fail(f"{who}: unknown country code {country!r}")
    start, end = _date(raw.get("from"), who, fail), _date(raw.get("to"), who, fail)
    if start and end and end < start:
        raise fail(f"{who}: role ends ({end}) before it starts ({start})")
    title = raw.get("title")
    return Role(sector, start, end, str(title) if title else None, org, country)


def _date(value: object, who: str, fail: Callable[[str], LexiconError]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise fail(f"{who}: malformed date {value!r} (expected YYYY-MM-DD)")
