"""Coverage of the verb and event-noun lexicons: one hand-written sentence per entry added to close
a gap seen in the gold sets (CAMEO codebook / PETRARCH-2 codes for the ordinary sense)."""

from __future__ import annotations

import pytest

# (sentence, (source code, CAMEO code, target code)) — written for détente.
VERB_CASES = [
    ("Syrian refugees sought asylum from Germany.", ("SYRREF", "0233", "DEU")),
    ("Afghan refugees requested asylum from Germany.", ("AFGREF", "0233", "DEU")),
    ("The Iraqi president left for Iran on Monday.", ("IRQGOV", "042", "IRN")),
    ("The Turkish foreign minister departed for Egypt.", ("TURGOV", "042", "EGY")),
    ("Japan reaffirmed its friendship with Ukraine.", ("JPN", "051", "UKR")),
    ("Egypt reasserted its friendship with Sudan.", ("EGY", "051", "SDN")),
    ("Iraq paid compensation to Kuwait.", ("IRQ", "0842", "KWT")),
    ("Israel cancelled restrictions on Palestinian workers.", ("ISR", "081", "PSELAB")),
    ("Jordan scrapped the ban on Syrian imports.", ("JOR", "081", "SYR")),
    ("The United States sped up its withdrawal from Iraq.", ("USA", "0874", "IRQ")),
    ("Russia accelerated the pullout from Syria.", ("RUS", "0874", "SYR")),
    ("The United Nations completed its investigation into the attack on Syria.", ("IGOUNO", "090", "SYR")),
    ("The IAEA dispatched inspectors to Iraq.", ("IGOIAE", "090", "IRQ")),
    ("Turkey denied a permit to Greek fishermen.", ("TUR", "120", "GRCAGR")),
    ("Iran reneged on its commitments to France.", ("IRN", "120", "FRA")),
    ("Kurdish protesters blocked transport into Turkey.", ("TURCVL", "144", "TUR")),
    ("Chinese hackers hacked into the Pentagon network.", ("CHNCRM", "171", "USA")),
    ("Russian hackers defaced Ukrainian government websites.", ("RUSCRM", "171", "UKRMED")),
    ("Rebels sabotaged an Iraqi oil pipeline.", ("IRQREB", "171", "IRQ")),
    ("Egypt suspended publication of the Qatari newspaper.", ("EGY", "1721", "QAT")),
    ("Israeli police fired tear gas at Palestinian protesters.", ("ISRCOP", "175", "PSECVL")),
    ("Taliban fighters exploded a bomb in Kabul.", ("AFGREB", "183", "AFG")),
    ("Nigerian soldiers abused Cameroonian refugees.", ("NGAMIL", "180", "CMRREF")),
    ("Germany slapped sanctions on Iran.", ("DEU", "163", "IRN")),
    ("Russia shelved talks with Japan.", ("RUS", "164", "JPN")),
    ("Iran shelved the deal with France.", ("IRN", "160", "FRA")),
    ("Hamas lobbed rockets into Israel.", ("PSEREB", "194", "ISR")),
    ("Myanmar lifted censorship on Burmese newspapers.", ("MMR", "0811", "MMRMED")),
    ("The Czech prime minister attended a ceremony in Slovakia.", ("CZEGOV", "017", None)),
]

NOUN_CASES = [
    ("Palestinian riots against Israeli soldiers continued.", ("PSE", "145", "ISRMIL")),
    ("Serbia's ethnic cleansing of Albanians continued.", ("SRB", "203", "ALBCVL")),
    ("The Arab League launched a mediation mission between Syria and Lebanon.", ("IGOARL", "045", None)),
    ("Italy's suspension of aid to Serbia angered Belgrade.", ("ITA", "160", None)),
    ("A Taliban suicide bombing on the Afghan army killed ten soldiers.", ("AFGREB", "1831", "AFGMIL")),
    ("The Taliban's car bombing of the Afghan parliament killed ten people.", ("AFGREB", "1832", "AFGLEG")),
]


def _triples(coded):
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in coded.events]


@pytest.mark.parametrize(("text", "expected"), VERB_CASES)
def test_lexicon_coverage_verb_patterns(coder, text, expected):
    assert expected in _triples(coder.code_text(text))


@pytest.mark.parametrize(("text", "expected"), NOUN_CASES)
def test_lexicon_coverage_event_nouns(coder, text, expected):
    assert expected in _triples(coder.code_text(text))


def test_lexicon_coverage_tear_gas_is_repression_not_chemical_weapon(coder):
    coded = coder.code_text("Egyptian police used tear gas against Egyptian protesters.")
    codes = [e.cameo for e in coded.events]
    assert codes == ["175"]
    sarin = _triples(coder.code_text("Syria used sarin against Syrian rebels."))
    assert ("SYR", "2041", "SYRREB") in sarin
