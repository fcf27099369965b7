"""Shared factories for tests (and, from the case issue on, the demo loader)."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from cases.models import CaseIndexPage, CaseStudyPage
from home.models import City, SustainableDevelopmentGoal, Topic


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-long-test-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class SuperUserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class CaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Practices"
    intro = "Good practices from member cities."

    class Meta:
        model = CaseIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    """A published case in a member city, with one theme, one topic of it and an SDG."""

    title = factory.Sequence(lambda n: f"Practice number {n}")
    summary = factory.Faker("paragraph")
    city = factory.LazyFunction(lambda: City.objects.get(slug="barcelona"))
    start_year = 2019
    context = "<p>The city faced a challenge.</p>"

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True

    @factory.post_generation
    def taxonomy(page, create, extracted, **kwargs):
        if not create:
            return
        topic = Topic.objects.get(slug=kwargs.get("topic", "housing"))
        page.themes.set([topic.theme])
        page.topics.set([topic])
        page.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=kwargs.get("sdgs", [11])))
        page.save_revision().publish()
