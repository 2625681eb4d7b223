"""Import PETRARCH/TABARI actor dictionaries into détente's people-dictionary format.

A PETRARCH actor entry is a name line, ``+`` synonym lines and code lines such as
``[AZEGOV >031031]`` (dated codes: ``>from``, ``<until``, ``from-to``; ``YYMMDD`` or ``YYYYMMDD``).
Each entry becomes one détente entry with aliases and dated roles. What cannot be converted
(codes of countries détente does not know, aliases already taken) is reported as warnings,
never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from detente.errors import InputError
from detente.gold import LEGACY_COUNTRIES
from detente.lexicons import SECTORS
from detente.people import PEOPLE_COLUMNS

CODE_LINE = re.compile(r"\[([^\]]*)\]")
DATE_SPEC = re.compile(r"^(?:>(\d{6,8})|<(\d{6,8})|(\d{6,8})-(\d{6,8}))$")
ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
HEADER = "# Converted from a PETRARCH actor dictionary by `detente dict import-petrarch`.\n"
# Legacy CAMEO country codes and the ISO 3166 code détente uses for them.


@dataclass
class _Entry:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, int]] = field(default_factory=list)  # raw "[...]" contents, line


@dataclass(frozen=True)
class ImportResult:
    """The converted dictionary (a YAML-ready mapping) and one warning per item left out."""

    document: dict[str, Any]
    warnings: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.document["people"])

    def to_yaml(self) -> str:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return HEADER + yaml.dump(self.document, Dumper=dumper, sort_keys=False, allow_unicode=True,
                                  width=100)  # fmt: skip

    def to_tsv(self) -> str:
        """One row per role (the people-dictionary TSV format; loads much faster than YAML)."""
        lines = [HEADER.rstrip("\n"), "\t".join(PEOPLE_COLUMNS)]
        for person in self.document["people"]:
            aliases = "|".join(a for a in person["aliases"] if "|" not in a and "\t" not in a)
            for i, role in enumerate(person["roles"]):
                values = [person["name"], person.get("country", ""), aliases if i == 0 else "",
                          "", role.get("sector", ""), role.get("organisation", ""),
                          role.get("country", ""), str(role.get("from", "")), str(role.get("to", ""))]
                lines.append("\t".join(values))
        return "\n".join(lines) + "\n"

    def write(self, path: Path) -> None:
        """Write as TSV (``.tsv``) or YAML (anything else)."""
        path.write_text(self.to_tsv() if path.suffix == ".tsv" else self.to_yaml(), encoding="utf-8")


def parse_date(text: str) -> date:
    """PETRARCH dates: YYYYMMDD, or YYMMDD with years 00-30 read as 20xx."""
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        yy = int(text[:2])
        return date((2000 if yy <= 30 else 1900) + yy, int(text[2:4]), int(text[4:]))
    raise ValueError(f"bad date {text!r}")


def words_to_name(raw: str) -> str:
    """``HEYDAR_ALIYEV_`` -> ``Heydar Aliyev`` (acronyms with dots or no vowels kept)."""
    out = []
    for word in (w for w in raw.strip().strip("+").split("_") if w):
        if "." in word or not re.search(r"[AEIOUY]", word):
            out.append(word)
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


def _entries(lines: Iterable[str]) -> list[_Entry]:
    entries: list[_Entry] = []
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = CODE_LINE.findall(line)
        text = CODE_LINE.sub("", line).strip()
        if text.startswith("+") and entries:
            entries[-1].aliases.append(words_to_name(text))
        elif text and not line[0].isspace():
            entries.append(_Entry(words_to_name(text), n))
        if codes and entries:
            entries[-1].codes.extend((c.strip(), n) for c in codes)
    return entries


def _role(raw: str, countries: frozenset[str]) -> tuple[dict[str, Any], str | None, str | None] | str:
    """A détente role from ``AZEGOV >031031``, its country and a note on what was dropped; or a
    warning text when the code cannot be used at all."""
    parts = raw.split()
    if not parts:
        return "empty code"
    code, spec, extra = parts[0], (parts[1] if len(parts) > 1 else ""), parts[2:]
    if extra and DATE_SPEC.fullmatch("".join(parts[1:])):  # spaced dates: "< 950601", "a - b"
        spec, extra = "".join(parts[1:]), []
    role: dict[str, Any] = {}
    country, note = None, (f"ignored {' '.join(extra)!r} after the date" if extra else None)
    head = LEGACY_COUNTRIES.get(code[:3], code[:3])
    if head in ORG_PREFIXES and len(code) >= 6:
        role["organisation"], rest = code[:6], code[6:9] if code[6:9] in SECTORS else ""
    elif head in countries:
        country, rest = head, code[3:]
    elif code[:3] in SECTORS and len(code) == 3:
        rest = code
    else:
        return f"unknown country or organisation in code {code!r}"
    if rest[:3] in SECTORS:
        role["sector"] = rest[:3]
    elif rest[:3]:
        if not country:
            return f"unknown sector {rest[:3]!r} in code {code!r}"
        note = f"sector {rest[:3]!r} of {code!r} unknown; coded at country level"
    if spec:
        dates = _dates(spec)
        if isinstance(dates, str):
            return dates
        role.update(dates)
    return role, country, note


def _dates(spec: str) -> dict[str, date] | str:
    m = DATE_SPEC.match(spec)
    if not m:
        return f"malformed date {spec!r}"
    try:
        after, before, lo, hi = (parse_date(g) if g else None for g in m.groups())
    except ValueError as exc:
        return f"malformed date {spec!r}: {exc}"
    start, end = (after or lo), (before or hi)
    if start and end and end < start:
        return f"date range {spec!r} ends before it starts"
    return {k: v for k, v in (("from", start), ("to", end)) if v}


def _convert(entry: _Entry, countries: frozenset[str], where: str,
             warnings: list[str]) -> dict[str, Any] | None:  # fmt: skip
    roles: list[dict[str, Any]] = []
    found: list[str] = []
    for raw, line in entry.codes:
        result = _role(raw, countries)
        if isinstance(result, str):
            warnings.append(f"{where}:{line}: {entry.name}: {result}; role left out")
            continue
        role, country, note = result
        if note:
            warnings.append(f"{where}:{line}: {entry.name}: {note}")
        if country and role.get("organisation") is None:
            found.append(country)
            if found[0] != country:
                role["country"] = country
        roles.append(role)
    if not roles or not (found or any("organisation" in r for r in roles)):
        warnings.append(f"{where}:{entry.line}: {entry.name}: no usable code; entry left out")
        return None
    if all(set(r) <= {"country"} for r in roles):
        warnings.append(f"{where}:{entry.line}: {entry.name}: a bare country name (countries.tsv "
                        "holds country names); entry left out")
        return None
    roles.sort(key=lambda r: "from" not in r and "to" not in r)  # dated roles first
    out: dict[str, Any] = {"name": entry.name}
    if found:
        out["country"] = found[0]
    out["aliases"] = entry.aliases
    out["roles"] = roles
    return out


def import_petrarch(path: Path, countries: frozenset[str]) -> ImportResult:
    """Convert one PETRARCH actor file. Aliases used by an earlier entry are left out (warned)."""
    try:
        text = path.read_text(encoding="utf-8", errors="strict")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), None, f"cannot read PETRARCH dictionary: {exc}") from exc
    warnings: list[str] = []
    people = []
    taken: set[str] = set()
    for entry in _entries(text.splitlines()):
        converted = _convert(entry, countries, str(path), warnings)
        if converted is None:
            continue
        names = [converted["name"], *converted["aliases"]]
        fresh = [a for a in dict.fromkeys(names) if a.lower() not in taken]
        for alias in names:
            if alias.lower() in taken and alias not in fresh:
                warnings.append(f"{path}:{entry.line}: {entry.name}: alias {alias!r} already used; "
                                "left out")
        if not fresh:
            continue
        taken.update(a.lower() for a in fresh)
        converted["name"], converted["aliases"] = fresh[0], fresh[1:]
        people.append(converted)
    if not people:
        raise InputError(str(path), None, "no PETRARCH actor entries found")
    return ImportResult({"version": 1, "people": people}, tuple(warnings))


AGENT_CODE = re.compile(r"\[~?([A-Z]{3,})~?\]")
SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


@dataclass(frozen=True)
class AgentImport:
    """Role nouns converted from a PETRARCH agents file, in détente's ``sectors.tsv`` format."""

    rows: tuple[tuple[str, str], ...]  # (noun, sector)
    warnings: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.rows)

    def to_tsv(self) -> str:
        head = "# Converted from a PETRARCH agents dictionary by `detente dict import-petrarch`.\n"
        return head + "noun\tsector\n" + "".join(f"{n}\t{s}\n" for n, s in self.rows)

    def write(self, path: Path) -> None:
        path.write_text(self.to_tsv(), encoding="utf-8")


def is_agents_file(text: str) -> bool:
    """PETRARCH agent entries carry codes with a ``~`` (``FARMER [~AGR]``)."""
    return "[~" in text or "~]" in text


def _expand(pattern: str, sets: dict[str, list[str]]) -> list[str]:
    for name, members in sets.items():
        if name in pattern:
            return [p for m in members for p in _expand(pattern.replace(name, m, 1), sets)]
    return [pattern]


def import_petrarch_agents(path: Path) -> AgentImport:
    """Convert a PETRARCH agents file: one- and two-word role nouns with their sector."""
    try:
        text = path.read_text(encoding="utf-8", errors="strict")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), None, f"cannot read PETRARCH dictionary: {exc}") from exc
    sets: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    warnings: list[str] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        sub = SUBSTITUTION.match(line)
        if sub:
            sets[sub.group(1)] = [m.strip() for m in sub.group(2).split(",") if m.strip()]
            continue
        code = AGENT_CODE.search(line)
        if not code:
            continue
        sector = code.group(1)[:3]
        pattern = re.sub(r"\{[^}]*\}", "", line[: code.start()]).strip()
        if sector not in SECTORS:
            warnings.append(f"{path}:{n}: {pattern}: agent code {code.group(1)!r} is not a détente "
                            "sector; left out")
            continue
        for expanded in _expand(pattern, sets):
            words = [w for w in re.split(r"[_\s]+", expanded.lower()) if w]
            if not words or len(words) > 2:
                warnings.append(f"{path}:{n}: {expanded}: only one- and two-word role nouns are "
                                "used; left out")
            elif rows.setdefault(" ".join(words), sector) != sector:
                warnings.append(f"{path}:{n}: {' '.join(words)!r} already maps to "
                                f"{rows[' '.join(words)]}; {sector} left out")
    if not rows:
        raise InputError(str(path), None, "no PETRARCH agent entries found")
    return AgentImport(tuple(sorted(rows.items())), tuple(warnings))
