"""The relevance harness: the project's own judged queries over the demo content,
scored through the public API as nDCG@10, overall and per category.

Judgments are data (bench/relevance/judgments.json): each query states what it asks
for (its *intent*: a practice, topic, goal, group... and maybe a place) rather than a
list of pages, and every demo case or expert is graded against that intent from its
own tags and subject. So the grades follow from what the content means, whatever the
engine returns, and they stay right when the demo grows. The rule (documented in
docs/search-relevance.md):

  3  the document is what was asked for: every `about` term and every `where` term
  2  a near miss in the right place: part of the `about` terms (the topic of the asked
     practice, or some of several terms) and every `where` term, when a place was asked
  1  on the subject elsewhere, or partly on it; or the right subject in the wrong kind
     of document (a case for an expert query, an expert for a case query)
  0  anything else, and anything the query's own filters exclude
"""

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.test import Client

from cases.demo_subjects import SUBJECTS
from cases.models import CaseStudyPage
from experts.models import ExpertProfilePage

FOLDER = Path(settings.BASE_DIR) / "bench" / "relevance"
JUDGMENTS = FOLDER / "judgments.json"
BASELINE = FOLDER / "baseline.json"
CUTOFF = 10
# How far a category may fall below its recorded figure before the test fails.
TOLERANCE = 0.02
# The API parameters that narrow the results, and the document attribute each one reads.
FILTERS = {"type": "kind", "topic": "topics", "theme": "themes", "sdg": "sdgs", "target_group": "targets",
           "approach": "approaches", "region": "region", "country": "country", "city": "city"}  # fmt: skip


@dataclass
class Unit:
    """One case or expert with its translations: what a result stands for."""

    kind: str
    title: str
    values: dict = field(default_factory=dict)

    def has(self, attribute, value):
        return str(value) in self.values.get(attribute, ())


def practice_of(page, topics):
    """The demo practice a page tells of, found by its name in the page's own text."""
    text = f"{page.title} {getattr(page, 'summary', '')} {getattr(page, 'biography', '')}"
    language = page.locale.language_code
    for topic in topics:
        for practice in SUBJECTS[topic].practices if topic in SUBJECTS else ():
            if any(name in text for name in practice.names[language]):
                return practice.slug
    return None


def catalogue():
    """{translation_key: Unit} of every live case and expert, from their tags."""
    units = {}
    related = ("topics", "themes", "sdgs")
    for kind, pages in (
        ("case", CaseStudyPage.objects.live().prefetch_related(*related, "target_groups", "approaches")),
        ("expert", ExpertProfilePage.objects.live().prefetch_related(*related)),
    ):
        for page in pages.select_related("city__country", "city__region", "locale"):
            topics = [topic.slug for topic in page.topics.all()]
            values = {
                "kind": {kind},
                "topics": set(topics),
                "themes": {theme.slug for theme in page.themes.all()},
                "sdgs": {str(goal.number) for goal in page.sdgs.all()},
                "targets": {group.slug for group in page.target_groups.all()} if kind == "case" else set(),
                "approaches": {approach.slug for approach in page.approaches.all()} if kind == "case" else set(),
                "city": {page.city.slug} if page.city else set(),
                "country": {page.city.country.code} if page.city else set(),
                "region": {page.city.region.slug} if page.city else set(),
                "practice": {practice_of(page, topics)} - {None},
            }
            unit = units.setdefault(str(page.translation_key), Unit(kind, page.title))
            for name, found in values.items():  # translations agree; the union is harmless
                unit.values[name] = unit.values.get(name, set()) | found
    return units


def matches(unit, terms):
    return [unit.has(name, value) for name, value in terms.items()]


def grade(query, unit):
    """The grade of one document for one query (the rule in this module's docstring)."""
    if not all(unit.has(FILTERS[name], value) for name, value in query.get("params", {}).items()):
        return 0
    intent = query["intent"]
    about, where = matches(unit, intent["about"]), matches(unit, intent.get("where", {}))
    practice = intent["about"].get("practice")
    # A case of the asked practice's topic is a near miss, as is a case matching some of several terms.
    partly = any(about) or (practice and any(unit.has("topics", topic) for topic in topic_of(practice)))
    if all(about):
        value = 3 if all(where) else 1
    elif partly:
        value = 2 if where and all(where) else 1
    else:
        value = 0
    return min(value, 1) if unit.kind != intent.get("kind", "case") else value


def topic_of(practice):
    return [slug for slug, subject in SUBJECTS.items() if practice in {item.slug for item in subject.practices}]


def dcg(grades):
    return sum((2**value - 1) / math.log2(rank + 2) for rank, value in enumerate(grades[:CUTOFF]))


def ndcg(returned, every_grade):
    ideal = dcg(sorted(every_grade, reverse=True))
    return dcg(returned) / ideal if ideal else 0.0


def load(path=JUDGMENTS):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def search(client, query):
    params = {"q": query["q"], "ui_language": query["language"], "page_size": CUTOFF, **query.get("params", {})}
    response = client.get("/api/v1/search/", params, HTTP_HOST="127.0.0.1")
    if response.status_code != 200:
        raise RuntimeError(f"query {query['id']!r}: the API answered {response.status_code}: {response.content[:200]}")
    answer = response.json()
    if answer["engine"] != "opensearch":  # the database fallback answered: its figures would mean nothing
        raise RuntimeError(f"query {query['id']!r} was answered by {answer['engine']}, not OpenSearch")
    return answer


def score(judgments, units=None, client=None):
    """Per query: its category, nDCG@10 and what came back, graded."""
    units = units if units is not None else catalogue()
    client = client or Client()
    keys_by_page = page_keys()
    scored = []
    for query in judgments["queries"]:
        every_grade = [grade(query, unit) for unit in units.values()]
        if 3 not in every_grade:
            raise ValueError(f"query {query['id']!r} has no document graded 3 in this demo: fix the judgment")
        returned = []
        for hit in search(client, query)["results"]:
            unit = units.get(keys_by_page.get(hit["id"]))
            returned.append(grade(query, unit) if unit else 0)
        scored.append({**query, "ndcg": ndcg(returned, every_grade), "returned": returned})
    return scored


def page_keys():
    pages = list(CaseStudyPage.objects.values_list("pk", "translation_key"))
    pages += list(ExpertProfilePage.objects.values_list("pk", "translation_key"))
    return {pk: str(key) for pk, key in pages}


def summarise(scored):
    """{"overall": mean nDCG@10, "categories": {category: {"ndcg": mean, "queries": count}}}."""
    by_category = defaultdict(list)
    for query in scored:
        by_category[query["category"]].append(query["ndcg"])
    return {
        "overall": round(sum(query["ndcg"] for query in scored) / len(scored), 3),
        "categories": {
            name: {"ndcg": round(sum(values) / len(values), 3), "queries": len(values)}
            for name, values in sorted(by_category.items())
        },
    }


def drops(figures, baseline, tolerance=TOLERANCE):
    """The categories (and overall) more than `tolerance` below the recorded figures."""
    found = []
    if figures["overall"] < baseline["overall"] - tolerance:
        found.append(("overall", figures["overall"], baseline["overall"]))
    for name, recorded in baseline["categories"].items():
        now = figures["categories"].get(name, {"ndcg": 0.0})["ndcg"]
        if now < recorded["ndcg"] - tolerance:
            found.append((name, now, recorded["ndcg"]))
    return found
