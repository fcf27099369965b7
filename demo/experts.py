"""Demo expert profiles.

The demo's own (demo/data/experts.yaml): fictional people and organisations with a
plausible expertise, in the cities of the real practices and in the three languages,
each with an example.org address, so a visitor's message reaches them end to end in
development (an unclaimed account, as `import_experts` makes: the invitation shows in
the console or file e-mail backend); some are the named contact of a practice.

The synthetic ones (`load_demo --synthetic-experts N`), for benchmarks and the
demo-derived judged set: an expert's topics come from one theme and their goals from
their main topic's plausible ones, as the synthetic cases' do (demo/subjects.py).
People have a drawn portrait. Seeded, so every run makes the same profiles;
idempotent by external_id."""

import random

import yaml
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from cases.models import CaseStudyPage
from core.slugs import free_slug
from experts.directory import directory_for
from experts.importing import create_unclaimed_account
from experts.models import Availability, ExpertProfilePage, ProfileType
from taxonomy.models import City, SustainableDevelopmentGoal, Topic

from .cases import LANGUAGES, SOURCE
from .pictures import portrait
from .practices import DATA, PracticeError, city, html
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


# Real practices' experts' portraits are numbered after the synthetic ones'.
PORTRAIT_OFFSET = 1000
EXPERT_KEYS = {
    "slug", "name", "email", "language", "city", "type", "position", "organisation", "topics", "sdgs", "languages",
    "availability", "contact_for", "bio",
}  # fmt: skip


def read_experts(path=DATA / "experts.yaml"):
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for number, entry in enumerate(entries, start=1):
        unknown = set(entry) - EXPERT_KEYS
        missing = {"slug", "name", "email", "language", "city", "topics", "bio"} - set(entry)
        if unknown or missing:
            keys = ", ".join(sorted(unknown or missing))
            problem = f"unknown key {keys}" if unknown else f"missing {keys}"
            raise PracticeError(f"{path.name}, entry {number} ({entry.get('slug', '?')}): {problem}")
    return entries


def build_experts(entries):
    """The demo's own experts (demo/data/experts.yaml), each with an unclaimed account
    at its example.org address."""
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}
    for number, entry in enumerate(entries, start=1):
        external_id = f"expert-{entry['slug']}"
        if ExpertProfilePage.objects.filter(external_id=external_id).exists():
            continue
        with transaction.atomic():
            place = city(entry["city"])
            topics = list(Topic.objects.filter(slug__in=entry["topics"]).select_related("theme"))
            if place is None or len(topics) != len(entry["topics"]):
                raise PracticeError(f"experts.yaml, {entry['slug']}: unknown city or topic")
            directory = directory_for(Locale.objects.get(language_code=entry["language"]))
            individual = entry.get("type", "individual") == "individual"
            account = create_unclaimed_account(entry["email"])
            profile = ExpertProfilePage(
                external_id=external_id,
                title=entry["name"],
                slug=free_slug(directory, entry["slug"]),
                profile_type=ProfileType.INDIVIDUAL if individual else ProfileType.ORGANISATION,
                photo=portrait(PORTRAIT_OFFSET + number) if individual else None,
                position=entry.get("position", ""),
                organisation=entry.get("organisation", ""),
                city=place,
                biography=html(entry["bio"]),
                languages=" ".join(entry.get("languages", [entry["language"]])),
                owner=account,
                owner_account=account,
                **{choice.value: choice.value in entry.get("availability", ()) for choice in Availability},
            )
            profile.themes = list({topic.theme for topic in topics})
            profile.topics = topics
            profile.sdgs = [goals[goal] for goal in entry.get("sdgs", [])]
            directory.add_child(instance=profile)
            profile.expertise_tags.set([topic.label_in(entry["language"]).lower() for topic in topics])
            profile.save_revision().publish()
            if entry.get("contact_for"):
                name_as_contact(profile, entry["contact_for"], entry.get("position", ""))


def name_as_contact(profile, practice_slug, role):
    """The expert becomes the named contact of the practice in their profile's language."""
    source = CaseStudyPage.objects.filter(external_id=practice_slug).first()
    if source is None:  # a practice left out by `load_demo --cases`
        return
    case = source.get_translation_or_none(profile.locale)
    if case is not None:
        case.contact_expert, case.contact_name, case.contact_role = profile, profile.title, role
        case.save_revision().publish()
