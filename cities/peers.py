""" "Cities like mine": member cities ranked by how alike their context is (region,
country, size) and the themes and topics they work on, each with the practices of
theirs on topics the visiting city has not worked on yet.

The score is a sum of small, explainable parts (docs/decisions.md, issue 18):
- same region 2, same country 1 more;
- size: 2 for the same population, falling to 0 at ten times more or less;
- work: twice the Jaccard overlap of their topics, plus that of their themes.
"""

import math
from dataclasses import dataclass, field

PEERS_SHOWN = 5
IDEAS_PER_PEER = 3


@dataclass
class Profile:
    """What the ranking knows of a member city."""

    city: object
    population: int | None
    themes: set = field(default_factory=set)
    topics: set = field(default_factory=set)
    # Its practices, each with the set of its topics: (case, topics).
    cases: list = field(default_factory=list)


@dataclass
class Peer:
    profile: Profile
    score: float
    ideas: list


def jaccard(first, second):
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def size_likeness(first, second):
    """2 for the same population, 0 from ten times bigger or smaller; 0 when unknown."""
    if not first or not second:
        return 0.0
    return 2 * max(0.0, 1 - abs(math.log10(first) - math.log10(second)))


def likeness(mine, theirs):
    context = 0.0
    if mine.city.region_id == theirs.city.region_id:
        context += 2
        if mine.city.country_id == theirs.city.country_id:
            context += 1
    context += size_likeness(mine.population, theirs.population)
    work = 2 * jaccard(mine.topics, theirs.topics) + jaccard(mine.themes, theirs.themes)
    return context + work


def ideas(mine, theirs):
    """Their practices on at least one topic the visiting city has not worked on."""
    return [case for case, topics in theirs.cases if topics - mine.topics][:IDEAS_PER_PEER]


def peers(mine, profiles, count=PEERS_SHOWN):
    """The member cities most like `mine`, best first; ties by name."""
    ranked = [
        Peer(theirs, likeness(mine, theirs), ideas(mine, theirs)) for theirs in profiles if theirs.city != mine.city
    ]
    ranked.sort(key=lambda peer: (-peer.score, str(peer.profile.city)))
    return ranked[:count]
