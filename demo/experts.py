"""Demo expert profiles: varied people and organisations across the member cities,
in the three languages, some of them the contact of demo cases. An expert's topics
come from one theme and their goals from their main topic's plausible ones, as the
cases' do (demo/subjects.py); people have a drawn portrait. Seeded, so every run
makes the same profiles; idempotent by external_id."""

import random

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from cases.models import CaseStudyPage
from core.slugs import free_slug
from experts.directory import directory_for
from experts.models import Availability, ExpertProfilePage, ProfileType
from taxonomy.models import City, SustainableDevelopmentGoal, Topic

from .cases import LANGUAGES, SOURCE
from .pictures import portrait
from .subjects import SUBJECTS

EXPERT_COUNT = 40
FIRST_NAMES = (
    "Amara", "Lucía", "Mei", "Jonas", "Fatou", "Rafael", "Aïcha", "Sofía", "Kwame", "Elena", "Hiroshi", "Nadia",
    "Thiago", "Ingrid", "Omar", "Camille", "Priya", "Mateo", "Zanele", "Hugo",
)  # fmt: skip
LAST_NAMES = (
    "Okafor", "García", "Chen", "Berg", "Diallo", "Souza", "Benali", "Martínez", "Mensah", "Petrova", "Tanaka",
    "Haddad", "Oliveira", "Larsen", "Farouk", "Dubois", "Sharma", "Rojas", "Dlamini", "Lefèvre",
)  # fmt: skip
POSITIONS = {
    "en": ("Director of urban planning", "Policy adviser", "Researcher", "Head of international relations"),
    "fr": (
        "Directrice de l'urbanisme",
        "Conseiller politique",
        "Chercheuse",
        "Responsable des relations internationales",
    ),
    "es": ("Directora de urbanismo", "Asesor de políticas", "Investigadora", "Jefe de relaciones internacionales"),
}
BIOGRAPHIES = {
    "en": "<p>Has worked with city governments on {topic} for {years} years, most recently on {practice} "
    "in {city}. {does}</p>",
    "fr": "<p>Travaille depuis {years} ans avec les villes sur {topic}, dernièrement sur {practice} à {city}. "
    "{does}</p>",
    "es": "<p>Trabaja desde hace {years} años con los gobiernos locales en {topic}, últimamente en {practice} "
    "en {city}. {does}</p>",
}
# Three in five in the source language, like the cases, then the others in turn: en fr en es en.
OTHERS = [code for code in LANGUAGES if code != SOURCE] or [SOURCE]
ROTATION = [OTHERS[(turn // 2) % len(OTHERS)] if turn % 2 else SOURCE for turn in range(5)]
SPOKEN = ("en", "fr", "es", "pt", "ar", "zh", "de", "sw")


def build_demo_experts(seed=2026, count=EXPERT_COUNT, progress=None):
    pick = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
    cities = list(City.objects.filter(is_member=True).select_related("country"))
    topics = list(Topic.objects.filter(slug__in=SUBJECTS).select_related("theme"))  # as the cases
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}
    for number in range(1, count + 1):
        # Every draw happens whether or not the profile exists, so a second run makes the same choices.
        language = ROTATION[number % 5]
        city, main = pick.choice(cities), pick.choice(topics)
        second = pick.choice([topic for topic in topics if topic.theme_id == main.theme_id and topic != main])
        chosen_topics, subject = [main, second], SUBJECTS[main.slug]
        practice = pick.choice(subject.practices)
        values = {
            "title": f"{pick.choice(FIRST_NAMES)} {pick.choice(LAST_NAMES)}",
            "profile_type": ProfileType.ORGANISATION if number % 8 == 0 else ProfileType.INDIVIDUAL,
            "position": pick.choice(POSITIONS[language]),
            "organisation": city.institution or str(city),
            "city": city,
            "biography": BIOGRAPHIES[language].format(
                topic=subject.topic[language],
                practice=practice.names[language][0],
                does=practice.does[language],
                city=city.label_in(language),
                years=pick.randint(5, 25),
            ),
            "languages": " ".join(dict.fromkeys([language, *pick.sample(SPOKEN, 2)])),
            **{choice.value: pick.random() < 0.5 for choice in Availability},
        }
        sdgs = [goals[goal] for goal in subject.sdgs[:2]]
        external_id = f"demo-expert-{number:02d}"
        if not ExpertProfilePage.objects.filter(external_id=external_id).exists():
            # Added, published and named a case's contact in one transaction (see demo/cases.py, build).
            with transaction.atomic():
                directory = directory_for(Locale.objects.get(language_code=language))
                profile = ExpertProfilePage(
                    external_id=external_id,
                    slug=free_slug(directory, slugify(values["title"])),
                    photo=portrait(number) if values["profile_type"] == ProfileType.INDIVIDUAL else None,
                    **values,
                )
                profile.themes = list({topic.theme for topic in chosen_topics})
                profile.topics, profile.sdgs = chosen_topics, sdgs
                directory.add_child(instance=profile)
                profile.expertise_tags.set([topic.label_in(language).lower() for topic in chosen_topics])
                profile.save_revision().publish()
                contact_for_a_case(profile, city)
        if progress:
            progress()


def contact_for_a_case(profile, city):
    """The expert becomes the named contact of one case of their city and language."""
    case = CaseStudyPage.objects.filter(city=city, locale=profile.locale, contact_expert=None).first()
    if case is not None:
        case.contact_expert, case.contact_name = profile, profile.title
        case.save_revision().publish()
