"""Within-article coreference for the cases news uses most.

A :class:`Discourse` remembers, in reading order, every actor resolved so far in one article and
the persons introduced with a role. Anaphors resolve to the nearest *compatible* antecedent:
"it"/"its" to a state or organisation, "they"/"their" to a plural actor, "he"/"she" to a person,
"the latter"/"the former" to the last/second-to-last of two actors, "the neighbouring country"
to the last state not already named in the sentence, "the minister" to the last person holding
that role, a surname to the person introduced with it. No compatible antecedent within
``WINDOW`` sentences: unresolved (None), never a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from detente.model import Actor
from detente.names import MIN_LENGTH, translit_key

WINDOW = 2  # sentences back that an anaphor may reach
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "their", "them", "theirs", "themselves"})
PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
ANAPHORS = NEUTER | PLURAL | PERSONAL
STATE_NOUNS = frozenset({"country", "state", "nation", "republic", "kingdom", "neighbour", "neighbor"})
# Role nouns that "it"/"its" can refer to (an ambassador or a minister is "he"/"she").
INSTITUTIONS = frozenset({"government", "ministry", "administration", "regime", "cabinet", "army",
                          "military", "parliament", "side", "authority", "leadership", "embassy",
                          "court", "navy", "junta", "council", "agency", "organisation",
                          "organization", "party", "movement", "group"}) | STATE_NOUNS


@dataclass(frozen=True)
class Antecedent:
    sentence: int
    token: int
    actor: Actor
    plural: bool = False
    person: bool = False
    role: str | None = None  # lemma of the role noun ("minister")


@dataclass
class Discourse:
    """Per-article memory of resolved actors (mutable; one per article being coded)."""

    fuzzy_threshold: float = 90.0
    history: list[Antecedent] = field(default_factory=list)
    persons: dict[str, Actor] = field(default_factory=dict)  # lowercased name or surname -> actor
    _keys: dict[str, str] = field(default_factory=dict, repr=False)  # transliteration key -> name

    def remember(self, item: Antecedent) -> None:
        if not self.history or self.history[-1] != item:
            self.history.append(item)

    def introduce(self, name: str, actor: Actor) -> None:
        """Register a person introduced with a role, by full name and by surname."""
        parts = name.split()
        for key in {name.lower(), parts[-1].lower()} if parts else ():
            self.persons.setdefault(key, actor)
            self._keys.setdefault(translit_key(key), key)

    def person(self, name: str) -> Actor | None:
        """A person introduced earlier: exact name or surname, else a close spelling variant."""
        key = name.lower()
        if key in self.persons:
            return self.persons[key]
        last = key.split()[-1] if key.split() else key
        if last in self.persons:
            return self.persons[last]
        if len(last) < MIN_LENGTH or not self._keys:
            return None
        found = process.extractOne(translit_key(last), list(self._keys), scorer=fuzz.ratio,
                                   score_cutoff=self.fuzzy_threshold)  # fmt: skip
        return self.persons[self._keys[found[0]]] if found else None

    def _recent(self, sentence: int, token: int, ok: Callable[[Antecedent], bool],
                window: int = WINDOW) -> Antecedent | None:  # fmt: skip
        for item in reversed(self.history):
            if item.sentence < sentence - window:
                return None
            if (item.sentence, item.token) < (sentence, token) and ok(item):
                return item
        return None

    def pronoun(self, word: str, sentence: int, token: int) -> Actor | None:
        word = word.lower()
        if word in NEUTER:
            found = self._recent(sentence, token, lambda a: not a.person and not a.plural
                                 and (a.role is None or a.role in INSTITUTIONS))
        elif word in PLURAL:
            found = self._recent(sentence, token, lambda a: a.plural)
        elif word in PERSONAL:
            found = self._recent(sentence, token, lambda a: a.person)
        else:
            return None
        return found.actor if found else None

    def latter_former(self, word: str, sentence: int, token: int) -> Actor | None:
        """"the latter" / "the former": of the last two distinct actors before this token."""
        distinct: list[Actor] = []
        for item in reversed(self.history):
            if item.sentence < sentence - 1:
                break
            if (item.sentence, item.token) < (sentence, token) and item.actor.code not in {
                    a.code for a in distinct}:  # fmt: skip
                distinct.append(item.actor)
            if len(distinct) == 2:
                return distinct[0] if word == "latter" else distinct[1]
        return None

    def state(self, sentence: int, token: int) -> Actor | None:
        """"the neighbouring country": the last state not already named earlier in this sentence."""
        named_here = {a.actor.country for a in self.history
                      if a.sentence == sentence and a.token < token}  # fmt: skip

        def ok(a: Antecedent) -> bool:
            return (a.actor.country is not None and a.actor.sector in (None, "GOV")
                    and not a.person and a.actor.country not in named_here)  # fmt: skip

        found = self._recent(sentence, token, ok)
        return found.actor if found else None

    def role(self, lemma: str, sentence: int, token: int) -> Actor | None:
        """"the minister": the last actor introduced with that role noun."""
        found = self._recent(sentence, token, lambda a: a.role == lemma and a.actor.country is not None,
                             window=sentence + 1)
        return found.actor if found else None
