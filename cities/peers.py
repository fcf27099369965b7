""" "Cities like mine": member cities ranked by how alike their context is (region,
country, size) and the problems they worked on, each listed with the reasons it is
alike and its practices most relevant to the visiting city.

Two rankings, chosen by the visitor (docs/decisions.md, issues 18 and 27):
- `like` (the default) sums small, explainable parts: same region 2, same country 1
  more; size 2 for the same population, falling to 0 at ten times more or less; work
  twice the Jaccard overlap of their topics plus that of their themes;
- `topics` ranks by the number of topics both cities worked on ("who solved my
  problem"), the context breaking ties.

A peer is listed only with a reason (`Peer.reasons`) and at least one practice: a
card is never empty.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext, ngettext

PEERS_SHOWN = 5
IDEAS_PER_PEER = 3
LIKE, TOPICS = "like", "topics"
MODES = (LIKE, TOPICS)
# "Size within x2": a peer between half and twice the visiting city's population.
SIZE_WITHIN = 2


@dataclass
class Profile:
    """What the ranking knows of a member city."""

    city: object
    population: int | None
    themes: set = field(default_factory=set)
    topics: set = field(default_factory=set)
    # How many live practices it has, in any language: a city with none is no peer.
    practices: int = 0
    # Its practices, each with the set of its topics: (case, topics), latest first.
    cases: list = field(default_factory=list)


@dataclass
class Peer:
    profile: Profile
    score: float | tuple
    ideas: list
    reasons: list = field(default_factory=list)

    @property
    def why(self):
        return " · ".join(self.reasons)


def jaccard(first, second):
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def size_likeness(first, second):
    """2 for the same population, 0 from ten times bigger or smaller; 0 when unknown."""
    if not first or not second:
        return 0.0
    return 2 * max(0.0, 1 - abs(math.log10(first) - math.log10(second)))


def similar_size(first, second):
    return bool(first and second) and max(first, second) <= SIZE_WITHIN * min(first, second)


def likeness(mine, theirs):
    context = 0.0
    if mine.city.region_id == theirs.city.region_id:
        context += 2
        if mine.city.country_id == theirs.city.country_id:
            context += 1
    context += size_likeness(mine.population, theirs.population)
    work = 2 * jaccard(mine.topics, theirs.topics) + jaccard(mine.themes, theirs.themes)
    return context + work


def reasons(mine, theirs):
    """Why `theirs` is like `mine`, in words, strongest first; empty when nothing is."""
    found = []
    if mine.city.country_id == theirs.city.country_id:
        found.append(gettext("Same country"))
    elif mine.city.region_id == theirs.city.region_id:
        found.append(gettext("Same region"))
    if similar_size(mine.population, theirs.population):
        found.append(gettext("Size within a factor of 2"))
    shared = len(mine.topics & theirs.topics)
    if shared:
        found.append(ngettext("%(count)d shared topic", "%(count)d shared topics", shared) % {"count": shared})
    elif themes := len(mine.themes & theirs.themes):
        found.append(ngettext("%(count)d shared theme", "%(count)d shared themes", themes) % {"count": themes})
    return found


def score(mine, theirs, mode):
    """What the peers are sorted on, highest first."""
    if mode == TOPICS:
        # Shared topics first; the overlap and then the context only break ties.
        return (len(mine.topics & theirs.topics), jaccard(mine.topics, theirs.topics), likeness(mine, theirs))
    return likeness(mine, theirs)


def ideas(mine, theirs):
    """Their practices most relevant to the visiting city: those sharing the most of
    its topics first (who solved the same problem), then the latest."""
    ranked = sorted(enumerate(theirs.cases), key=lambda item: (-len(item[1][1] & mine.topics), item[0]))
    return [case for _, (case, _topics) in ranked[:IDEAS_PER_PEER]]


def peers(mine, profiles, mode=LIKE, count=PEERS_SHOWN):
    """The member cities most like `mine`, best first (ties by name): each with at
    least one practice and one reason; in `topics` mode, at least one shared topic."""
    ranked = []
    for theirs in profiles:
        if theirs.city == mine.city or not theirs.practices:
            continue
        if mode == TOPICS and not mine.topics & theirs.topics:
            continue
        why = reasons(mine, theirs)
        if why:
            ranked.append(Peer(theirs, score(mine, theirs, mode), ideas(mine, theirs), why))
    ranked.sort(key=lambda peer: str(peer.profile.city))
    ranked.sort(key=lambda peer: peer.score, reverse=True)  # stable: ties stay by name
    return ranked[:count]
