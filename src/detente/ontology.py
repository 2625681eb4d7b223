"""CAMEO codes, Goldstein scores, quad classes and the CAMEO->PLOVER mapping, loaded from data."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from detente.errors import LexiconError
from detente.model import Plover, QuadClass

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def quad_class_of(root: str) -> QuadClass:
    """GDELT ranges: 01-05 verbal coop, 06-09 material coop, 10-14 verbal conflict, 15-20 material."""
    n = int(root)
    if 1 <= n <= 5:
        return QuadClass.VERBAL_COOPERATION
    if 6 <= n <= 9:
        return QuadClass.MATERIAL_COOPERATION
    if 10 <= n <= 14:
        return QuadClass.VERBAL_CONFLICT
    if 15 <= n <= 20:
        return QuadClass.MATERIAL_CONFLICT
    raise ValueError(f"not a CAMEO root: {root!r}")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: Plover

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> QuadClass:
        return quad_class_of(self.root)


@dataclass(frozen=True)
class Ontology:
    """Immutable CAMEO code table."""

    codes: Mapping[str, CameoCode]

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    @classmethod
    def load(cls, path: Path | None = None) -> Ontology:
        """Load the table shipped with détente, or another file of the same format."""
        if path is None:
            ref = resources.files("detente") / "data" / "cameo.tsv"
            return cls._parse(ref.read_text(encoding="utf-8"), "cameo.tsv")
        return cls._parse(path.read_text(encoding="utf-8"), str(path))

    @classmethod
    def _parse(cls, text: str, name: str) -> Ontology:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")]
        reader = csv.DictReader((line for _, line in lines), delimiter="\t")
        codes: dict[str, CameoCode] = {}
        for (lineno, _), row in zip(lines[1:], reader, strict=False):
            codes[row["code"]] = _parse_row(row, name, lineno)
        return cls(MappingProxyType(codes))


def _parse_row(row: dict[str, str], name: str, lineno: int) -> CameoCode:
    code = row.get("code") or ""
    if not code.isdigit() or len(code) not in (2, 3, 4) or not 1 <= int(code[:2]) <= 20:
        raise LexiconError(name, lineno, f"bad CAMEO code {code!r}")
    try:
        goldstein = float(row["goldstein"])
    except (TypeError, ValueError):
        raise LexiconError(name, lineno, f"bad Goldstein score {row.get('goldstein')!r}") from None
    ptype = row.get("plover_type") or None
    if ptype is not None and ptype not in PLOVER_TYPES:
        raise LexiconError(name, lineno, f"unknown PLOVER type {ptype!r}")
    plover = Plover(ptype, row.get("plover_mode") or None, row.get("plover_context") or None)
    return CameoCode(code, row.get("name") or "", goldstein, plover)
