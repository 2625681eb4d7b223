"""Regenerate src/detente/data/cameo.tsv from the GDELT CAMEO tables and the CAMEO->PLOVER table.

Usage: python scripts/build_cameo_table.py ../shared/ontology > src/detente/data/cameo.tsv

The output is a table of facts (codes, names, Goldstein scores, PLOVER mappings) with a credit line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def read_tsv(path: Path) -> dict[str, str]:
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return {code: value for code, value in (r.split("\t", 1) for r in rows if r.strip())}


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        body = m.group(2).split("#", 1)[0]
        parts = [p.strip() for p in body.split(",")]
        ptype = parts[0]
        mode = parts[1] if len(parts) > 1 else ""
        context = parts[2].replace(" ", "") if len(parts) > 2 else ""
        out.setdefault(m.group(1), (ptype, mode, context))
    return out


# détente's one addition to the 2021 table, which maps no code of CAMEO root 02 (Appeal): the
# PLOVER codebook defines REQUEST as "all requests, demands, and orders", which covers appeals.
APPEAL_TYPE = ("REQUEST", "", "")


def main(root: Path) -> None:
    names = read_tsv(root / "cameo" / "CAMEO.eventcodes.txt")
    scores = read_tsv(root / "cameo" / "CAMEO.goldsteinscale.txt")
    plover = read_plover(root / "plover" / "CAMEO2PLOVER-2021.txt")
    print("# CAMEO event codes with names and Goldstein scores (GDELT lookup tables, CAMEO 1.1b3),")
    print("# and CAMEO->PLOVER type/mode/context (PLOVER draft 0.8 conversion table, P. Schrodt 2021).")
    print("# Facts retyped for détente; see docs/ontology.md for the credits. Root 02 (Appeal) -> REQUEST")
    print("# is détente's addition (the 2021 table maps no 02 code; PLOVER REQUEST covers appeals).")
    print("code\tname\tgoldstein\tplover_type\tplover_mode\tplover_context")
    for code in sorted(names):
        ptype, mode, context = plover.get(code, APPEAL_TYPE if code.startswith("02") else ("", "", ""))
        print(f"{code}\t{names[code]}\t{scores[code]}\t{ptype}\t{mode}\t{context}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
