"""Factories for case pages, shared by the tests and the demo loader."""

import factory
import wagtail_factories

from cases.models import CaseIndexPage, CaseStudyPage
from taxonomy.models import City, SustainableDevelopmentGoal, Topic


class CaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Practices"
    intro = "Good practices from member cities."

    class Meta:
        model = CaseIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    """A published case in a member city, with a topic, its theme and an SDG.

    `taxonomy__topic` and `taxonomy__sdgs` choose the topic slug and SDG numbers; any
    other `taxonomy__<relation>` (target_groups, approaches, spotlights, tags...) sets
    that relation before the page is published.
    """

    title = factory.Sequence(lambda n: f"Practice number {n}")
    summary = factory.Faker("paragraph")
    city = factory.LazyFunction(lambda: City.objects.get(slug="barcelona"))
    start_year = 2019
    context = "<p>The city faced a challenge.</p>"

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True

    @factory.post_generation
    def taxonomy(page, create, extracted, topic="housing", sdgs=(11,), tags=(), **relations):
        if not create:
            return
        chosen = Topic.objects.select_related("theme").get(slug=topic)
        page.themes = [chosen.theme]
        page.topics = [chosen]
        page.sdgs = list(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
        for name, terms in relations.items():
            setattr(page, name, terms)
        page.tags.set(list(tags))
        page.save_revision().publish()
