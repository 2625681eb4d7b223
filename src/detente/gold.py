"""Loaders for the public event-coding gold sets, into one common record (:class:`GoldSentence`).

Formats: the PLOVER gold standard records (JSON list), PETRARCH validation records (XML-like),
the ConfliBERT CAMEO sentence classes (TSV) and the ConfliBERT source/target spans (CoNLL).
Actor codes are kept at country level: the first three letters of the gold code (an ISO country,
or IGO/NGO/IMG...). Unreadable or malformed input raises :class:`InputError` naming the file.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from detente.errors import InputError
from detente.lexicons import data_text
from detente.ontology import PLOVER_TYPES, Ontology

PLOVER_SET = "plover-gsr"
PETRARCH_SET = "petrarch"
CLASS_SET = "conflibert-class"
NER_SET = "conflibert-ner"
EVENT_SETS = frozenset({PLOVER_SET, PETRARCH_SET})  # sets whose gold lists every event of a sentence

# PLOVER 0.5 type names of the gold records -> current PLOVER types
PLOVER_RENAMES: Mapping[str, str] = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"})
PLOVER_PLACEHOLDER_DATE = "2000-01-01"  # every PLOVER gold record carries it: not a real date
NER_ROLES = ("S", "T", "R")  # source, target, reciprocal (both)


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: country-level source and target codes, CAMEO code and PLOVER type."""

    source: str | None
    target: str | None
    cameo: str | None
    plover: str | None


@dataclass(frozen=True)
class GoldSpan:
    """An annotated actor span: role "S" (source), "T" (target) or "R" (reciprocal)."""

    role: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence and whatever its set annotates: events, a class (0-4) or actor spans."""

    id: str
    text: str
    day: date | None
    events: tuple[GoldEvent, ...]
    cls: int | None
    spans: tuple[GoldSpan, ...]
    source_set: str

    @property
    def eventless(self) -> bool | None:
        """True when the gold says nothing happened (an event-coded record without events), False
        when it says something did (every ConfliBERT class, 0 = make statement, is an event), None
        when the set does not tell (actor spans)."""
        if self.cls is not None:
            return False
        if self.source_set in EVENT_SETS:
            return not self.events
        return None


# Country codes of the KEDS/TABARI era that older CAMEO-coded data (the PLOVER gold records, the
# PETRARCH validation dictionaries, Phoenix) still uses, with their ISO 3166 alpha-3 equivalents.
LEGACY_COUNTRIES = MappingProxyType({
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD",
})  # fmt: skip
# Sector codes of the same era: civilians (CIV) and journalists (JRN) are CAMEO's CVL and MED.
LEGACY_SECTORS = MappingProxyType({"CIV": "CVL", "JRN": "MED"})


def country_code(code: object) -> str | None:
    """Country-level part of a gold actor code: its first three letters (None for "---" etc.),
    legacy codes mapped to ISO ("JAP" -> "JPN")."""
    head = str(code or "").strip()[:3].upper()
    return LEGACY_COUNTRIES.get(head, head) if re.fullmatch(r"[A-Z]{3}", head) else None


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), None, f"cannot read {what}: {exc}") from exc


def _line_at(text: str, pos: int) -> int:
    return text.count("\n", 0, max(pos, 0)) + 1


# ---------------------------------------------------------------- PLOVER gold standard records


def load_plover(path: Path) -> list[GoldSentence]:
    """The PLOVER gold records (JSON list); the "DOCUMENT" record is skipped."""
    text = _read(path, "PLOVER gold records")
    try:
        records = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        raise InputError(str(path), line, f"invalid JSON: {exc}") from None
    if not isinstance(records, list):
        raise InputError(str(path), 1, "expected a JSON list of records")
    out = []
    for n, record in enumerate(records):
        if isinstance(record, dict) and record.get("event") == "DOCUMENT":
            continue
        out.append(_plover_record(record, n, text, path))
    return out


def _plover_record(record: object, n: int, text: str, path: Path) -> GoldSentence:
    if not isinstance(record, dict):
        raise InputError(str(path), None, f"record {n} is not an object")
    rid = str(record.get("id") or f"record-{n}")
    line = _line_at(text, text.find(json.dumps(rid))) if "id" in record else None
    sentence, event = record.get("text"), record.get("event")
    if not isinstance(sentence, str) or not sentence.strip():
        raise InputError(str(path), line, f"record {rid}: missing text")
    if not isinstance(event, str):
        raise InputError(str(path), line, f"record {rid}: missing event type")
    ptype = PLOVER_RENAMES.get(event, event)
    if ptype not in PLOVER_TYPES:
        raise InputError(str(path), line, f"record {rid}: unknown PLOVER type {event!r}")
    sources = _plover_codes(record.get("source"))
    targets = _plover_codes(record.get("target"))
    events = tuple(GoldEvent(s, t, None, ptype) for s in sources for t in targets)
    day = record.get("date")
    parsed = None if day in (None, "", PLOVER_PLACEHOLDER_DATE) else _iso_day(day, path, line)
    return GoldSentence(rid, sentence.strip(), parsed, events, None, (), PLOVER_SET)


def _plover_codes(actors: object) -> list[str | None]:
    """Country-level codes of a source/target list; [None] when absent, "" or not a list."""
    if not isinstance(actors, list):
        return [None]
    codes = [country_code(a.get("code")) for a in actors if isinstance(a, dict)]
    return codes or [None]


def _iso_day(value: object, path: Path, line: int | None) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(str(path), line, f"bad date {value!r}") from None


# ---------------------------------------------------------------- PETRARCH validation records

SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence\s*>", re.DOTALL)
OPENING = re.compile(r"<Sentence\b")
EVENT_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _attributes(raw: str) -> dict[str, str]:
    return {m[1].lower(): html.unescape(m[2] if m[2] is not None else m[3]) for m in ATTRIBUTE.finditer(raw)}


def _blank_comments(text: str) -> str:
    """Comments replaced by their newlines only, so line numbers stay right."""
    return COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def load_petrarch(path: Path) -> list[GoldSentence]:
    """PETRARCH validation records: ``<Sentence ... evaluate=..>`` blocks with ``<EventCoding>``
    and ``<Text>``. Records marked evaluate="false", and those expecting an input error
    (``<EventCoding error=..>``: discards, datelines, bad parses), are skipped. CAMEO codes are
    kept as written; the PLOVER type comes from détente's CAMEO->PLOVER table when it knows
    the code. Compound codes ("ELR/GAL") give one event per (source, target) pair."""
    text = _blank_comments(_read(path, "PETRARCH records"))
    ontology = Ontology.load()
    out: list[GoldSentence] = []
    starts = set()
    for m in SENTENCE.finditer(text):
        starts.add(m.start())
        record = _petrarch_record(m, text, path, ontology)
        if record is not None:
            out.append(record)
    for m in OPENING.finditer(text):
        if m.start() not in starts:
            raise InputError(str(path), _line_at(text, m.start()), "<Sentence> record without </Sentence>")
    if not starts:
        raise InputError(str(path), None, "no <Sentence> records")
    return out


def _petrarch_record(m: re.Match[str], text: str, path: Path, ontology: Ontology) -> GoldSentence | None:
    line = _line_at(text, m.start())
    attrs, body = _attributes(m[1]), m[2]
    if attrs.get("evaluate", "true").lower() == "false":
        return None
    codings = [_attributes(c[1]) for c in EVENT_CODING.finditer(body)]
    if any("error" in c for c in codings):
        return None
    if not attrs.get("id"):
        raise InputError(str(path), line, "<Sentence> without an id")
    found = TEXT.search(body)
    if found is None:
        raise InputError(str(path), line, f"record {attrs['id']}: no <Text>")
    events = tuple(e for c in codings if "eventcode" in c for e in _petrarch_events(c, ontology))
    day = _petrarch_day(attrs.get("date"), path, line)
    sentence = " ".join(html.unescape(found[1]).split())
    return GoldSentence(attrs["id"], sentence, day, events, None, (), PETRARCH_SET)


def _petrarch_events(coding: Mapping[str, str], ontology: Ontology) -> Iterator[GoldEvent]:
    cameo = coding["eventcode"].strip() or None
    plover = ontology[cameo].plover.type if cameo is not None and cameo in ontology else None
    for source in _compound(coding.get("sourcecode", "")):
        for target in _compound(coding.get("targetcode", "")):
            yield GoldEvent(source, target, cameo, plover)


def _compound(code: str) -> list[str | None]:
    """"ELR/GAL" -> [ELR, GAL]; a quoted text, "---" or an empty code -> [None]."""
    if code.startswith('"'):
        return [None]
    parts = [country_code(p) for p in code.split("/")]
    return parts if len(parts) > 1 else [parts[0]]


def _petrarch_day(value: str | None, path: Path, line: int) -> date | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{8}", value.strip()):
        raise InputError(str(path), line, f"bad date {value!r} (expected YYYYMMDD)")
    v = value.strip()
    try:
        return date(int(v[:4]), int(v[4:6]), int(v[6:]))
    except ValueError:
        raise InputError(str(path), line, f"bad date {value!r}") from None


# ---------------------------------------------------------------- PETRARCH validation dictionary

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")


def petrarch_countries_tsv(actor_file: Path, *, bundled: bool = True) -> str:
    """détente countries.tsv text from the country-level entries of a PETRARCH validation actor
    dictionary: a name line with its ``+`` synonyms and one undated ``[XXX]`` code of three
    capital letters. Entries sharing a code are merged; an entry with a name or synonym already
    used (case-insensitively) by an earlier one is skipped.

    With ``bundled`` (the default) the entries are merged into détente's own country table, and
    names used by its other bundled tables count as used, so that ``Config(countries=path)``
    builds a coder: a known code (ERI) gains the entry's names as aliases."""
    rows: dict[str, list[str]] = {}
    used: set[str] = set()
    blocked: set[str] = set()
    if bundled:
        rows, used, blocked = _bundled_tables()
    for names, codes in _dictionary_entries(_read(actor_file, "PETRARCH actor dictionary")):
        if len(codes) != 1 or not re.fullmatch(r"[A-Z]{3}", codes[0]) or codes[0] in blocked:
            continue
        code = LEGACY_COUNTRIES.get(codes[0], codes[0])
        words = list(dict.fromkeys(w for w in (_petrarch_name(n) for n in names) if w))
        keys = {_alias_key(w) for w in words}
        if not words or keys & used:
            continue
        used |= keys
        if code in rows:
            row = rows[code]
            row[2] = "|".join(a for a in (row[2], *words) if a)
        else:
            rows[code] = [code, words[0], "|".join(words[1:]), "", ""]
    lines = ["\t".join(COUNTRY_COLUMNS)] + ["\t".join(row) for row in rows.values()]
    return "\n".join(lines) + "\n"


COUNTRY_COLUMNS = ("iso3", "name", "aliases", "demonyms", "capitals")
NAME_COLUMNS = ("name", "aliases", "demonyms", "capitals")
BUNDLED_TABLES = ("organisations.tsv", "groups.tsv", "substate.tsv", "ethnic.tsv")


def _alias_key(alias: str) -> str:
    key = " ".join(alias.lower().split())
    return key[4:] if key.startswith("the ") else key


def _bundled_tables() -> tuple[dict[str, list[str]], set[str], set[str]]:
    """détente's country rows by code, every name its bundled actor tables use, and the codes
    of its sub-state entities (which must not become country codes)."""
    rows: dict[str, list[str]] = {}
    used: set[str] = set()
    blocked: set[str] = set()
    for table in ("countries.tsv", *BUNDLED_TABLES):
        for row in _plain_tsv(data_text(table, None)[0]):
            used |= {_alias_key(a) for col in NAME_COLUMNS for a in row.get(col, "").split("|") if a.strip()}
            if table == "countries.tsv":
                rows[row["iso3"]] = [row[c] for c in COUNTRY_COLUMNS]
            elif table == "substate.tsv" and row.get("code"):
                blocked.add(row["code"])
    return rows, used, blocked


def _plain_tsv(text: str) -> Iterator[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t") if lines else []
    for line in lines[1:]:
        yield dict(zip(header, line.split("\t"), strict=False))


def _dictionary_entries(text: str) -> Iterator[tuple[list[str], list[str]]]:
    """(names, code blocks) of each entry: a name line, then ``+`` synonym and code lines."""
    names: list[str] = []
    codes: list[str] = []
    for raw in _blank_comments(text).splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        found = [c.strip() for c in CODE_BLOCK.findall(line)]
        bare = CODE_BLOCK.sub("", line).strip()
        if line[0].isspace() and not bare:
            codes.extend(found)  # indented code line of the current entry
        elif bare.startswith("+"):
            names.append(bare[1:].strip())
        else:
            if names:
                yield names, codes
            names, codes = [bare], found
    if names:
        yield names, codes


SMALL_WORDS = frozenset({"of", "the", "and", "for"})


def _petrarch_name(name: str) -> str:
    """PETRARCH ``NORTH_KOREA_`` -> "North Korea"; abbreviations ("U.S.") are kept as written."""
    words = [w for w in re.split(r"[_\s]+", name) if w]
    out = []
    for i, word in enumerate(words):
        if "." in word or any(ch.isdigit() for ch in word) or (len(word) <= 3 and word.isupper()
                                                                and word.lower() not in SMALL_WORDS):
            out.append(word)  # abbreviations: U.S., UN, IMF
        elif i and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


# ---------------------------------------------------------------- ConfliBERT


def load_conflibert_class(path: Path) -> list[GoldSentence]:
    """ConfliBERT CAMEO sentence classes ("PentaClass"): "sentence<TAB>class" lines, class 0
    (make statement, CAMEO root 01), then 1-4 (the quad classes: verbal and material cooperation,
    verbal and material conflict)."""
    out = []
    for lineno, line in enumerate(_read(path, "ConfliBERT class file").splitlines(), 1):
        if not line.strip():
            continue
        sentence, sep, label = line.rstrip("\r").rpartition("\t")
        if not sep or not sentence.strip():
            raise InputError(str(path), lineno, "expected 'sentence<TAB>class'")
        if label.strip() not in ("0", "1", "2", "3", "4"):
            raise InputError(str(path), lineno, f"class must be 0-4, not {label.strip()!r}")
        out.append(GoldSentence(f"{CLASS_SET}-{lineno}", sentence.strip(), None, (),
                                int(label), (), CLASS_SET))  # fmt: skip
    return out


def load_conflibert_ner(path: Path) -> list[GoldSentence]:
    """ConfliBERT actor spans in CoNLL form ("token TAG" lines, a blank line between sentences;
    tags O, B-/I- S, T or R). The text is the tokens joined by single spaces."""
    out: list[GoldSentence] = []
    block: list[tuple[int, str, str]] = []
    lines = _read(path, "ConfliBERT NER file").splitlines()
    for lineno, line in enumerate([*lines, ""], 1):
        if line.strip():
            fields = line.split()
            if len(fields) != 2:
                raise InputError(str(path), lineno, f"expected 'token TAG', got {line.strip()!r}")
            block.append((lineno, fields[0], fields[1]))
        elif block:
            out.append(_ner_sentence(block, len(out) + 1, path))
            block = []
    return out


def _ner_sentence(block: list[tuple[int, str, str]], n: int, path: Path) -> GoldSentence:
    tokens: list[tuple[int, int]] = []
    spans: list[GoldSpan] = []
    open_span: tuple[str, int] | None = None  # role and start of the span being read
    pos = 0
    for lineno, token, tag in block:
        if tag != "O" and (tag[:2] not in ("B-", "I-") or tag[2:] not in NER_ROLES):
            raise InputError(str(path), lineno, f"unknown tag {tag!r}")
        continues = open_span is not None and tag == f"I-{open_span[0]}"
        if open_span is not None and not continues:
            spans.append(_span(open_span, tokens[-1][1]))
            open_span = None
        if tag != "O" and not continues:
            open_span = (tag[2:], pos)  # B-X, or an I-X that starts a span (lenient)
        tokens.append((pos, pos + len(token)))
        pos += len(token) + 1
    if open_span is not None:
        spans.append(_span(open_span, tokens[-1][1]))
    text = " ".join(token for _, token, _ in block)
    spans = [GoldSpan(s.role, s.start, s.end, text[s.start:s.end]) for s in spans]
    return GoldSentence(f"{NER_SET}-{n}", text, None, (), None, tuple(spans), NER_SET)


def _span(open_span: tuple[str, int], end: int) -> GoldSpan:
    return GoldSpan(open_span[0], open_span[1], end, "")
