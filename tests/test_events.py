from __future__ import annotations

import pytest

from detente.events import match_entry
from detente.model import QuadClass

# (sentence, expected (source code, CAMEO code, target code) triples) — written for détente.
CASES = [
    ("Azerbaijan protested to Iran over the trucks.", [("AZE", "111", "IRN")]),
    ("Russia and Iran condemned the United States.", [("RUS", "111", "USA"), ("IRN", "111", "USA")]),
    ("Armenia accused Azerbaijan of shelling villages.", [("ARM", "112", "AZE")]),
    ("The United States imposed sanctions on Iran.", [("USA", "163", "IRN")]),
    ("Israel struck Syria.", [("ISR", "190", "SYR")]),
    ("The Iranian embassy was attacked by Azerbaijani protesters.", [("AZECVL", "190", "IRNGOV")]),
    ("Iran praised Azerbaijan.", [("IRN", "051", "AZE")]),
    ("The Kremlin criticized Washington.", [("RUSGOV", "111", "USAGOV")]),
    ("Iran released the Azerbaijani sailors.", [("IRN", "0841", "AZE")]),
    ("Azerbaijan sent Tehran $5 million of coronavirus aid.", [("AZE", "070", "IRNGOV")]),
    ("Azerbaijan's deputy foreign minister spoke by telephone with the Iranian ambassador.",
     [("AZEGOV", "040", "IRNGOV"), ("IRNGOV", "040", "AZEGOV")]),  # consulting is mutual
    ("The police arrested Iranian protesters.", [("IRNCOP", "173", "IRNCVL")]),  # the only country
    ("NATO criticized Russia.", [("IGONAT", "111", "RUS")]),
    ("The European Union urged Serbia to resume talks.", [("IGOEUR", "020", "SRB"),
                                                          ("SRB", "046", None)]),
]


def _triples(coded):
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in coded.events]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_code_sentence(coder, text, expected):
    assert _triples(coder.code_text(text)) == expected


def test_events_light_verb_object_gives_target(coder):
    (event,) = coder.code_text("Azerbaijan lodged a protest with Iran.").events
    assert (event.source.code, event.cameo_root, event.target.code) == ("AZE", "11", "IRN")
    assert event.plover.type == "ACCUSE"


def test_events_reciprocal_cooperation_without_object(coder):
    triples = _triples(coder.code_text("Russia and Turkey signed an agreement."))
    assert triples == [("RUS", "057", "TUR"), ("TUR", "057", "RUS")]


def test_events_compound_subject_shares_group(coder):
    events = coder.code_text("Russia and Iran condemned the United States.").events
    assert len(events) == 2 and events[0].group == events[1].group
    assert events[0].event_id != events[1].event_id


def test_events_object_control_subject(coder):
    triples = _triples(coder.code_text("China urged the United States to lift tariffs."))
    assert triples[0] == ("CHN", "020", "USA")
    assert triples[1][0] == "USA"  # the United States is the one asked to lift


def test_events_several_events_per_sentence(coder):
    coded = coder.code_text("Iran attacked Iraq and denied it.")
    assert {e.cameo_root for e in coded.events} == {"19", "01"}


def test_events_relative_clause_act_is_background(coder):
    # the attack in the relative clause is background to the denial the sentence reports
    coded = coder.code_text("Iran, which attacked Iraq, denied it.")
    assert {e.cameo_root for e in coded.events} == {"01"}


def test_events_fields_are_complete(coder):
    text = "The weather was fine on Monday. Israel struck Syria on Tuesday."
    coded = coder.code_text(text, id="a1")
    (event,) = coded.events
    assert event.article_id == "a1" and event.sentence_index == 1
    assert event.sentence == "Israel struck Syria on Tuesday."
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.evidence.text.startswith("Israel struck")
    assert event.goldstein == -10.0 and event.quad_class is QuadClass.MATERIAL_CONFLICT
    assert event.plover.type == "ASSAULT"
    assert 0 < event.confidence <= 1
    assert event.coder_version == coder.version


@pytest.mark.parametrize("text", [
    "The weather was fine in the capital.",
    "Iranian food is popular.",
    "Azerbaijan is a country in the Caucasus.",
])
def test_events_no_event_sentences(coder, text):
    assert coder.code_text(text).events == ()


def test_events_every_root_reachable_from_lexicon(coder):
    roots = {e.code[:2] for e in coder.verbs.entries}
    assert len(roots) == 20


def test_events_most_specific_pattern_wins(coder):
    doc = coder.nlp("Iran lifted the sanctions.")
    lifted = doc[1]
    entry = match_entry(lifted, coder.verbs)
    assert entry is not None and entry.objects


def test_events_no_duplicates_within_sentence(coder):
    events = coder.code_text("Iran attacked Iraq and Iran attacked Iraq.").events
    keys = [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events]
    assert len(keys) == len(set(keys))


def test_events_carry_date_precision_and_historical_flag(coder):
    from datetime import date

    text = ("Azerbaijan lodged a protest with Iran on Monday. "
            "Weeks earlier, in early March, Baku sent Tehran $5 million of coronavirus aid.")  # fmt: skip
    coded = coder.code_text(text, published=date(2020, 8, 13))  # a Thursday
    got = {e.cameo: (e.date, e.date_precision, e.date_text, e.historical) for e in coded.events}
    assert got["114"] == (date(2020, 8, 10), "day", "on Monday", False)
    assert got["070"] == (date(2020, 3, 1), "month", "in early March", True)


def test_events_without_date_phrase_use_publication_date(coder):
    from datetime import date

    [event] = coder.code_text("Iran praised Azerbaijan.", published=date(2021, 1, 5)).events
    assert (event.date, event.date_precision, event.date_text) == (date(2021, 1, 5), "day", None)
    [undated] = coder.code_text("Iran praised Azerbaijan.").events
    assert undated.date is None and undated.date_precision is None


@pytest.mark.parametrize(("text", "where"), [
    ("Putin met Erdogan in Sochi.", ("Sochi", "RUS", "city")),
    ("Iranian troops shelled villages near the Azerbaijani border.", ("Azerbaijan", "AZE", "country")),
    ("Lebanese protesters in Tripoli condemned Israel.", ("Tripoli", "LBN", "city")),
    ("Libyan militias in Tripoli attacked the government.", ("Tripoli", "LBY", "city")),
    ("Iran praised Azerbaijan.", None),
])  # fmt: skip
def test_events_carry_resolved_location(coder, text, where):
    event = coder.code_text(text).events[0]
    got = event.location
    if where is None:
        assert got is None
    else:
        assert got is not None and (got.name, got.country, got.level) == where
        assert got.latitude is not None and got.longitude is not None


# (sentence, [(source span, target span)] per event): the noun phrases of the arguments as written
SPAN_CASES = [
    ("The Nigerian Air Force bombed Boko Haram positions.",
     [("The Nigerian Air Force", "Boko Haram positions")]),
    ("Russia and Iran condemned the United States.",
     [("Russia", "the United States"), ("Iran", "the United States")]),
    ("The embassy was attacked by Azerbaijani protesters.", [("Azerbaijani protesters", "The embassy")]),
    ("Nigerian Air Force (NAF) bombed Boko Haram positions.",
     [("Nigerian Air Force (NAF)", "Boko Haram positions")]),
    ("The protesters who attacked the Iranian embassy were arrested by Azerbaijani police.",
     [("Azerbaijani police", "The protesters")]),
    ("The United States imposed sanctions on Iran.", [("The United States", "Iran")]),
    ("Iran threatened to strike Azerbaijan.", [("Iran", "Azerbaijan")]),
    ("The Iranian president called his Lebanese counterpart, Michel Aoun, on Tuesday.",
     [("The Iranian president", "his Lebanese counterpart, Michel Aoun")]),
    ("Israel struck Syria.", [("Israel", "Syria")]),
]


@pytest.mark.parametrize(("text", "expected"), SPAN_CASES)
def test_events_argument_spans(coder, text, expected):
    events = coder.code_text(text).events
    assert [(e.source_span.text if e.source_span else None, e.target_span.text if e.target_span else None)
            for e in events] == expected
    for e in events:
        for span in (e.source_span, e.target_span):
            assert span is not None and text[span.start:span.end] == span.text


def test_events_argument_span_is_article_relative(coder):
    text = "Talks stalled. Azerbaijani protesters attacked the Iranian embassy in Baku."
    (event,) = coder.code_text(text).events
    assert event.source_span is not None and event.target_span is not None
    assert text[event.source_span.start:event.source_span.end] == "Azerbaijani protesters"
    assert event.target_span.text == "the Iranian embassy in Baku"
    assert event.source_span.start == len("Talks stalled. ")  # offsets into the article, not the sentence


def test_events_no_target_no_target_span(coder):
    events = coder.code_text("Azerbaijani protesters rioted.").events
    assert events and all(e.target is None and e.target_span is None for e in events)
    assert all(e.source_span is not None for e in events)


@pytest.mark.parametrize(("text", "span"), [
    ("Iraqi troops launched an assault on the last ISIS group bastion in the country.",
     "the last ISIS group bastion in the country"),
    ("Russian forces shelled a hospital.", "a hospital"),
])  # fmt: skip
def test_events_target_naming_no_actor_keeps_its_span(coder, text, span):
    (event,) = coder.code_text(text).events
    assert event.target_span is not None and event.target_span.text == span


@pytest.mark.parametrize("text", ["Iran returned to Geneva on Monday.", "Azerbaijani protesters rioted."])
def test_events_places_and_intransitives_give_no_target_span(coder, text):
    assert all(e.target_span is None for e in coder.code_text(text).events)


def test_events_fronted_time_phrase_is_no_particle(coder):
    # "On Nov. 2, X called Y": the fronted "on" makes no "call on" (an appeal); a call it stays
    text = "On Nov. 2, Iranian President Hassan Rouhani called the Turkish president."
    events = coder.code_text(text).events
    assert [(e.cameo, e.target.code if e.target else None, e.target_span.text if e.target_span else None)
            for e in events] == [("041", "TURGOV", "the Turkish president")]


def test_events_meeting_is_mutual(coder):
    events = coder.code_text("The Iranian president will meet Turkish President Erdogan in Ankara.").events
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == {
        ("IRNGOV", "TURGOV"), ("TURGOV", "IRNGOV")}


def test_events_reciprocal_span_is_the_whole_coordination(coder):
    events = coder.code_text("Iran and Turkey held talks in Tehran.").events
    assert len(events) == 2
    assert {(e.source_span.text, e.target_span.text) for e in events if e.source_span and e.target_span} == {
        ("Iran and Turkey", "Iran and Turkey")}


def test_events_praise_by_several_is_not_reciprocal(coder):
    events = coder.code_text("Qatar and the Sudan welcomed the agreement.").events
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == {
        ("QAT", None), ("SDN", None)}


def test_events_appositive_list_members_are_sources(coder):
    events = coder.code_text("Egypt, the Sudan, Qatar and Oman welcomed the agreement.").events
    assert [e.source.code for e in events] == ["EGY", "SDN", "QAT", "OMN"]


def test_events_thing_subject_gives_its_agent(coder):
    (event,) = coder.code_text("A suicide bombing by the Taliban killed ten Afghan soldiers.").events
    assert (event.source.code, event.cameo[:2], event.target.code if event.target else None) == (
        "AFGREB", "19", "AFGMIL")
    assert event.source_span is not None and event.source_span.text == "A suicide bombing by the Taliban"


def test_events_place_target_spans_the_object(coder):
    (event,) = coder.code_text("Rebels attacked an army base in northern Syria.").events
    assert event.target is not None and event.target.code == "SYR"
    assert event.target_span is not None and event.target_span.text == "an army base in northern Syria"


def test_events_call_with_object_and_purpose_is_a_call(coder):
    events = coder.code_text("The Iranian president called the Turkish president to discuss trade.").events
    assert ("041", "IRNGOV", "TURGOV") in [(e.cameo, e.source.code, e.target.code if e.target else None)
                                           for e in events]


def test_events_own_soldiers_are_not_a_target(coder):
    # "its soldiers" are the source's own: no event of Chile on Chile, the phrase stays the span
    (event,) = coder.code_text("Chile condemned the killing of its soldiers.").events
    assert (event.source.code, event.cameo, event.target) == ("CHL", "111", None)
    assert event.target_span is not None and event.target_span.text == "the killing of its soldiers"


def test_events_state_actor_own_country_is_not_a_target(coder):
    # the country in the warning's clause is the side the president speaks for, not the target
    (event,) = coder.code_text("The Chilean president warned that Chile would not make concessions.").events
    assert (event.source.code, event.cameo_root, event.target) == ("CHLGOV", "13", None)


def test_events_threat_condition_subject_is_target(coder):
    text = "Peru threatened to close the border unless Bolivia released the prisoners."
    events = coder.code_text(text).events
    assert [(e.source.code, e.cameo_root, e.target.code if e.target else None)
            for e in events if e.trigger == "threatened"] == [("PER", "13", "BOL")]  # fmt: skip


def test_events_bare_role_target_gives_way_to_place(coder):
    # "engineers" name no country: the force in Iraq that they join does; the span stays the object
    (event,) = coder.code_text("Japan will contribute engineers to a reconstruction force in Iraq.").events
    assert (event.source.code, event.target.code if event.target else None) == ("JPN", "IRQ")
    assert event.target_span is not None and event.target_span.text == "engineers"


def test_events_bare_role_target_gives_way_to_deeper_actor(coder):
    text = "Norway announced that it will withdraw engineers and doctors from Sudan."
    (event,) = coder.code_text(text).events
    assert (event.source.code, event.target.code if event.target else None) == ("NOR", "SDN")


def _dyads(events):
    return [(e.source.code, e.target.code if e.target else None) for e in events]


def test_events_event_noun_target_in_support_verb_purpose_clause(coder):
    text = "Kenyan students continued their hunger strike to demand the resignation of President Moi."
    events = [e for e in coder.code_text(text).events if e.trigger == "strike"]
    assert [t for _, t in _dyads(events)] == ["KENGOV"]


def test_events_event_noun_target_in_object_phrase(coder):
    events = coder.code_text("Russia announced a suspension of air links with Serbia.").events
    assert _dyads(events) == [("RUS", "SRB")]


def test_events_event_noun_target_between_parties(coder):
    text = "Norway launched a mediation effort between Sri Lanka and the Tamil rebels."
    assert sorted(_dyads(coder.code_text(text).events)) == [("NOR", "LKA"), ("NOR", "LKAREB")]


def test_events_event_noun_target_in_that_clause(coder):
    events = coder.code_text("Egypt reiterated its demand that Israel ease the blockade of Gaza.").events
    assert _dyads(events) == [("EGY", "ISR")]


def test_events_event_noun_that_clause_parsed_on_verb(coder):
    text = "The ILO reiterated its demand today that Israel ease restrictions on Palestinian workers."
    events = [e for e in coder.code_text(text).events if e.trigger == "demand"]
    assert [t for _, t in _dyads(events)] == ["ISR"]


def test_events_event_noun_in_protest_of_phrase(coder):
    text = "Chechen refugees are continuing a hunger strike in protest of the Russian government's refusal."
    events = [e for e in coder.code_text(text).events if e.trigger == "strike"]
    assert [t for _, t in _dyads(events)] == ["RUS"]


def test_events_event_noun_target_is_agent_of_participle(coder):
    text = "Kenyan farmers began a hunger strike to demand the return of land seized by President Moi."
    assert [t for _, t in _dyads(coder.code_text(text).events)] == ["KENGOV"]
