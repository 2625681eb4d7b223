from __future__ import annotations

import pytest

from detente.gazetteer import Gazetteer
from detente.model import Place, PlaceLevel
from detente.places import article_places, context_countries, event_location, place_preps

CITY, REGION, COUNTRY = PlaceLevel.CITY, PlaceLevel.REGION, PlaceLevel.COUNTRY


@pytest.fixture(scope="module")
def gazetteer(coder):
    gaz = Gazetteer.load(coder.actors.lexicon)
    yield gaz
    gaz.close()


def _locate(coder, gazetteer, text: str, trigger: str, prefer: tuple[str, ...] | None = None) -> Place | None:
    """The location of the event triggered by the first token ``trigger``; ``prefer`` defaults to the
    article's places."""
    doc = coder.nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return event_location(token, gazetteer, article_places(doc, gazetteer) if prefer is None else prefer)


def _summary(place: Place | None) -> tuple[str, str | None, str | None, PlaceLevel | None] | None:
    return None if place is None else (place.text, place.name, place.country, place.level)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Azerbaijan and Armenia signed a peace agreement in Baku on Friday.", "signed",
     ("Baku", "Baku", "AZE", CITY)),
    ("Azerbaijan sent trucks carrying fuel to Xankandi.", "sent", ("Xankandi", "Khankendi", "AZE", CITY)),
    ("Azerbaijan sent trucks to Xankandi.", "sent", ("Xankandi", "Khankendi", "AZE", CITY)),
    ("Iranian troops held exercises near the Iranian border.", "held",
     ("the Iranian border", "Iran", "IRN", COUNTRY)),
    ("Azerbaijani and Iranian soldiers clashed at the border with Iran.", "clashed",
     ("Iran", "Iran", "IRN", COUNTRY)),
    ("Clashes broke out on the Armenian-Azerbaijani border.", "broke",
     ("the Armenian-Azerbaijani border", "Armenia", "ARM", COUNTRY)),
    ("Iran shipped gas from Tabriz.", "shipped", ("Tabriz", "Tabriz", "IRN", CITY)),
    ("Talks were held in the Azerbaijani city of Ganja.", "Talks", ("Ganja", "Ganja", "AZE", CITY)),
    ("Shelling was reported near Nagorno-Karabakh.", "reported",
     ("Nagorno-Karabakh", "Nagorno-Karabakh", "AZE", REGION)),
    ("Israeli jets struck targets in northern Syria.", "struck", ("Syria", "Syria", "SYR", COUNTRY)),
    ("Russia deployed troops in Crimea.", "deployed", ("Crimea", "Crimea", "UKR", REGION)),
    ("Iran sent a delegation to Baku.", "sent", ("Baku", "Baku", "AZE", CITY)),
    ("Putin met Erdogan in Sochi.", "met", ("Sochi", "Sochi", "RUS", CITY)),
    ("The Iranian president visited Baku.", "visited", ("Baku", "Baku", "AZE", CITY)),
    ("Officials in Kyiv said Russian missiles struck Kharkiv.", "struck",
     ("Kharkiv", "Kharkiv", "UKR", CITY)),
    ("Azerbaijan accused Armenia of shelling its positions in the Tovuz district.", "accused",
     ("Tovuz", "Tovuz", "AZE", CITY)),
    ("Clashes were reported in the Tovuz district.", "Clashes", ("Tovuz", "Tovuz", "AZE", CITY)),
    ("Azerbaijan will host talks in the Azerbaijani capital.", "host",
     ("the Azerbaijani capital", "Baku", "AZE", CITY)),
    ("Thousands demonstrated in Yerevan's Republic Square.", "demonstrated",
     ("Yerevan", "Yerevan", "ARM", CITY)),
    ("Armenia and Azerbaijan signed the deal at the White House.", "signed",
     ("White House", "Washington", "USA", CITY)),
    ("Iran sent trucks from Tabriz to Ganja.", "sent", ("Ganja", "Ganja", "AZE", CITY)),
])  # fmt: skip
def test_places_event_location_resolves_phrase(coder, gazetteer, text, trigger, expected):
    place = _locate(coder, gazetteer, text, trigger)
    assert _summary(place) == expected
    assert place is not None and place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(("text", "prefer", "country", "level"), [
    ("Protesters rallied in Georgia.", None, "GEO", COUNTRY),
    ("Protesters rallied in Georgia. Police in Atlanta arrested dozens.", None, "USA", REGION),
    ("The governor of Georgia said that protesters rallied in Georgia.", None, "USA", REGION),
    ("Protesters rallied in the state of Georgia.", None, "USA", REGION),
    ("Protesters rallied in Georgia.", ("USA",), "USA", REGION),  # the event's actors are American
    ("Protesters rallied in Georgia.", ("USA", "GEO"), "GEO", COUNTRY),  # Georgian context too
    ("Georgia and the United States said protesters rallied in Georgia.", None, "GEO", COUNTRY),
])  # fmt: skip
def test_places_georgia_country_or_us_state(coder, gazetteer, text, prefer, country, level):
    place = _locate(coder, gazetteer, text, "rallied", prefer)
    assert place is not None and (place.name, place.country, place.level) == ("Georgia", country, level)


@pytest.mark.parametrize(("text", "prefer", "country"), [
    ("Fighting erupted in Tripoli.", None, "LBY"),  # no context: the most populous
    ("Fighting erupted in Tripoli.", ("LBN",), "LBN"),  # an actor is Lebanese
    ("Fighting erupted in Tripoli. The army sent reinforcements from Beirut.", None, "LBN"),
    ("Fighting erupted in Tripoli. Officials in Benghazi condemned it.", None, "LBY"),
    ("Fighting erupted in Tripoli, Lebanon.", None, "LBN"),
])  # fmt: skip
def test_places_tripoli_libya_or_lebanon(coder, gazetteer, text, prefer, country):
    place = _locate(coder, gazetteer, text, "erupted", prefer)
    assert place is not None and (place.name, place.country, place.level) == ("Tripoli", country, CITY)


@pytest.mark.parametrize(("text", "trigger", "written"), [
    ("Protesters gathered in Xyzzyville.", "gathered", "Xyzzyville"),
    ("Protesters gathered in Tabrizz.", "gathered", "Tabrizz"),  # misspelt: never guessed
])
def test_places_unknown_place_is_text_only(coder, gazetteer, text, trigger, written):
    assert _locate(coder, gazetteer, text, trigger) == Place(text=written)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Iran condemned Israel.", "condemned"),  # no place phrase
    ("Russia and Ukraine will meet in March.", "meet"),  # a date, not March in Cambridgeshire
    ("The summit will take place in May.", "summit"),
    ("Russia imposed sanctions on Ukraine.", "imposed"),  # "on" + a name is a target
    ("Iran complained to Azerbaijan.", "complained"),  # "to" without motion is an addressee
    ("The senators voted in Congress.", "voted"),  # an institution (there is a Congress, Arizona)
    ("The ministers met at the UN.", "met"),
    ("Azerbaijan received a letter from Putin.", "received"),
    ("Troops gathered near the border.", "gathered"),  # a border, but whose?
    ("Azerbaijani forces clashed with troops from Armenia.", "clashed"),  # where they came from
])  # fmt: skip
def test_places_no_place_is_none(coder, gazetteer, text, trigger):
    assert _locate(coder, gazetteer, text, trigger) is None


def test_places_prepositions_static_before_directional(coder):
    doc = coder.nlp("Iran sent trucks from Tabriz to Xankandi in March.")
    assert [p.text for p in place_preps(doc[1])] == ["in", "to", "from"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran and Azerbaijan held talks in Baku. Aliyev returned to Baku from Tabriz.", ["AZE", "IRN"]),
    ("Protesters rallied in Georgia. Police in Atlanta arrested dozens.", ["USA"]),
    ("Officials met on Monday.", []),
])  # fmt: skip
def test_places_article_places_counts_countries(coder, gazetteer, text, expected):
    doc = coder.nlp(text)
    assert article_places(doc, gazetteer) == expected
    assert article_places(list(doc.sents), gazetteer) == expected


@pytest.mark.parametrize(("groups", "expected"), [
    ((["LBN", None], ["LBY", "LBN"]), ("LBN", "LBY")),
    ((["AZE", "IGOUNO", "NKR"], []), ("AZE", "NKR")),
    (([None], ()), ()),
])  # fmt: skip
def test_places_context_countries_merges_in_order(groups, expected):
    assert context_countries(*groups) == expected
