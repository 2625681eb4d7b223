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
    # round 3
    ("The Egyptian ambassador conveyed concern to Israel.", ("EGYGOV", "012", "ISR")),
    ("The Iraqi foreign minister conveyed condolences to Turkey.", ("IRQGOV", "018", "TUR")),
    ("Hamas claimed victory over Israel.", ("PSEREB", "013", "ISR")),
    ("The Taliban claimed responsibility for the attack on Afghan soldiers.", ("AFGREB", "015", "AFGMIL")),
    ("The Taliban claimed the bombing of the Afghan parliament.", ("AFGREB", "015", "AFG")),
    ("Japan is exploring the possibility of talks with North Korea.", ("JPN", "014", "PRK")),
    ("The Indian prime minister paid his respects to Nepal.", ("INDGOV", "017", "NPL")),
    ("The Afghan president issued an appeal to the Taliban.", ("AFGGOV", "020", "AFGREB")),
    ("The Nigerian army reaffirmed its commitment to Chad.", ("NGAMIL", "030", "TCD")),
    ("Kenya reiterated its commitment to Somalia.", ("KEN", "030", "SOM")),
    ("Israel gave access to Egyptian inspectors.", ("ISR", "086", "EGY")),
    ("Egypt granted access to Israeli inspectors.", ("EGY", "086", "ISR")),
    ("Britain gave Russia a deadline.", ("GBR", "139", "RUS")),
    ("Kenyan police used batons against Kenyan protesters.", ("KENCOP", "175", "KENCVL")),
    ("The Israeli army used Palestinian villagers as human shields.", ("ISRMIL", "184", "PSECVL")),
    ("Boko Haram overran a Nigerian army base.", ("NGAREB", "192", "NGA")),
    ("Iran insulted Saudi Arabia.", ("IRN", "111", "SAU")),
    ("The Russian president slandered Ukraine.", ("RUSGOV", "111", "UKR")),
    ("Chinese media defamed Japan.", ("CHNMED", "111", "JPN")),
    ("Iranian police flogged Iranian students.", ("IRNCOP", "180", "IRNEDU")),
    ("Sudanese soldiers mutilated Sudanese rebels.", ("SDNMIL", "180", "SDNREB")),
    ("Iran forbade Iraqi pilgrims from entering the country.", ("IRN", "172", "IRQCVL")),
    ("The United Nations reduced food supplies to Somali refugees.", ("IGOUNO", "162", "SOMREF")),
    ("Japan gave $5 million to Nepal.", ("JPN", "071", "NPL")),
    ("Germany provided $2 billion to Greece.", ("DEU", "071", "GRC")),
    ("Canada allocated $3 million to Haitian refugees.", ("CAN", "071", "HTIREF")),
    ("Qatar donated $10 million to Gaza.", ("QAT", "071", "PSE")),
    ("The European Union is mobilising funds for Colombia.", ("IGOEUR", "070", None)),
    ("Britain handed armoured vehicles to Lebanon.", ("GBR", "070", "LBN")),
]

NOUN_CASES = [
    ("Palestinian riots against Israeli soldiers continued.", ("PSE", "145", "ISRMIL")),
    ("Serbia's ethnic cleansing of Albanians continued.", ("SRB", "203", "ALBCVL")),
    ("The Arab League launched a mediation mission between Syria and Lebanon.", ("IGOARL", "045", None)),
    ("Italy's suspension of aid to Serbia angered Belgrade.", ("ITA", "160", None)),
    ("A Taliban suicide bombing on the Afghan army killed ten soldiers.", ("AFGREB", "1831", "AFGMIL")),
    ("The Taliban's car bombing of the Afghan parliament killed ten people.", ("AFGREB", "1832", "AFGLEG")),
    ("The European Union announced humanitarian assistance to Syria.", ("IGOEUR", "073", "SYR")),
    ("America's military assistance to Israel angered Iran.", ("USA", "072", "ISR")),
    ("Germany's economic assistance to Greece continued.", ("DEU", "071", "GRC")),
]

# patterns keyed on the noun after the preposition (``prep_object``)
PREP_OBJECT_CASES = [
    ("Nigerian teachers went on strike against the Nigerian government.", ("NGAEDU", "143", None)),
    ("Pakistani troops remained on alert along the Indian border.", ("PAKMIL", "152", None)),
    ("Russia put its nuclear forces on alert.", ("RUS", "152", None)),
    ("Indian warships participated in exercises with Japan.", ("INDMIL", "062", "JPN")),
    ("Serb forces engaged in ethnic cleansing against Albanians.", ("SRBMIL", "203", None)),
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


@pytest.mark.parametrize(("text", "expected"), PREP_OBJECT_CASES)
def test_lexicon_coverage_noun_after_preposition(coder, text, expected):
    source, code, _ = expected
    assert (source, code) in [(s, c) for s, c, _ in _triples(coder.code_text(text))]


def test_lexicon_coverage_noun_after_preposition_must_match(coder):
    assert not [e for e in coder.code_text("Nigerian teachers went on a trip to Ghana.").events
                if e.cameo == "143"]
