from __future__ import annotations

import json
import re
from datetime import date

import pytest

from detente.errors import InputError
from detente.gold import (
    GoldEvent,
    GoldSpan,
    country_code,
    load_conflibert_class,
    load_conflibert_ner,
    load_petrarch,
    load_plover,
    petrarch_countries_tsv,
)
from detente.lexicons import ActorLexicon

GOLD = "gold"


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- PLOVER


def _plover(tmp_path, records):
    return _write(tmp_path, "plover.json", json.dumps(records, indent=1))


def test_gold_plover_pairs_compound_actors_and_renames_types(tmp_path):
    path = _plover(tmp_path, [
        {"id": "doc", "event": "DOCUMENT"},
        {"id": "r1", "date": "2000-01-01", "event": "DEMAND", "text": " Hungary and Romania asked Serbia. ",
         "source": [{"actorText": "Hungary", "code": "HUN", "sector": "GOV"}, {"code": "ROU"}],
         "target": [{"actorText": "Serbia", "code": "SRBGOV"}]},
        {"id": "r2", "date": "2000-01-01", "event": "FIGHT", "text": "Rebels fought.",
         "source": [{"code": "SDN"}], "target": ""},
        {"id": "r3", "date": "2001-02-03", "event": "AGREE", "text": "They agreed.",
         "source": [{"code": "TUR"}], "target": "diplomatic"},
    ])  # fmt: skip
    gold = load_plover(path)
    assert [g.id for g in gold] == ["r1", "r2", "r3"]
    assert gold[0].text == "Hungary and Romania asked Serbia."
    assert gold[0].events == (GoldEvent("HUN", "SRB", None, "REQUEST"),
                              GoldEvent("ROU", "SRB", None, "REQUEST"))  # fmt: skip
    assert gold[1].events == (GoldEvent("SDN", None, None, "ASSAULT"),)
    assert gold[2].events == (GoldEvent("TUR", None, None, "AGREE"),)
    assert gold[0].day is None and gold[2].day == date(2001, 2, 3)
    assert gold[0].eventless is False and gold[0].source_set == "plover-gsr"


def test_gold_plover_missing_target_key_is_none(tmp_path):
    record = {"id": "r", "event": "DISAPPROVE", "text": "X", "source": [{"code": "USA"}]}
    gold = load_plover(_plover(tmp_path, [record]))
    assert gold[0].events == (GoldEvent("USA", None, None, "ACCUSE"),)


@pytest.mark.parametrize(("content", "problem"), [
    ("[{not json", "invalid JSON"),
    ('{"id": "r"}', "JSON list"),
    (json.dumps([{"id": "r1", "event": "AGREE"}], indent=1), "r1: missing text"),
    (json.dumps([{"id": "r1", "event": "PONDER", "text": "x"}], indent=1), "unknown PLOVER type"),
])  # fmt: skip
def test_gold_plover_malformed_input_names_file(tmp_path, content, problem):
    path = _write(tmp_path, "bad.json", content)
    with pytest.raises(InputError, match=problem) as err:
        load_plover(path)
    assert err.value.path == str(path)


def test_gold_plover_bad_record_has_line(tmp_path):
    path = _write(tmp_path, "bad.json", json.dumps([{"id": "ok", "event": "AGREE", "text": "x"},
                                                    {"id": "r2", "event": "AGREE"}], indent=1))  # fmt: skip
    with pytest.raises(InputError) as err:
        load_plover(path)
    assert err.value.line is not None and '"r2"' in path.read_text().splitlines()[err.value.line - 1]


def test_gold_plover_unreadable_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_plover(tmp_path / "missing.json")


# ---------------------------------------------------------------- PETRARCH

PETRARCH = """<Validation>
<!--
<Sentence category="X" date="19950101" id="COMMENTED" evaluate="true">
<Text>Not a record.</Text></Sentence>
-->
<Sentences>
<Sentence category="DEMO" date="19950102" id="DEMO-01" evaluate="true">
<!-- a comment -->
<EventCoding eventcode="050" sourcecode="ARNGOV" targetcode="GON" />
<EventCoding eventcode="190" sourcecode="ELR/GAL" targetcode="---" />
<Text>
Arnor is about to restore   ties
with Gondor &amp; Lorien.
</Text>
<Parse>1 Arnor</Parse></Sentence>
<Sentence category="DEMO" date="19950101" id="SKIP" evaluate="false">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Skipped.</Text></Sentence>
<Sentence date = "19950103" id ="NONE-01" category="X" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text></Sentence>
<Sentence date="19950104" id="ERR-01" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- dateline.</Text></Sentence>
<Sentence date="19950105" id="Q-01" category="X" sentence="true">
<EventCoding sourcecode='"THE MINISTRY"' targetcode="GON" eventcode="345"></EventCoding>
<Text>The Ministry of Magic met Gondor.</Text></Sentence>
</Sentences>
</Validation>
"""


def test_gold_petrarch_reads_records(tmp_path):
    gold = load_petrarch(_write(tmp_path, "petr.xml", PETRARCH))
    assert [g.id for g in gold] == ["DEMO-01", "NONE-01", "Q-01"]
    demo = gold[0]
    assert demo.text == "Arnor is about to restore ties with Gondor & Lorien."
    assert demo.day == date(1995, 1, 2)
    assert demo.events == (GoldEvent("ARN", "GON", "050", "SUPPORT"),
                           GoldEvent("ELR", None, "190", "ASSAULT"),
                           GoldEvent("GAL", None, "190", "ASSAULT"))  # fmt: skip
    assert gold[1].events == () and gold[1].eventless is True
    assert gold[2].events == (GoldEvent(None, "GON", "345", None),)


@pytest.mark.parametrize(("content", "problem", "line"), [
    ("<Validation></Validation>", "no <Sentence>", None),
    ('<Sentences>\n<Sentence id="A" date="19950101">\n<Text>x</Text>\n', "without </Sentence>", 2),
    ('\n<Sentence id="A" date="19950101">\n<EventCoding eventcode="010" sourcecode="A" targetcode="B"/>'
     "\n</Sentence>", "no <Text>", 2),
    ('<Sentence date="1995-01-01" id="A"><Text>x</Text></Sentence>', "bad date", 1),
    ('<Sentence date="19950101"><Text>x</Text></Sentence>', "without an id", 1),
])  # fmt: skip
def test_gold_petrarch_malformed_input(tmp_path, content, problem, line):
    path = _write(tmp_path, "bad.xml", content)
    with pytest.raises(InputError, match=problem) as err:
        load_petrarch(path)
    assert err.value.path == str(path) and err.value.line == line


ACTORS = """<!-- PETRARCH VALIDATION SUITE ACTOR DICTIONARY -->
<!--
# a comment block [XXX]
# -->
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN # comment
ENT
\t[ENT]
GOLLUM  # pas
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
ITHILEN_TELEVISION  [ITHTV]
THE_SHIRE  [FRO/BIL/SAM]
PALESTINIAN [pse]
GONDOR_KINGDOM [GNK]
+MINAS_TIRITH
UNITED_STATES  [USA]
+U.S.
UNITED_NATIONS [UNO]
+UN_
ISRAEL [ISR]
ISRAELI [ISR]
<! -- NEW ACTORS -->
GROUP OF 77  [GSS]
"""


def test_gold_petrarch_countries_tsv_converts_country_entries(tmp_path):
    path = _write(tmp_path, "actors.txt", ACTORS)
    lines = petrarch_countries_tsv(path, bundled=False).splitlines()
    assert lines == [
        "iso3\tname\taliases\tdemonyms\tcapitals",
        "ARN\tArnor\t\t\t",
        "GON\tGondor\tMinas Tirith|Anorien\t\t",
        "ENT\tENT\t\t\t",
        "USA\tUnited States\tU.S.\t\t",
        "UNO\tUnited Nations\tUN\t\t",
        "ISR\tIsrael\tIsraeli\t\t",
        "GSS\tGroup of 77\t\t\t",
    ]


def test_gold_petrarch_countries_tsv_merges_into_bundled_table(tmp_path):
    path = _write(tmp_path, "actors.txt", ACTORS)
    text = petrarch_countries_tsv(path)
    rows = {line.split("\t")[0]: line.split("\t") for line in text.splitlines()[1:]}
    assert rows["ARN"][1] == "Arnor" and "Minas Tirith" in rows["GON"][2]
    assert "FRA" in rows  # détente's own countries stay
    assert "UNO" not in rows  # "United Nations" is a bundled organisation's name
    assert rows["USA"][1] == "United States" and rows["ISR"][1] == "Israel"  # détente's rows, unchanged
    tsv = _write(tmp_path, "countries.tsv", text)
    lexicon = ActorLexicon.load(str.split, tsv)
    assert {"ARN", "GON", "FRA"} <= lexicon.countries


# ---------------------------------------------------------------- ConfliBERT


def test_gold_conflibert_class_reads_crlf_lines(tmp_path):
    path = tmp_path / "train.tsv"
    path.write_bytes(b"A car bomb killed two.\t4\r\nThey met in Paris.\t1\r\n\r\nNothing.\t0\r\n")
    gold = load_conflibert_class(path)
    assert [(g.text, g.cls) for g in gold] == [("A car bomb killed two.", 4), ("They met in Paris.", 1),
                                               ("Nothing.", 0)]  # fmt: skip
    assert [g.eventless for g in gold] == [False, False, False]  # class 0 is "make statement"
    assert gold[0].events == () and gold[0].spans == ()


@pytest.mark.parametrize(("content", "problem"), [
    ("no tab here\t2\nsecond line\n", "sentence<TAB>class"),
    ("ok\t1\nbad class\t7\n", "class must be 0-4"),
])  # fmt: skip
def test_gold_conflibert_class_malformed(tmp_path, content, problem):
    path = _write(tmp_path, "train.tsv", content)
    with pytest.raises(InputError, match=problem) as err:
        load_conflibert_class(path)
    assert err.value.line == 2


NER = """In O
Kiev O
a B-S
car I-S
bomb I-S
killed O
Chechen B-T
rebels I-T
. O

Russia B-R
and O
Ukraine B-R
talked O
"""


def test_gold_conflibert_ner_spans_have_offsets(tmp_path):
    gold = load_conflibert_ner(_write(tmp_path, "train.txt", NER))
    assert [g.text for g in gold] == ["In Kiev a car bomb killed Chechen rebels .",
                                      "Russia and Ukraine talked"]  # fmt: skip
    assert gold[0].spans == (GoldSpan("S", 8, 18, "a car bomb"), GoldSpan("T", 26, 40, "Chechen rebels"))
    assert gold[1].spans == (GoldSpan("R", 0, 6, "Russia"), GoldSpan("R", 11, 18, "Ukraine"))
    assert all(g.text[s.start:s.end] == s.text for g in gold for s in g.spans)
    assert gold[0].eventless is None


def test_gold_conflibert_ner_malformed(tmp_path):
    with pytest.raises(InputError, match="unknown tag") as err:
        load_conflibert_ner(_write(tmp_path, "train.txt", "Kiev O\nbomb B-X\n"))
    assert err.value.line == 2
    with pytest.raises(InputError, match="token TAG"):
        load_conflibert_ner(_write(tmp_path, "train.txt", "Kiev O extra\n"))


def test_gold_country_code():
    assert [country_code(c) for c in ("USAGOV", "igo", "---", "", None, '"X"')] == [
        "USA", "IGO", None, None, None, None]  # fmt: skip


# ---------------------------------------------------------------- the real files


def test_gold_real_plover(shared):
    gold = load_plover(shared / GOLD / "plover-gsr" / "PLOVER_GSR_CAMEO.txt")
    assert len(gold) == 322  # 323 records, less the DOCUMENT one
    assert all(g.events and g.day is None for g in gold)
    assert {e.plover for g in gold for e in g.events} <= {"AGREE", "REQUEST", "REJECT", "THREATEN", "PROTEST",
        "COERCE", "ASSAULT", "ACCUSE", "RETREAT", "SANCTION", "SUPPORT", "CONCEDE", "CONSULT", "AID",
        "MOBILIZE", "COOPERATE"}  # fmt: skip


def test_gold_real_conflibert(shared):
    classes = load_conflibert_class(shared / GOLD / "conflibert" / "cameo_class" / "train.tsv")
    assert len(classes) == 1349 and {g.cls for g in classes} == {0, 1, 2, 3, 4}
    ner = load_conflibert_ner(shared / GOLD / "conflibert" / "cameo_ner" / "train.txt")
    assert len(ner) == 1153
    assert all(g.text[s.start:s.end] == s.text and s.text for g in ner for s in g.spans)


@pytest.mark.parametrize("name", ["universal/PETR_Validate_records_2_02.xml",
                                  "validation/PETR.UnitTest.records.xml"])  # fmt: skip
def test_gold_real_petrarch(shared, name):
    path = shared / GOLD / "petrarch-validation" / name
    raw = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    blocks = re.findall(r"<Sentence\b([^>]*)>(.*?)</Sentence>", raw, flags=re.DOTALL)
    evaluated = [b for a, b in blocks if 'evaluate="false"' not in a]
    expected = [b for b in evaluated if "error=" not in b]
    gold = load_petrarch(path)
    assert len(gold) == len(expected) > 250
    assert all(g.text and g.day is not None for g in gold)
    assert sum(len(g.events) for g in gold) > 300


def test_gold_real_petrarch_dictionaries(shared):
    base = shared / GOLD / "petrarch-validation"
    for path in (base / "universal" / "validate-dictionaries" / "PETR_Validate_actors_2_02.txt",
                 base / "validation-dictionaries" / "PETR.Validate.actors.txt"):  # fmt: skip
        rows = [line.split("\t") for line in petrarch_countries_tsv(path, bundled=False).splitlines()]
        assert rows[0] == ["iso3", "name", "aliases", "demonyms", "capitals"]
        codes = {r[0]: r for r in rows[1:]}
        assert codes["GON"][1:3] == ["Gondor", "Minas Tirith|Anorien"] and "HOB" in codes
        assert all(len(r) == 5 and re.fullmatch(r"[A-Z]{3}", r[0]) for r in rows[1:])


@pytest.mark.parametrize(("code", "country"), [
    ("JAP", "JPN"), ("ITLGOV", "ITA"), ("VTN", "VNM"), ("ROM", "ROU"), ("IRN", "IRN"),
    ("---", None), ("", None),
])
def test_gold_country_code_maps_legacy_codes(code, country):
    assert country_code(code) == country
