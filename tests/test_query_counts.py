"""A page costs a small, fixed number of database queries however much it shows: a
case with one of everything or four, an expert with one case or four, a spotlight
with one featured case and section or four, a spotlight section with one case or
four, a search page with two results or eight.

Each page is measured on its second visit, as a running site serves it: the first
visit fills the process caches (vocabularies, image renditions) once for everyone.
"""

from datetime import date

import pytest
import wagtail_factories

from cases.models import (
    CaseDocument,
    FollowUp,
    OutcomeIndicator,
    RelatedCase,
    Replication,
    SpotlightFeaturedCase,
    SpotlightPage,
    SpotlightSectionCase,
    SpotlightSectionPage,
)
from demo.factories import CaseStudyPageFactory
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from home.models import HomePage
from search import index
from taxonomy.models import Approach, City, Spotlight, SustainableDevelopmentGoal, TargetGroup, Theme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The budgets, anonymous visitor. Most of each is what every page costs (site,
# locale, page tree walk, view restrictions, menu, language switcher and canonical
# links, and the sites' root paths, which Wagtail reads from the shared cache so that
# every process sees the same); the rest is one query per list the page shows, never
# one per item. A page that asks OpenSearch (search, similar pages) also reads the
# search breaker's state from the shared cache (search/breaker.py).
# One more finds whether a case is an unfinished translation (core/translation_gaps.py).
# The footer reads the page cache's content version (home/templatetags/footer_tags.py):
# one query on every budget below, none when the page cache renders the page.
# A case page also reads its kept similar cases with the tokens they were kept under
# (search/related.py): one query with the database cache, none with Redis.
# Two list its outcome indicators and follow-ups. Its replication chain
# (cases/replications.py) costs one query per step of the chain (two here, the last
# finding nothing new) and one for the versions in the page's language, where the two
# "inspired by" / "replicated in" lists it replaced cost two.
CASE_PAGE_QUERIES = 45
# Two of them list similar experts: the list, and which pages are private; one finds
# whether the profile is an unfinished translation.
EXPERT_PAGE_QUERIES = 32
# A few list the sections' practices, for all sections at once (cases.models.collections):
# the sections' versions in every language, their child and curated cases, and the
# versions shown; the figures read the collection's pages, then count.
SPOTLIGHT_PAGE_QUERIES = 26
# Four list its practices: its versions, their child and curated cases, the versions shown.
SECTION_PAGE_QUERIES = 21
# Results, facets and labels come from OpenSearch and cached vocabularies.
SEARCH_PAGE_QUERIES = 8
SMALL, LARGE = 1, 4


# A page served from the anonymous page cache (core/page_cache.py) costs one query:
# the entry and its dependencies' versions, read together.
CACHED_PAGE_QUERIES = 1
# A search from the cache still counts itself for the editors' analytics: one UPDATE,
# once the answer is out (searchstats/).
COUNTED_SEARCH_QUERIES = 1


@pytest.fixture
def measure(client, django_assert_max_num_queries, settings):
    """How many queries a warm visit of `url` makes when it is rendered (not served
    from the page cache); fails above `limit`."""
    settings.PAGE_CACHE_VIEWS = ()

    def count(url, limit):
        assert client.get(url).status_code == 200
        with django_assert_max_num_queries(limit) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    return count


def themes_and_topics(size):
    """`size` themes, each with one of its topics, as an editor ticks them."""
    themes = list(Theme.objects.all()[:size])
    return {"themes": themes, "topics": [theme.topics.first() for theme in themes]}


def expert_profile(name, size):
    """A published expert with `size` themes, topics, SDGs and expertise tags."""
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    profile = ExpertProfilePage(
        title=name,
        slug=name.lower().replace(" ", "-"),
        city=City.objects.get(slug="accra"),
        photo=wagtail_factories.ImageFactory(),
        owner_account=UserFactory(),
        sdgs=list(SustainableDevelopmentGoal.objects.all()[:size]),
        **themes_and_topics(size),
    )
    directory.add_child(instance=profile)
    profile.expertise_tags.set([f"tag {number}" for number in range(size)])
    profile.save_revision().publish()
    return profile


def case_card(index, **fields):
    """A case as the lists of cases show it: with a picture."""
    return CaseStudyPageFactory(parent=index, hero_image=wagtail_factories.ImageFactory(), **fields)


def case_showing(index, size, **fields):
    """A case with `size` of everything its page lists: themes and topics, SDGs, target
    groups, approaches, further cities, tags, gallery pictures, partners, documents,
    cases it was inspired by, cases that copied it, related cases, outcome indicators
    and follow-ups."""
    others = [case_card(index) for _ in range(size)]
    pictures = [other.hero_image for other in others]
    partner = {"name": "Housing Europe", "role": "Funding", "website": "https://example.org"}
    case = CaseStudyPageFactory(
        parent=index,
        hero_image=pictures[0],
        gallery=[("image", {"image": picture, "caption": picture.title}) for picture in pictures],
        partners=[("partner", partner)] * size,
        taxonomy__sdgs=range(1, size + 1),
        **{f"taxonomy__{name}": terms for name, terms in themes_and_topics(size).items()},
        taxonomy__target_groups=list(TargetGroup.objects.all()[:size]),
        taxonomy__approaches=list(Approach.objects.all()[:size]),
        taxonomy__further_cities=list(City.objects.all()[:size]),
        taxonomy__tags=[f"tag {n}" for n in range(size)],
        **fields,
    )
    for other in others:
        CaseDocument.objects.create(page=case, document=wagtail_factories.DocumentFactory())
        Replication.objects.create(source=other, adopter=case, status=Replication.Status.APPROVED)
        Replication.objects.create(source=case, adopter=other, status=Replication.Status.APPROVED)
        RelatedCase.objects.create(page=case, case=other)
        OutcomeIndicator.objects.create(page=case, measure="Homes", value=10, unit="homes", baseline_value=2)
        FollowUp.objects.create(page=case, date=date(2024, 1, 1), text="Still running.")
    return case


def spotlight_showing(index, size, slug):
    """A spotlight page with `size` sections, each with `size` cases of its own and
    `size` curated from elsewhere, and `size` featured cases."""
    spotlight = Spotlight.objects.get(slug=slug)
    page = SpotlightPage(title=spotlight.labels["en"], slug=slug, spotlight=spotlight, intro="How cities responded.")
    HomePage.objects.get(locale__language_code="en").add_child(instance=page)
    page.save_revision().publish()
    for number in range(size):
        section = page.add_child(instance=SpotlightSectionPage(title=f"Chapter {number}", intro="Lessons."))
        section.save_revision().publish()
        for _ in range(size):
            case_card(section)
            SpotlightSectionCase.objects.create(page=section, case=case_card(index))
    for _ in range(size):
        SpotlightFeaturedCase.objects.create(page=page, case=case_card(index, taxonomy__spotlights=[spotlight]))
    return page


@pytest.mark.opensearch
def test_a_case_page_costs_the_same_queries_with_one_or_four_of_everything(case_index, measure):
    small = case_showing(case_index, SMALL, contact_expert=expert_profile("Amara Okafor", SMALL))
    large = case_showing(case_index, LARGE, contact_expert=expert_profile("Jonas Berg", LARGE))
    assert measure(small.url, CASE_PAGE_QUERIES) == measure(large.url, CASE_PAGE_QUERIES)


def test_an_expert_page_costs_the_same_queries_with_one_or_four_cases(case_index, measure):
    small, large = expert_profile("Amara Okafor", SMALL), expert_profile("Jonas Berg", LARGE)
    for profile, size in ((small, SMALL), (large, LARGE)):
        for _ in range(size):
            case_card(case_index, contact_expert=profile)
    assert measure(small.url, EXPERT_PAGE_QUERIES) == measure(large.url, EXPERT_PAGE_QUERIES)


@pytest.mark.opensearch
def test_a_spotlight_page_costs_the_same_queries_with_one_or_four_featured_cases(
    case_index, apply_index_changes, measure
):
    small = spotlight_showing(case_index, SMALL, "covid-19")
    large = spotlight_showing(case_index, LARGE, "care")
    apply_index_changes()
    assert measure(small.url, SPOTLIGHT_PAGE_QUERIES) == measure(large.url, SPOTLIGHT_PAGE_QUERIES)


def test_a_spotlight_section_costs_the_same_queries_with_one_or_four_cases(case_index, measure):
    small = spotlight_showing(case_index, SMALL, "covid-19").get_children().specific().first()
    large = spotlight_showing(case_index, LARGE, "care").get_children().specific().first()
    assert measure(small.url, SECTION_PAGE_QUERIES) == measure(large.url, SECTION_PAGE_QUERIES)


@pytest.mark.opensearch
def test_the_search_page_costs_the_same_queries_with_two_or_eight_results(
    catalogue, apply_index_changes, measure, client
):
    url = "/en/search/?sdg=11"
    two = measure(url, SEARCH_PAGE_QUERIES)
    for _ in range(6):
        case_card(catalogue["housing"].get_parent(), taxonomy__sdgs=[11])
    apply_index_changes()
    assert client.get(url).context["results"].total == 8
    assert measure(url, SEARCH_PAGE_QUERIES) == two


@pytest.mark.opensearch
def test_a_page_from_the_page_cache_costs_one_query(
    case_index, client, django_assert_max_num_queries, index_prefix, settings
):
    settings.OPENSEARCH_SEARCH_TIMEOUT = 30  # a timed-out read falls back, and is never cached
    case = case_showing(case_index, LARGE)
    index.ensure_index()
    for url, queries in (
        (case.url, CACHED_PAGE_QUERIES),
        ("/en/", CACHED_PAGE_QUERIES),
        ("/en/search/?q=housing", CACHED_PAGE_QUERIES + COUNTED_SEARCH_QUERIES),
    ):
        assert client.get(url)["X-Cache"] == "miss"
        with django_assert_max_num_queries(queries):
            assert client.get(url)["X-Cache"] == "hit"
