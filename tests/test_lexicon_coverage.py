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
    # a None target means "not checked": the target finder may name one ("a mission between Syria and ...")
    source, code, target = expected
    triples = _triples(coder.code_text(text))
    assert (expected in triples) if target else (source, code) in [(s, c) for s, c, _ in triples]


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


# Round 4: prep_object patterns (took part in, engaged in, called for, on alert, under arrest) and
# permission/exercise objects. Where the coder leaves the target out ("put X under arrest": a prep
# pattern takes its target from the object of the preposition), only source and code are checked.
ROUND4_CASES = [
    ("The United Nations called for a ceasefire between Israel and Hamas.", ("IGOUNO", "0256", "ISR")),
    ("France appealed for a truce between Armenia and Azerbaijan.", ("FRA", "0256", "ARM")),
    ("The Red Cross called for aid for Yemen.", ("IGOICR", "023", "YEM")),
    ("Pakistan appealed for assistance from China.", ("PAK", "023", "CHN")),
    ("Kenyan students called for reform of the Kenyan police.", ("KENEDU", "024", "KEN")),
    ("Amnesty International appealed for reform of the Iranian judiciary.", ("NGOAMN", "024", "IRN")),
    ("Kenyan protesters called for the resignation of the Kenyan president.", ("KENCVL", "0241", "KEN")),
    ("Thai students appealed for the resignation of the Thai prime minister.", ("THAEDU", "0241", "THA")),
    ("The Kenyan government called for calm in Nairobi.", ("KENGOV", "0252", None)),
    ("The Nigerian government appealed for calm in Lagos.", ("NGAGOV", "0252", None)),
    ("Amnesty International called for the release of the Iranian journalist.", ("NGOAMN", "0253", "IRN")),
    ("Amnesty International appealed for the release of the Turkish journalist.", ("NGOAMN", "0253", "TUR")),
    ("Russia called for the lifting of sanctions against Iran.", ("RUS", "0254", None)),
    ("Iran appealed for the lifting of sanctions against Syria.", ("IRN", "0254", None)),
    ("The United Nations called for talks between Israel and Syria.", ("IGOUNO", "026", "ISR")),
    ("The European Union appealed for negotiations between Serbia and Kosovo.", ("IGOEUR", "026", "SRB")),
    ("Sudan called for mediation by Egypt.", ("SDN", "028", None)),
    ("Sudan appealed for mediation by Ethiopia.", ("SDN", "028", None)),
    ("Iran asked Iraq for permission to send pilgrims.", ("IRN", "020", "IRQ")),
    ("Russia sought permission from Turkey to send ships.", ("RUS", "020", "TUR")),
    ("India requested permission from Nepal to build a road.", ("IND", "020", "NPL")),
    ("Iran took part in talks with France.", ("IRN", "046", "FRA")),
    ("Iran engaged in talks with Britain.", ("IRN", "046", "GBR")),
    ("Israel entered into negotiations with Syria.", ("ISR", "046", "SYR")),
    ("Iran sat down for talks with the United States.", ("IRN", "046", "USA")),
    ("Iran returned to the talks with the European Union.", ("IRN", "046", "IGOEUR")),
    ("Russian troops took part in joint exercises with Belarus.", ("RUSMIL", "062", "BLR")),
    ("Chinese troops carried out joint exercises with Russia.", ("CHNMIL", "062", "RUS")),
    ("Indian troops joined the exercise with Japan.", ("INDMIL", "062", "JPN")),
    ("Pakistan gave the United States permission to use its airspace.", ("PAK", "080", "USA")),
    ("Egypt granted Israel permission to fly over Sinai.", ("EGY", "080", "ISR")),
    ("Iraqi police put the Turkish company under investigation.", ("IRQCOP", "090", None)),
    ("Indian police placed the Pakistani diplomat under surveillance.", ("INDCOP", "090", None)),
    ("Turkey refused permission for American planes.", ("TUR", "120", None)),
    ("Kenyan students gathered for a protest against the Kenyan government.", ("KENEDU", "141", "KENGOV")),
    ("Thousands of Iranians assembled for a rally against the Iranian government.", ("IRN", "141", "IRNGOV")),
    ("Thousands of Iranians took part in protests against the Iranian government.", ("IRN", "141", "IRNGOV")),
    ("Nigerian doctors participated in a strike against the Nigerian government.",
     ("NGAHLH", "143", "NGAGOV")),
    ("Iranian workers took part in a strike.", ("IRNLAB", "143", None)),
    ("Ukrainian forces were on high alert.", ("UKRMIL", "152", None)),
    ("Indian troops stayed on alert along the border with Pakistan.", ("INDMIL", "152", None)),
    ("Russia kept its nuclear forces on alert.", ("RUS", "152", None)),
    ("Japanese troops went on alert after the North Korean missile test.", ("JPNMIL", "152", None)),
    ("North Korea withdrew from talks with South Korea.", ("PRK", "164", "KOR")),
    ("Egyptian police placed the Iranian diplomat under house arrest.", ("EGYCOP", "173", None)),
    ("Iranian police put the British journalist under arrest.", ("IRNCOP", "173", None)),
    ("Turkish police took the Kurdish activist into custody.", ("TURCOP", "173", None)),
    ("Iraq put the American journalist on trial.", ("IRQ", "173", None)),
    ("Pakistani troops engaged in heavy fighting with Indian forces.", ("PAKMIL", "190", "INDMIL")),
    ("Syrian rebels took part in the fighting against Turkish troops.", ("SYRREB", "190", "TURMIL")),
    ("Syrian rebels participated in the attack on the Turkish army.", ("SYRREB", "190", "TURMIL")),
    ("Iran is in talks with Russia over a new arms deal.", ("IRN", "046", "RUS")),
    ("Iran joined the talks with the European Union.", ("IRN", "046", "IGOEUR")),
    ("Iranian students joined the protests against the Iranian government.", ("IRNEDU", "141", "IRNGOV")),
    ("Nigerian nurses joined the strike.", ("NGAHLH", "143", None)),
    ("Syrian rebels joined the offensive against Islamic State.", ("SYRREB", "190", "IMGISL")),
    ("Syrian rebels went on the offensive against Syrian troops.", ("SYRREB", "190", None)),
]


@pytest.mark.parametrize(("text", "expected"), ROUND4_CASES)
def test_lexicon_coverage_round4_patterns(coder, text, expected):
    source, code, target = expected
    triples = _triples(coder.code_text(text))
    if target is None:
        assert (source, code) in [(s, c) for s, c, _ in triples]
    else:
        assert expected in triples


def test_lexicon_coverage_round4_prep_object_must_match(coder):
    assert not [e for e in coder.code_text("Iran took part in the Olympic games in Japan.").events
                if e.cameo in ("046", "062", "141", "143", "190")]
    assert [e.cameo for e in coder.code_text("Russia called for an end to the war in Syria.").events
            ] in ([], ["020"])
    assert not coder.code_text("Iran joined the World Trade Organization.").events


ROUND5_CASES = [
    ("Iranian diplomats returned to Vienna for talks with France.", ("IRNGOV", "046", None)),
    ("The Egyptian court opened a hearing into the torture of Egyptian detainees.", ("EGYJUD", "090", None)),
    ("The Pakistani government ordered patrols by police in Karachi.", ("PAKGOV", "153", None)),
]


@pytest.mark.parametrize(("text", "expected"), ROUND5_CASES)
def test_lexicon_coverage_round5_patterns(coder, text, expected):
    source, code, _ = expected
    triples = _triples(coder.code_text(text))
    assert (source, code) in [(s, c) for s, c, _ in triples]


def test_lexicon_coverage_round5_bare_return_is_still_084(coder):
    assert "084" in [e.cameo for e in coder.code_text("Iraq returned to Kuwait for a holiday.").events]
