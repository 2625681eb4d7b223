"""Time resolution: when did an event happen?

The event date is the publication date unless the sentence says otherwise. :func:`event_date`
finds the date expression attached to an event's trigger in the dependency parse and
:func:`resolve_expression` turns it into the first day of the period meant plus a precision
(day, week, month or year), counting relative and partial expressions from the publication date.

Choices (see the functions for details):

* A period is given by its first day: a week starts on Monday (ISO), "in early March" is March 1,
  "late last year" is January 1 of last year. Modifiers such as early, mid, late, the end of,
  are dropped: they narrow a period, but not to a whole one.
* Expressions with no year pick the closest date not after publication ("on 5 April" in an article
  of 2020-02-10 is 2019-04-05; "in March" in an article of March is the current March); a bare
  weekday is the closest such day not after publication (the publication day itself included).
  "tomorrow", "next week", "in two days" and other explicit future expressions resolve forward.
* "since 1979" resolves to 1979: the start of the state described.
* Durations ("for two years", "until March", "within days"), repetitions ("every Monday") and
  expressions counted from another point in the story ("two days later", "weeks earlier", "the
  previous day") do not resolve, so they do not move the event date. Nor do decades ("the 1990s":
  no precision says decade), seasons, quarters, and numeric dates such as 5/4/2021 (ambiguous).
* Relative expressions need a publication date; without one only absolute expressions ("in 2019",
  "5 April 2021", "March 2020", ISO dates) resolve.
* An event is ``historical`` when the *end* of its period lies more than ``historical_days``
  before publication: "last month" in an article of the 5th is not historical with the default 30
  days, whatever its first day.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from types import MappingProxyType

from spacy.tokens import Token

from detente.model import DatePrecision, EventDate

Resolved = tuple[date, DatePrecision]

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # fmt: skip
MONTHS = MappingProxyType(
    {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
    | {name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)}
    | {"sept": 9}
)
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = MappingProxyType(
    {name: i for i, name in enumerate(_WEEKDAY_NAMES)}
    | {name[:3]: i for i, name in enumerate(_WEEKDAY_NAMES)}
    | {"tues": 1, "wed": 2, "thur": 3, "thurs": 3}
)
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                 "eighteen", "nineteen", "twenty")  # fmt: skip
NUMBERS = MappingProxyType({w: i for i, w in enumerate(_NUMBER_WORDS, 1)} | {"a": 1, "an": 1, "thirty": 30})
UNITS = MappingProxyType({"day": "day", "days": "day", "week": "week", "weeks": "week",
                          "month": "month", "months": "month", "year": "year", "years": "year"})  # fmt: skip
_PRECISION = MappingProxyType({"day": DatePrecision.DAY, "week": DatePrecision.WEEK,
                               "month": DatePrecision.MONTH, "year": DatePrecision.YEAR})  # fmt: skip
DAY_OFFSETS = MappingProxyType({("today",): 0, ("yesterday",): -1, ("tomorrow",): 1,
                                ("day", "before", "yesterday"): -2,
                                ("day", "after", "tomorrow"): 2})  # fmt: skip
# Prepositions that place an event in the period named: they are dropped.
EVENT_PREPS = frozenset({"on", "in", "at", "during", "since", "around", "about", "circa", "over", "of"})
# First words of durations, repetitions, bounds and ranges: the expression does not date the event.
NOT_EVENT_WORDS = frozenset({"for", "until", "till", "til", "through", "throughout", "within", "every",
                             "each", "per", "by", "between", "from", "before", "after", "past",
                             "previous", "following", "same", "recent", "recently"})  # fmt: skip
# Words that narrow a period without changing its first day ("in early March", "late last year").
MODIFIERS = frozenset({"early", "late", "mid", "earlier", "later", "the", "very"})
# "the end of March": the noun and its "of" are dropped.
PART_NOUNS = frozenset({"end", "beginning", "start", "middle", "turn", "close"})
TIME_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "dawn", "noon", "midday",
                         "midnight", "overnight", "daybreak", "nightfall"})  # fmt: skip
RELATIVE = frozenset({"last", "this", "next", "coming"})
_PHRASES = (  # (pattern, replacement) applied to the lower-cased expression, in order
    (re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b\.?"), " "),  # 10 a.m., 10:30pm
    (re.compile(r"\b\d{1,2}:\d\d\b"), " "),  # 10:30
    (re.compile(r"\b(?:gmt|utc|local time)\b"), " "),
    (re.compile(r"\blast night\b"), "yesterday"),
    (re.compile(r"\b(?:this (?:morning|afternoon|evening)|tonight)\b"), "today"),
    (re.compile(r"(\d)(?:st|nd|rd|th)\b"), r"\1"),  # 5th -> 5
    (re.compile(r"\bmid-"), "mid "),
    (re.compile(r"[’']s\b"), ""),  # Monday's
    (re.compile(r"[,.;:!?'’\"()\[\]]"), " "),
)
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_ISO_MONTH = re.compile(r"\d{4}-\d\d")
_YEAR = re.compile(r"\d{4}")
# Dependency labels of clauses with their own event: their dates are not the trigger's.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis"})
# A date that modifies a noun other than the trigger ("the 1990s war", "Monday's attack") dates
# that noun, not the event.
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
# Left dependents pulled into a date phrase so that "every Monday" is not read as "Monday".
PHRASE_LEFT_DEPS = frozenset({"det", "predet", "amod", "advmod", "nummod", "quantmod"})
# Date words the entity recogniser may miss; month names count only as proper nouns ("the march").
TEMPORAL_WORDS = frozenset(_WEEKDAY_NAMES) | {"yesterday", "today", "tomorrow", "tonight"}
MONTH_WORDS = frozenset(_MONTH_NAMES)


# --- resolving one expression -------------------------------------------------------------------


def resolve_expression(text: str, published: date | None) -> Resolved | None:
    """Resolve a date expression ("in early March", "two days ago", "on 5 April") against the
    publication date: (first day of the period, precision), or None if it is not an event date,
    cannot be read, or is relative and ``published`` is None.

    dateutil is not used: it fills missing fields from today's date.
    """
    words = _normalise(text)
    words, forward = _strip_leading(words)
    if not words:
        return None
    absolute = _absolute(words)
    if absolute is not None or published is None:
        return absolute
    return _relative(words, published, forward)


def _normalise(text: str) -> list[str]:
    """Lower-cased words, with times of day, ordinal suffixes and punctuation removed."""
    value = text.lower()
    for pattern, replacement in _PHRASES:
        value = pattern.sub(replacement, value)
    return [w for w in value.split() if w not in TIME_OF_DAY]


def _strip_leading(words: list[str]) -> tuple[list[str], bool]:
    """Drop leading prepositions and modifiers; ([] if the expression does not date an event,
    forward=True for "in two days")."""
    forward = False
    i = 0
    while i < len(words):
        word = words[i]
        if word in NOT_EVENT_WORDS:
            return [], False
        if word in EVENT_PREPS or word in MODIFIERS:
            forward = forward or word == "in"
        elif word in PART_NOUNS and i + 1 < len(words) and words[i + 1] == "of":
            i += 1
        else:
            break
        i += 1
    rest = words[i:]
    if len(rest) > 1 and rest[0] in WEEKDAYS:
        rest = rest[1:]  # "Monday, 5 April 2021"
    return rest, forward


def _absolute(words: list[str]) -> Resolved | None:
    """ISO dates, years, "March 2020", "5 April 2021", "April 5, 2021"."""
    if len(words) == 1:
        word = words[0]
        if _ISO_DAY.fullmatch(word):
            return _date(int(word[:4]), int(word[5:7]), int(word[8:]), DatePrecision.DAY)
        if _ISO_MONTH.fullmatch(word):
            return _date(int(word[:4]), int(word[5:]), 1, DatePrecision.MONTH)
        year = _year(word)
        return (date(year, 1, 1), DatePrecision.YEAR) if year is not None else None
    parts = _calendar(words)
    if parts is None:
        return None
    day, month, year = parts
    if year is None:
        return None
    if day is None:
        return date(year, month, 1), DatePrecision.MONTH
    return _date(year, month, day, DatePrecision.DAY)


def _date(year: int, month: int, day: int, precision: DatePrecision) -> Resolved | None:
    try:
        return date(year, month, day), precision
    except ValueError:  # 31 April, month 13
        return None


def _year(word: str) -> int | None:
    return int(word) if _YEAR.fullmatch(word) and 1000 <= int(word) <= 2999 else None


def _calendar(words: list[str]) -> tuple[int | None, int, int | None] | None:
    """(day, month, year) of "5 April 2021", "April 5", "the 5th of April", "March 2020", "March"."""
    rest = [w for w in words if w != "of"]
    year = _year(rest[-1]) if len(rest) > 1 else None
    if year is not None:
        rest = rest[:-1]
    if len(rest) == 1 and rest[0] in MONTHS:
        return None, MONTHS[rest[0]], year
    if len(rest) == 2:
        first, second = rest
        if first in MONTHS and _is_day(second):
            return int(second), MONTHS[first], year
        if second in MONTHS and _is_day(first):
            return int(first), MONTHS[second], year
    return None


def _is_day(word: str) -> bool:
    return word.isdigit() and len(word) <= 2 and 1 <= int(word) <= 31


def _relative(words: list[str], published: date, forward: bool) -> Resolved | None:
    """Expressions counted from the publication date."""
    key = tuple(words)
    if key in DAY_OFFSETS:
        return published + timedelta(days=DAY_OFFSETS[key]), DatePrecision.DAY
    counted = _counted(words, published, forward)
    if counted is not None:
        return counted
    rel = words[0] if words[0] in RELATIVE else ""
    rest = words[1:] if rel else words
    if len(rest) == 1 and rest[0] in ("week", "month", "year", "weekend") and (rel or rest[0] == "weekend"):
        return _named_period(rel, rest[0], published)
    if len(rest) == 1 and rest[0] in WEEKDAYS:
        return _weekday(WEEKDAYS[rest[0]], rel, published), DatePrecision.DAY
    parts = _calendar(rest)
    if parts is None or parts[2] is not None:
        return None
    day, month, _ = parts
    if day is None:
        return _month(month, rel, published)
    return None if rel else _day_of_year(month, day, published)


def _counted(words: list[str], published: date, forward: bool) -> Resolved | None:
    """Counted units: "two days ago", "a week ago", "in three weeks", "two months from now"."""
    if len(words) < 2 or words[1] not in UNITS:
        return None
    count = NUMBERS.get(words[0]) or (int(words[0]) if words[0].isdigit() else None)
    if count is None:
        return None
    tail = words[2:]
    if tail == ["ago"]:
        return _shift(published, -count, UNITS[words[1]])
    if tail in (["from", "now"], ["time"]) or (forward and not tail):
        return _shift(published, count, UNITS[words[1]])
    return None


def _shift(published: date, count: int, unit: str) -> Resolved:
    """The day, week (from Monday), month or year ``count`` units from publication."""
    if unit == "day":
        return published + timedelta(days=count), DatePrecision.DAY
    if unit == "week":
        return _monday(published) + timedelta(weeks=count), DatePrecision.WEEK
    if unit == "month":
        months = published.year * 12 + published.month - 1 + count
        return date(months // 12, months % 12 + 1, 1), DatePrecision.MONTH
    return date(published.year + count, 1, 1), _PRECISION[unit]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _named_period(rel: str, unit: str, published: date) -> Resolved:
    """Named periods: "last week", "this month", "next year", "the weekend" (the ISO week it ends)."""
    offset = {"last": -1, "this": 0, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "weekend":
        if not rel:  # "over the weekend": the one just past, or the current one on a weekend
            offset = 0 if published.weekday() >= 5 else -1
        return _shift(published, offset, "week")
    return _shift(published, offset, unit)


def _weekday(weekday: int, rel: str, published: date) -> date:
    """Bare or "this": the closest such day not after publication; "last": strictly before;
    "next"/"coming": strictly after."""
    if rel in ("next", "coming"):
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    if rel == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _month(month: int, rel: str, published: date) -> Resolved:
    """Bare: the closest such month not after publication's month (the current one included);
    "this": the current year's; "last": strictly before; "next"/"coming": strictly after."""
    year = published.year
    if rel in ("next", "coming"):
        year += month <= published.month
    elif rel == "last":
        year -= month >= published.month
    elif rel != "this":
        year -= month > published.month
    return date(year, month, 1), DatePrecision.MONTH


def _day_of_year(month: int, day: int, published: date) -> Resolved | None:
    """The closest valid date not after publication: 29 February goes back to a leap year."""
    for year in range(published.year, published.year - 9, -1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if value <= published:
            return value, DatePrecision.DAY
    return None


def period_end(value: date, precision: DatePrecision) -> date:
    """The last day of the period that starts on ``value``."""
    if precision is DatePrecision.WEEK:
        return value + timedelta(days=6)
    if precision is DatePrecision.MONTH:
        return value.replace(day=monthrange(value.year, value.month)[1])
    if precision is DatePrecision.YEAR:
        return value.replace(month=12, day=31)
    return value


def is_historical(value: date, precision: DatePrecision, published: date | None,
                  historical_days: int = 30) -> bool:  # fmt: skip
    """True when the period ends more than ``historical_days`` days before publication (never
    without a publication date)."""
    if published is None:
        return False
    return (published - period_end(value, precision)).days > historical_days


# --- the date of an event -----------------------------------------------------------------------


def event_date(trigger: Token, published: date | None, historical_days: int = 30) -> EventDate | None:
    """When the event whose trigger (verb or event noun) is ``trigger`` happened.

    The first date phrase attached to the trigger that resolves (see :func:`date_phrases` and
    :func:`resolve_expression`); failing that, the publication date with precision day and text
    None; None when there is neither. ``historical`` is set when the period ends more than
    ``historical_days`` before publication.
    """
    found = attached_date(trigger, published)
    if found is None:
        return None if published is None else EventDate(published, DatePrecision.DAY)
    text, (value, precision) = found
    return EventDate(value, precision, text, is_historical(value, precision, published, historical_days))


def attached_date(trigger: Token, published: date | None) -> tuple[str, Resolved] | None:
    """(text as written, resolution) of the date phrase that applies to ``trigger``.

    The trigger's own phrases come first. A verb conjoined to another with the same tense and no
    date of its own shares that verb's date ("visited Moscow yesterday and met Putin"); an event
    noun that is the subject, object or attribute of a verb shares the verb's date ("held talks on
    Monday"). Dates of other clauses (complements, adverbial and relative clauses) never apply.
    """
    for owner in _date_owners(trigger):
        for text in date_phrases(owner):
            resolved = resolve_expression(text, published)
            if resolved is not None:
                return text, resolved
    return None


def _date_owners(trigger: Token) -> list[Token]:
    owners = [trigger]
    node = trigger
    while node.dep_ == "conj" and node.head is not node and node.head.tag_ == trigger.tag_:
        node = node.head
        owners.append(node)
        if len(owners) > 4:
            break
    head = trigger.head
    if (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")
            and head.pos_ in ("VERB", "AUX")):  # fmt: skip
        owners.append(head)
    return owners


def date_phrases(owner: Token) -> list[str]:
    """Texts of the date phrases attached to ``owner`` in its own clause, as written ("in early
    March", "two days ago", "every Monday"), closest in the tree first, then closest in the text.

    A phrase is a spaCy DATE or TIME entity, or an unlabelled weekday, month name, "yesterday",
    "today" or "tomorrow" used as an adverbial or prepositional object, with the preposition that
    governs it and the determiners before it. Phrases in clauses with their own verb are skipped,
    and so are dates modifying another noun ("the 1990s war", "Monday's attack" unless ``owner``
    is the attack).
    """
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for depth, token in _scope(owner):
        span = _phrase(token, owner)
        if span is not None and span not in found:
            found[span] = (depth, abs(token.i - owner.i))
    doc = owner.doc
    return [doc[start:end].text for (start, end), _ in sorted(found.items(), key=lambda item: item[1])]


def _scope(owner: Token) -> list[tuple[int, Token]]:
    """(depth, token) for the tokens under ``owner``, not entering clauses with their own event."""
    out: list[tuple[int, Token]] = []
    displaced = {t.i for t in _displaced(owner)}
    frontier = [owner]
    depth = 0
    while frontier:
        out += [(depth, token) for token in frontier]
        frontier = [child for token in frontier for child in _children_in_scope(token)
                    if child.i not in displaced]  # fmt: skip
        depth += 1
    return out


def _children_in_scope(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if not _own_clause(child):
            out.append(child)
        elif child.dep_ == "ccomp":
            out += _displaced(child)
    return out


def _displaced(clause: Token) -> list[Token]:
    """Phrases the parser hangs on a complement clause that belong to the verb before it: in "Iran
    said on Monday it would retaliate", "on Monday" comes before the clause's subject."""
    if clause.dep_ != "ccomp" or clause.head.i > clause.i:
        return []
    starts = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "mark")]
    if not starts:
        return []
    boundary = min(starts)
    return [c for c in clause.children
            if c.dep_ in ("prep", "npadvmod", "advmod") and clause.head.i < c.i < boundary]  # fmt: skip


def _own_clause(token: Token) -> bool:
    return token.dep_ in CLAUSE_DEPS or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"))


def _phrase(token: Token, owner: Token) -> tuple[int, int] | None:
    """Token bounds of the date phrase whose head is ``token``, if it is one."""
    if token.ent_type_ in ("DATE", "TIME"):
        start, end = _entity_bounds(token)
        if token.doc[start:end].root != token:
            return None
    elif _unlabelled_date(token):
        start, end = token.left_edge.i, token.right_edge.i + 1
    else:
        return None
    head = token.head
    if token.dep_ in NOUN_MODIFIER_DEPS and head != owner and head.pos_ in ("NOUN", "PROPN"):
        return None
    return _extend_left(token, start), end


def _unlabelled_date(token: Token) -> bool:
    """A weekday, month name, "yesterday" or "today" outside any entity, used as an adverbial."""
    word = token.lower_
    dated = word in TEMPORAL_WORDS or (word in MONTH_WORDS and token.pos_ == "PROPN")
    return dated and not token.ent_type_ and token.dep_ in ("npadvmod", "pobj", "advmod", "tmod")


def _entity_bounds(token: Token) -> tuple[int, int]:
    """Bounds of the DATE/TIME entities around ``token``, adjacent ones merged ("Wednesday evening"
    is a DATE then a TIME)."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start - 1].ent_type_ in ("DATE", "TIME"):
        start -= 1
    while end < len(doc) and doc[end].ent_type_ in ("DATE", "TIME"):
        end += 1
    return start, end


def _extend_left(root: Token, start: int) -> int:
    """Take in determiners ("every Monday") and the governing preposition ("in early March")."""
    doc = root.doc
    while start > 0 and doc[start - 1].head == root and doc[start - 1].dep_ in PHRASE_LEFT_DEPS:
        start -= 1
    head = root.head
    if head.i == start - 1 and head.dep_ == "prep":
        start -= 1
    return start
