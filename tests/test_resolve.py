from __future__ import annotations

from datetime import date

import pytest

from detente.config import Config
from detente.evaluate import find_text, resolve_in_context


def _code(coder, sentence, phrase, day=date(2020, 8, 1)):
    actor = resolve_in_context(coder, sentence, find_text(sentence, phrase), day)
    return actor.code if actor else None


@pytest.mark.parametrize(("sentence", "phrase", "code"), [
    # officials by role, with the country in any of the usual places
    ("Azerbaijani Deputy Foreign Minister Xalaf Xalafov met reporters.", "Xalaf Xalafov", "AZEGOV"),
    ("Iran's Deputy Foreign Minister Abbas Araghchi arrived.", "Abbas Araghchi", "IRNGOV"),
    ("The Iranian ambassador Javad Jahangirzadeh was summoned.", "Javad Jahangirzadeh", "IRNGOV"),
    ("Xalafov, Azerbaijan's deputy foreign minister, spoke.", "Xalafov", "AZEGOV"),
    ("British Defence Secretary Tom King promised aid.", "Tom King", "GBRGOV"),
    # the people dictionary for leaders named without a role
    ("Putin said the talks had failed.", "Putin", "RUSGOV"),
    ("Rouhani said the talks had failed.", "Rouhani", "IRNGOV"),
    # organisations, their organs and groups
    ("UN peacekeepers withdrew from the zone.", "UN peacekeepers", "IGOUNOMIL"),
    ("The OSCE Minsk Group visited the region.", "OSCE Minsk Group", "IGOOSCGOV"),
    ("Hamas fired rockets.", "Hamas", "PSEREB"),
    ("The European Community gave aid.", "European Community", "IGOEUR"),
    # sub-state entities (de-jure country + SEP by default)
    ("Nagorno-Karabakh held elections.", "Nagorno-Karabakh", "AZESEP"),
    ("Stepanakert rejected the offer.", "Stepanakert", "AZESEP"),
    ("Khankendi rejected the offer.", "Khankendi", "AZESEP"),
    # compound actors and flat noun phrases
    ("French and Egyptian warships began exercises.", "Egyptian warships", "EGYMIL"),
    ("French and Egyptian warships began exercises.", "French", "FRAMIL"),
    ("Israeli army bulldozers demolished homes.", "Israeli army", "ISRMIL"),
    # ethnic groups are coded by where they live
    ("Some 800,000 Iraqi Kurds sought refuge.", "Iraqi Kurds", "IRQCVL"),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "ethnic Albanians", "SRBCVL"),
    ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "BIHCVL"),
    # non-state actors take the country they are in; state agents do not
    ("Seven opposition parties in Nepal called a strike.", "opposition parties", "NPLOPP"),
    # a capital after a locative preposition is the place, not the government
    ("The president arrived in Amman on Wednesday.", "Amman", "JOR"),
    ("Amman rejected the proposal.", "Amman", "JORGOV"),
    # misspelt names and cities
    ("Quatar's emir launched a mediation effort.", "Quatar's emir", "QATGOV"),
    ("Two bombers blew themselves up in Tel Aviv.", "Tel Aviv", "ISRCVL"),  # a town: its people
])
def test_resolve_actor_in_context(coder, sentence, phrase, code):
    assert _code(coder, sentence, phrase) == code


def test_resolve_people_dictionary_respects_dates(coder):
    assert _code(coder, "Rouhani said so.", "Rouhani", date(2020, 1, 1)) == "IRNGOV"
    assert _code(coder, "Rouhani said so.", "Rouhani", date(2024, 1, 1)) == "IRNELI"


def test_resolve_troops_in_a_country_are_not_that_country(coder):
    assert _code(coder, "Russian troops in Syria advanced.", "Russian troops") == "RUSMIL"
    actor = resolve_in_context(coder, "Troops in Syria advanced.", (0, 6))
    assert actor is not None and actor.country is None  # state agents may be foreign: unresolved


def test_resolve_compound_modifier_gives_one_actor_per_country(coder):
    doc = coder.nlp("French and Egyptian warships began exercises.")
    resolver = next(iter(coder.actor_stage(doc)))
    assert [a.code for a in resolver.resolve_all(doc[3])] == ["FRAMIL", "EGYMIL"]


def test_resolve_substate_entity_coding(coder):
    from detente.pipeline import Coder

    entity = Coder(Config(substate_coding="entity"))
    assert _code(entity, "Nagorno-Karabakh held elections.", "Nagorno-Karabakh") == "NKR"
    assert _code(entity, "Stepanakert rejected the offer.", "Stepanakert") == "NKRGOV"
    assert entity.version != coder.version  # the coding is part of the coder version


def test_resolve_unknown_city_lookup_can_be_turned_off(coder):
    from detente.pipeline import Coder

    plain = Coder(Config(cities=False))
    assert _code(plain, "Two bombers blew themselves up in Tel Aviv.", "Tel Aviv") is None


@pytest.mark.parametrize(("sentence", "phrase", "code"), [
    # an official or group with no country of its own takes the sentence's only country
    ("Finance Minister Jan Kowalczyk said Poland would cut spending.", "Jan Kowalczyk", "POLGOV"),
    ("Judge Maria Ortiz opened an inquiry into Chilean officials.", "Maria Ortiz", "CHLJUD"),
    ("The rebels rejected demands by Burundi's government.", "rebels", "BDIREB"),
    # former office holders are elites
    ("Former Slovak president Jan Novak demanded early elections.", "Jan Novak", "SVKELI"),
    ("The ousted Bolivian president flew to Mexico.", "ousted Bolivian president", "BOLELI"),
    # "X-led" forces are X's; an "anti-X" modifier is not X
    ("Saudi-led forces struck the port.", "Saudi-led forces", "SAUMIL"),
    ("A member of the Syrian parliament began a hunger strike.", "member of the Syrian parliament", "SYRLEG"),
    # a people's own country is overridden by where the group operates, not by a state modifier
    ("Ethnic Albanian guerrillas operating in Macedonia laid down arms.", "guerrillas", "MKDREB"),
    ("Turkish Kurd refugees living in Iraq returned home.", "Turkish Kurd refugees", "TURREF"),
    ("The army shelled Albanian rebel-held villages.", "Albanian rebel", "ALBREB"),
    ("Yoruba leaders called for calm.", "Yoruba leaders", "NGAELI"),
    # an IGO's officials are the IGO; a town is its people; Congo alone is the Republic
    ("European Union officials visited the camp.", "European Union officials", "IGOEUR"),
    ("Militants shelled the town of Samarra.", "Samarra", "IRQCVL"),
    ("Pakistan broke off relations with Congo.", "Congo", "COG"),
    ("A member of the Homeland  Union spoke.", "Homeland Union", "LAB"),  # whitespace-insensitive
])
def test_resolve_context_rules(coder, sentence, phrase, code):
    assert _code(coder, sentence, phrase) == code


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("Finance Minister Jan Kowalczyk said Poland and Hungary would cut spending.", "Jan Kowalczyk"),
    ("The foreign minister criticised Iran.", "foreign minister"),  # Iran is the other party
    ("Troops in Syria advanced.", "Troops"),  # troops may be foreign
])
def test_resolve_context_country_needs_one_uninvolved_country(coder, sentence, phrase):
    actor = resolve_in_context(coder, sentence, find_text(sentence, phrase), date(2020, 8, 1))
    assert actor is None or actor.country is None


def test_resolve_anti_prefix_names_no_country(coder):
    doc = coder.nlp("An anti-Syria journalist was killed in Beirut.")
    resolver = next(iter(coder.actor_stage(doc)))
    assert "SYR" not in {m.actor.country for m in resolver.mentions.values()}
    assert resolver.resolve(doc[4]).country == "LBN"  # the journalist: the sentence's only country


def test_resolve_sentence_country_can_be_turned_off(coder):
    from detente.pipeline import Coder

    plain = Coder(Config(sentence_country=False))
    sentence = "Finance Minister Jan Kowalczyk said Poland would cut spending."
    assert _code(plain, sentence, "Jan Kowalczyk") == "GOV"
    assert plain.version != coder.version


def test_resolve_officials_do_not_take_the_country_of_the_other_party(coder):
    # a state official's counterpart is usually foreign; police act at home
    assert _code(coder, "The foreign minister criticised Iranian officials.", "foreign minister") == "GOV"
    assert _code(coder, "The police arrested Iranian protesters.", "police") == "IRNCOP"


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("The Chinese ambassador urged all parties to return to the table.", "parties"),
    ("Civilians were killed by Israeli troops.", "Civilians"),
])
def test_resolve_those_acted_upon_do_not_take_the_doers_country(coder, sentence, phrase):
    actor = resolve_in_context(coder, sentence, find_text(sentence, phrase), date(2020, 8, 1))
    assert actor is None or actor.country is None
