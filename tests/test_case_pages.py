"""Case studies, spotlight collections and articles: where they live, how editors
fill them in, and what visitors read."""

import pytest
import wagtail_factories
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cases.models import (
    ArticleIndexPage,
    CaseIndexPage,
    CaseStudyPage,
    CityPortraitPage,
    PositionPage,
    SpotlightFeaturedCase,
    SpotlightPage,
    SpotlightSectionCase,
    SpotlightSectionPage,
)
from cases.models.case import CASES_PER_PAGE
from demo.factories import CaseStudyPageFactory
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from home.models import HomePage, InformationPage
from taxonomy.models import City, Spotlight, SustainableDevelopmentGoal, Topic

# What the search panel says when the database answered instead of OpenSearch.
FALLBACK_NOTICE = "The search engine is unavailable"


class PagePlacementTests(WagtailPageTestCase):
    def test_every_page_type_lives_only_where_it_belongs(self):
        self.assertAllowedSubpageTypes(
            HomePage, {CaseIndexPage, SpotlightPage, ArticleIndexPage, ExpertDirectoryPage, InformationPage}
        )
        self.assertAllowedParentPageTypes(CaseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseIndexPage, SpotlightSectionPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())
        self.assertAllowedParentPageTypes(SpotlightPage, {HomePage})
        self.assertAllowedSubpageTypes(SpotlightPage, {SpotlightSectionPage})
        self.assertAllowedSubpageTypes(SpotlightSectionPage, {CaseStudyPage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {CityPortraitPage, PositionPage})
        self.assertAllowedParentPageTypes(CityPortraitPage, {ArticleIndexPage})
        self.assertAllowedParentPageTypes(PositionPage, {ArticleIndexPage})
        self.assertCanNotCreateAt(Page, CaseStudyPage)
        self.assertAllowedParentPageTypes(ExpertProfilePage, {ExpertDirectoryPage})
        self.assertAllowedSubpageTypes(ExpertProfilePage, set())


@pytest.mark.django_db
@pytest.mark.opensearch
def test_a_case_page_shows_its_sections_and_facts(client, case_index):
    case = CaseStudyPageFactory(parent=case_index, title="Affordable housing cooperatives", taxonomy__sdgs=[3, 11])
    html = client.get(case.url).content.decode()
    assert "Affordable housing cooperatives" in html
    assert "Context and challenge" in html
    assert "Barcelona, Spain" in html
    assert "3. Good health and well-being" in html
    assert "Described by the city" in html


@pytest.mark.django_db
def test_a_new_case_has_a_context_before_it_is_saved(case_index, rf):
    # As the admin's create view previews it: in its parent's language, never saved.
    case = CaseStudyPage(title="Superblocks", city=City.objects.get(slug="barcelona"), locale=case_index.locale)
    context = case.get_context(rf.get("/"))
    assert context["page"] is case
    assert list(case.documents.all()) == []


@pytest.mark.django_db
def test_the_map_position_defaults_to_the_city(case_index):
    case = CaseStudyPageFactory(parent=case_index, city=City.objects.get(slug="berlin"))
    assert (float(case.latitude), float(case.longitude)) == (52.52, 13.405)


@pytest.mark.django_db
def test_the_case_index_lists_published_cases_only(client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Published practice")
    draft = CaseStudyPageFactory(parent=case_index, title="Draft practice")
    draft.unpublish()
    html = client.get(case_index.url).content.decode()
    assert "Published practice" in html
    assert "Draft practice" not in html


@pytest.mark.opensearch
@pytest.mark.django_db
def test_a_spotlight_counts_its_cases_countries_and_cities_live(client, case_index, apply_index_changes):
    home = HomePage.objects.get(locale__language_code="en")
    spotlight = home.add_child(
        instance=SpotlightPage(
            title="Cities for Global Health",
            intro="COVID-19 responses.",
            spotlight=Spotlight.objects.get(slug="covid-19"),
        )
    )
    section = spotlight.add_child(instance=SpotlightSectionPage(title="Emergency response"))
    CaseStudyPageFactory(parent=section, title="Food parcels")
    elsewhere = CaseStudyPageFactory(parent=case_index, title="Tele-care", city=City.objects.get(slug="berlin"))
    SpotlightSectionCase.objects.create(page=section, case=elsewhere)
    CaseStudyPageFactory(parent=case_index, title="Unrelated")
    apply_index_changes()

    assert spotlight.key_figures() == {"cases": 2, "countries": 2, "cities": 2}
    html = client.get(spotlight.url).content.decode()
    assert "2 practices from 2 countries and 2 cities" in html
    assert FALLBACK_NOTICE not in html
    section_html = client.get(section.url).content.decode()
    assert section_html.index("Food parcels") < section_html.index("Tele-care")
    # Each figure takes its own plural.
    elsewhere.unpublish()
    apply_index_changes()
    assert "1 practice from 1 country and 1 city" in client.get(spotlight.url).content.decode()


@pytest.mark.opensearch
@pytest.mark.django_db
def test_a_spotlight_tells_its_story_from_its_figures_through_its_sections_to_its_search(
    client, case_index, apply_index_changes
):
    covid = Spotlight.objects.get(slug="covid-19")
    spotlight = HomePage.objects.get(locale__language_code="en").add_child(
        instance=SpotlightPage(
            title="Cities for Global Health",
            intro="COVID-19 responses.",
            spotlight=covid,
            hero_image=wagtail_factories.ImageFactory(title="IMG_2041"),
            hero_alt="Volunteers at a food bank",
        )
    )
    emergency = spotlight.add_child(instance=SpotlightSectionPage(title="Emergency response", intro="The first weeks."))
    recovery = spotlight.add_child(instance=SpotlightSectionPage(title="Recovery"))
    CaseStudyPageFactory(parent=emergency, title="Food parcels")
    for number in range(5):
        CaseStudyPageFactory(parent=recovery, title=f"Reopening plan {number}")
    tele_care = CaseStudyPageFactory(
        parent=case_index, title="Tele-care", city=City.objects.get(slug="berlin"), taxonomy__spotlights=[covid]
    )
    SpotlightFeaturedCase.objects.create(page=spotlight, case=tele_care)
    CaseStudyPageFactory(parent=case_index, title="Cycle lanes")  # outside the collection
    apply_index_changes()

    # What the visitor reads: the head's JSON-LD names the featured cases too.
    html = client.get(spotlight.url).content.decode().split("<main", 1)[1]
    story = ["7 practices from 2 countries and 2 cities", "In this collection", "Emergency response", "Recovery"]
    story += ["Featured cases", "Tele-care", "Search this collection"]
    positions = [html.index(text) for text in story]
    assert positions == sorted(positions)
    assert 'alt="Volunteers at a food bank"' in html
    sections = html[html.index("In this collection") : html.index("Featured cases")]
    assert f'href="{emergency.url}"' in sections and "The first weeks." in sections and "Food parcels" in sections
    # A long section shows its first cases and leads to the rest on its own page.
    assert f'href="{recovery.url}"' in sections and "Reopening plan 3" in sections
    assert "Reopening plan 4" not in sections and "See all 5 practices of this section" in sections
    assert "Reopening plan 4" in client.get(recovery.url).content.decode()
    # The collection's own search answers from OpenSearch and counts what the figures
    # count: the cases placed in its sections as well as the one tagged elsewhere.
    search = html[html.index("Search this collection") :]
    assert FALLBACK_NOTICE not in search
    assert "7 results" in search and "Tele-care" in search and "Food parcels" in search
    assert "Cycle lanes" not in search and "Cities for Global Health" not in search


@pytest.mark.django_db
def test_a_long_section_lists_its_cases_a_page_at_a_time(client, case_index):
    spotlight = HomePage.objects.get(locale__language_code="en").add_child(
        instance=SpotlightPage(title="Care", intro="Care.", spotlight=Spotlight.objects.get(slug="care"))
    )
    section = spotlight.add_child(instance=SpotlightSectionPage(title="Care at home"))
    for number in range(CASES_PER_PAGE):
        CaseStudyPageFactory(parent=section, title=f"Home visits {number:02d}")
    curated = CaseStudyPageFactory(parent=case_index, title="Respite for carers")
    SpotlightSectionCase.objects.create(page=section, case=curated)
    first = client.get(section.url).content.decode()
    assert "Home visits 11" in first and "Respite for carers" not in first
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    second = client.get(section.url, {"page": 2}).content.decode()
    assert "Respite for carers" in second and "Home visits 00" not in second


@pytest.mark.opensearch
@pytest.mark.django_db
def test_a_spotlight_without_cases_yet_shows_no_empty_figures(client, apply_index_changes):
    spotlight = HomePage.objects.get(locale__language_code="en").add_child(
        instance=SpotlightPage(title="Local Care Systems", intro="Care.", spotlight=Spotlight.objects.get(slug="care"))
    )
    spotlight.add_child(instance=SpotlightSectionPage(title="Reward care workers"))
    apply_index_changes()
    html = client.get(spotlight.url).content.decode()
    assert "0 practices" not in html and FALLBACK_NOTICE not in html
    assert "Reward care workers" in html and "No case has been published in this section yet." in html


@pytest.mark.django_db
def test_the_editor_form_adds_the_themes_of_topics_and_explains_wrong_years_and_missing_sdgs(case_index):
    form_class = CaseStudyPage.get_edit_handler().get_form_class()
    topic_elsewhere = Topic.objects.exclude(theme__slug="metropolitan-futures").first()
    form = form_class(
        data=nested_form_data(
            {
                "title": "A practice",
                "slug": "a-practice",
                "summary": "What the city did.",
                "city": City.objects.get(slug="barcelona").pk,
                "themes": [Topic.objects.get(slug="housing").theme_id],
                "topics": [topic_elsewhere.pk],
                "start_year": 2020,
                "end_year": 2018,
                "evidence_level": "described",
                **{name: streamfield([]) for name in ("key_figures", "partners", "timeline", "gallery")},
                **{name: inline_formset([]) for name in ("documents", "related_cases", "outcomes", "follow_ups")},
            }
        )
        | {"themes": [Topic.objects.get(slug="housing").theme_id], "topics": [topic_elsewhere.pk]},
        instance=CaseStudyPage(),
        parent_page=case_index,
        for_user=None,
    )
    assert not form.is_valid(), form.errors
    assert "topics" not in form.errors and "themes" not in form.errors
    assert topic_elsewhere.theme in form.cleaned_data["themes"]  # the topic brought its theme along
    assert form.errors["end_year"] == ["The end year cannot be before the start year."]
    assert "sdgs" in form.errors
    assert SustainableDevelopmentGoal.objects.count() == 17


@pytest.mark.django_db
@pytest.mark.opensearch
def test_articles_lead_to_the_cases_they_talk_about(client, case_index):
    from cases.models import PositionCase, SpotlightFeaturedCase
    from taxonomy.models import Theme

    case = CaseStudyPageFactory(parent=case_index, title="Care cooperatives")
    home = HomePage.objects.get(locale__language_code="en")
    articles = home.add_child(instance=ArticleIndexPage(title="Articles"))
    portrait = articles.add_child(
        instance=CityPortraitPage(
            title="Spotlight on Barcelona",
            summary="A city of neighbourhoods.",
            body="<p>History.</p>",
            city=City.objects.get(slug="barcelona"),
        )
    )
    position = articles.add_child(
        instance=PositionPage(
            title="Care is infrastructure", summary="An interview.", body="<p>Q and A.</p>", interviewee="A. Mayor"
        )
    )
    for article in (portrait, position):
        article.themes.set([Theme.objects.first()])
        article.sdgs.set([SustainableDevelopmentGoal.objects.get(number=5)])
        article.save()
    PositionCase.objects.create(page=position, case=case)
    spotlight = home.add_child(
        instance=SpotlightPage(title="Local Care Systems", intro="Care.", spotlight=Spotlight.objects.get(slug="care"))
    )
    SpotlightFeaturedCase.objects.create(page=spotlight, case=case)

    portrait_html = client.get(portrait.url).content.decode()
    assert "Practices from Barcelona" in portrait_html and "Care cooperatives" in portrait_html
    position_html = client.get(position.url).content.decode()
    assert "Cases discussed" in position_html and "Care cooperatives" in position_html
    assert "5. Gender equality" in position_html
    assert "Spotlight on Barcelona" in client.get(articles.url).content.decode()
    assert "Featured cases" in client.get(spotlight.url).content.decode()
