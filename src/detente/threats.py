"""Conflictual acts announced for the future: in CAMEO a threat (13x) made now.

"NATO said it would tighten the blockade of Serbia", "the party will boycott the elections",
"the government is prepared to impose martial law": nothing has been done yet; what happened is
that the actor threatened to do it. The table maps the act announced to the threat that fits it.
"""

from __future__ import annotations

from types import MappingProxyType

from spacy.tokens import Token

# Threat code for the act announced: full codes first, then three-digit codes, then roots.
THREAT_CODES = MappingProxyType({
    "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "172": "132", "191": "1381", "192": "1382",
    "14": "133", "15": "138", "16": "131", "17": "137", "18": "1383", "19": "1384", "20": "138",
})  # fmt: skip


def threat_code(code: str) -> str | None:
    """The 13x code of a threat to carry out the conflictual act ``code``, else None."""
    for n in (4, 3, 2):
        found = THREAT_CODES.get(code[:n])
        if found is not None:
            return found
    return None


ULTIMATUM = "139"  # CAMEO: threaten with negative sanctions if the target does not comply


def ultimatum(token: Token) -> bool:
    """The act is announced on a condition the other side must meet: "Nigeria will withdraw its
    force *unless* Chad holds elections" (a clause marked "unless" on the trigger)."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in token.children)  # fmt: skip
