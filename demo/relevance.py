"""The relevance harness: judged queries scored through the public API as nDCG@10,
overall and per category. Two judged sets share one scoring path (`score`); each says
how its content is loaded into an empty database and how its documents are graded:

- the **demo** set (`DemoSet`, demo/judged/judgments.json): queries over the demo
  generator's synthetic content (`load_demo --synthetic`), graded from the content's
  own tags by the rule below;
- the **independent** set (`IndependentSet`, demo/judged/independent/): a corpus
  written for the purpose, imported with `import_cases` and `import_experts`, and
  grades given by hand per document, by reading it against the question. It does not
  share the demo's tags, so it is the one that tells how the search does on content it
  was not tuned to (docs/search-relevance.md).

The demo set's judgments (demo/judged/judgments.json): each query states what it asks
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

import hashlib
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import Client

from cases.models import CaseIndexPage, CaseStudyPage
from experts.models import ExpertProfilePage
from home.models import HomePage

from .subjects import SUBJECTS

FOLDER = Path(__file__).resolve().parent / "judged"
CUTOFF = 10
# Issue 26's recall criterion: no query with this many relevant documents (any grade)
# may return fewer than FEW_RESULTS results.
MANY_RELEVANT, FEW_RESULTS = 4, 3
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


def search(client, query, engine="opensearch"):
    params = {"q": query["q"], "ui_language": query["language"], "page_size": CUTOFF, **query.get("params", {})}
    response = client.get("/api/v1/search/", params, HTTP_HOST="127.0.0.1")
    if response.status_code != 200:
        raise RuntimeError(f"query {query['id']!r}: the API answered {response.status_code}: {response.content[:200]}")
    answer = response.json()
    # A busy node makes the API fall back to the database: the figures would then
    # measure another engine than the one asked for.
    if answer["engine"] != engine:
        raise RuntimeError(f"query {query['id']!r} was answered by {answer['engine']}, not {engine}")
    return answer


class JudgedSet:
    """Judged queries (`folder`/judgments.json), their recorded figures
    (`folder`/baseline.json) and the content they were judged on."""

    name = ""
    folder = FOLDER

    @property
    def judgments_path(self):
        return self.folder / "judgments.json"

    @property
    def baseline_path(self):
        return self.folder / "baseline.json"

    def judgments(self):
        return json.loads(self.judgments_path.read_text(encoding="utf-8"))

    def baseline(self):
        return json.loads(self.baseline_path.read_text()) if self.baseline_path.exists() else None

    def load(self, verbosity=0):
        """Put the set's content into an empty (migrated) database."""
        raise NotImplementedError

    def recorded_on(self, judgments):
        """What the figures were measured on, recorded with them: a baseline taken on
        other content is no guard."""
        raise NotImplementedError

    def graded(self, judgments):
        """[(query, {translation key: grade})] for every judged query; unlisted documents are 0."""
        raise NotImplementedError


class DemoSet(JudgedSet):
    name = "demo"

    def load(self, verbosity=0):
        """The generator's content alone: the judgments grade documents from the
        synthetic subjects' tags and practice names (demo/subjects.py), which the real
        practices do not carry."""
        demo = self.judgments()["demo"]
        call_command(
            "load_demo",
            cases=0,
            experts=0,
            synthetic=demo["cases"],
            synthetic_experts=demo["experts"],
            seed=demo["seed"],
            verbosity=verbosity,
        )

    def recorded_on(self, judgments):
        return {"demo": judgments["demo"]}

    def graded(self, judgments):
        units = catalogue()
        graded = []
        for query in judgments["queries"]:
            grades = {key: value for key, unit in units.items() if (value := grade(query, unit))}
            if 3 not in grades.values():
                raise ValueError(f"query {query['id']!r} has no document graded 3 in this demo: fix the judgment")
            graded.append((query, grades))
        return graded


class IndependentSet(JudgedSet):
    name = "independent"
    folder = FOLDER / "independent"

    def corpus(self, judgments):
        return {kind: self.folder / name for kind, name in judgments["corpus"].items()}

    def load(self, verbosity=0):
        call_command("setup_site", no_admin=True, verbosity=verbosity)
        ensure_case_index()
        corpus = self.corpus(self.judgments())
        call_command("import_cases", str(corpus["cases"]), verbosity=verbosity)
        call_command("import_experts", str(corpus["experts"]), verbosity=verbosity)

    def recorded_on(self, judgments):
        digest = hashlib.sha256(self.judgments_path.read_bytes())
        for path in self.corpus(judgments).values():
            digest.update(path.read_bytes())
        return {"content": digest.hexdigest()[:16]}

    def graded(self, judgments):
        groups = translation_keys()
        graded = []
        for query in judgments["queries"]:
            missing = sorted(set(query["grades"]) - set(groups))
            if missing:
                raise ValueError(f"query {query['id']!r} grades {', '.join(missing)}, which is not imported")
            graded.append((query, {groups[external_id]: value for external_id, value in query["grades"].items()}))
        return graded


DEMO, INDEPENDENT = DemoSet(), IndependentSet()
SETS = {judged.name: judged for judged in (DEMO, INDEPENDENT)}


def ensure_case_index():
    """The case index the importer puts cases under: `setup_site` makes none (the demo
    loader does), and the importer adds the other languages' indexes as translations."""
    if not CaseIndexPage.objects.exists():
        home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        home.add_child(instance=CaseIndexPage(title="Case studies", slug="case-studies")).save_revision().publish()


def translation_keys():
    """{external_id: translation key} of every imported case and expert."""
    pages = list(CaseStudyPage.objects.exclude(external_id="").values_list("external_id", "translation_key"))
    pages += list(ExpertProfilePage.objects.exclude(external_id="").values_list("external_id", "translation_key"))
    return {external_id: str(key) for external_id, key in pages}


def score(graded, client=None, engine="opensearch"):
    """Per query: its category, nDCG@10, what came back graded, and how many documents
    are relevant to it. `graded` as `JudgedSet.graded` gives it; one result per
    translation group, as the API returns."""
    client = client or Client()
    keys_by_page = page_keys()
    scored = []
    for query, grades in graded:
        returned = [grades.get(keys_by_page.get(hit["id"]), 0) for hit in search(client, query, engine)["results"]]
        relevant = sum(1 for value in grades.values() if value > 0)
        figure = ndcg(returned, list(grades.values()))
        scored.append({**query, "ndcg": figure, "returned": returned, "relevant": relevant})
    return scored


def page_keys():
    pages = list(CaseStudyPage.objects.values_list("pk", "translation_key"))
    pages += list(ExpertProfilePage.objects.values_list("pk", "translation_key"))
    return {pk: str(key) for pk, key in pages}


def too_few(query):
    """Whether a query with many relevant documents comes back nearly empty (issue 26)."""
    return query["relevant"] >= MANY_RELEVANT and len(query["returned"]) < FEW_RESULTS


def summarise(scored):
    """{"overall": mean nDCG@10, "categories": {category: {"ndcg": mean, "queries": count}},
    "too_few": the queries with MANY_RELEVANT relevant documents or more that return
    fewer than FEW_RESULTS}."""
    by_category = defaultdict(list)
    for query in scored:
        by_category[query["category"]].append(query["ndcg"])
    return {
        "overall": round(sum(query["ndcg"] for query in scored) / len(scored), 3),
        "categories": {
            name: {"ndcg": round(sum(values) / len(values), 3), "queries": len(values)}
            for name, values in sorted(by_category.items())
        },
        "too_few": sum(1 for query in scored if too_few(query)),
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
