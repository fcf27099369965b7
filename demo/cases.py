"""The demo platform's structure (case index, articles and both spotlight trees in
every language), and the generator of synthetic cases that fills benchmarks and the
demo-derived judged set (`load_demo --synthetic N`): varied cases across the member
cities, some translated, some in one language, each tagged as its subject implies
(demo/subjects.py) and told in sentences written for each language (demo/text.py).
The demo a visitor sees is made of real practices (demo/practices.py).

Built with the same factories as the tests and a fixed seed, so every newcomer and
every browser test sees the same content. Idempotent: what exists (by slug for
structure pages, by external_id for cases) is left alone.
"""

import random
from functools import cached_property

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page

from cases.models import (
    ArticleIndexPage,
    CaseIndexPage,
    CaseStudyPage,
    CityPortraitPage,
    EvidenceLevel,
    PositionCase,
    PositionPage,
    SpotlightFeaturedCase,
    SpotlightPage,
    SpotlightSectionCase,
    SpotlightSectionPage,
)
from taxonomy.models import (
    Approach,
    CaseStatus,
    City,
    Spotlight,
    SpotlightFacetValue,
    SustainableDevelopmentGoal,
    TargetGroup,
    Topic,
)

from . import outcomes, text
from .factories import CaseStudyPageFactory
from .pictures import theme_picture
from .subjects import APPROACHES, SUBJECTS, TARGETS

SEED = 2026
CASE_COUNT = 150
# Pictures per theme: a theme's cases share these, drawn in the theme's palette and motif.
PICTURES_PER_THEME = 4
# Every tenth case is a near-duplicate of the one before: same city, same topic, the
# topic's other practice, as real collections hold (and as search must order).
TWIN_EVERY = 10
# The theme whose palette each collection's hero is drawn in (a picture no case uses).
COLLECTION_THEMES = {"covid-19": "cohesive-metropolises", "care": "gender-equality"}
# The home page's hero: a skyline no case or collection uses.
HOME_HERO = ("metropolitan-futures", PICTURES_PER_THEME + 2)
# Articles' pictures are numbered from here on: each its own, none a case's.
ARTICLE_PICTURES = PICTURES_PER_THEME + 3
# Which topics each spotlight collection plausibly gathers.
SPOTLIGHT_TOPICS = {
    "covid-19": {"health", "economic-opportunity", "poverty-inequality", "public-space", "sustainable-mobility",
                 "digital-transformation", "food", "housing"},
    "care": {"care", "gender-mainstreaming", "womens-leadership", "health", "poverty-inequality"},
}  # fmt: skip
# The configured languages the demo is written in (demo_text.py); the others are
# translated from the source language (LANGUAGE_CODE), which also has most cases.
SOURCE = settings.LANGUAGE_CODE
LANGUAGES = [code for code, _name in settings.LANGUAGES if code in text.SUMMARY]
# Which facet's values make the sections of each spotlight tree.
SECTION_FACETS = {"covid-19": "phase", "care": "care_dimension"}


def paragraph(template, **words):
    return f"<p>{template.format(**words)}</p>"


class DemoBuilder:
    def __init__(self, seed=SEED, case_count=CASE_COUNT, progress=None):
        self.random = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
        self.case_count = case_count
        self.progress = progress or (lambda: None)
        self.previous = None  # the choices of the last case, which a near-duplicate repeats
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        # Each language's home page is a child of the tree's root.
        homes = Page.get_first_root_node().get_children()
        self.homes = {code: homes.get(locale=locale).specific for code, locale in self.locales.items()}

    def structure(self):
        self.home_heroes()
        self.case_indexes = self.translated_structure(CaseIndexPage, "cases")
        self.article_indexes = self.translated_structure(ArticleIndexPage, "articles")
        self.spotlights = {slug: self.spotlight_tree(slug) for slug in SECTION_FACETS}

    def synthetic_cases(self):
        for number in range(1, self.case_count + 1):
            # A page goes live when it is added, but reaches the index outbox only when
            # published: each case is made with its translations in one transaction, so
            # a failure midway (SQLite busy past its timeout, say) leaves no live page
            # out of the index, and loading again builds the case whole.
            with transaction.atomic():
                self.case(number)
            self.progress()

    # Structure ---------------------------------------------------------------

    def home_heroes(self):
        """The home page's picture in every language, unless an editor chose one."""
        for code, home in self.homes.items():
            if home.hero_image_id is None:
                home.hero_image = theme_picture(*HOME_HERO)
                home.hero_alt = text.HERO_ALT["home"][code]
                home.save_revision().publish()

    def translated_structure(self, model, key):
        """The page of this type under every language's home, translations of one another."""
        pages = {}
        for code in LANGUAGES:
            title, intro = text.STRUCTURE[key][code]
            pages[code] = model.objects.filter(locale=self.locales[code]).first() or self.translate_or_create(
                model, pages.get(SOURCE), code, title=title, intro=intro, slug=slugify(title)
            )
        return pages

    @transaction.atomic  # added and published together, as the cases (see build)
    def translate_or_create(self, model, source, code, parent=None, **fields):
        if source is None:
            page = (parent or self.homes[code]).add_child(instance=model(**fields))
            page.save_revision().publish()
            return page
        page = source.copy_for_translation(self.locales[code])
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        # Publishing wrote the new slug's URL path to the database, not to this object,
        # and children added below it take their path from it.
        page.refresh_from_db()
        return page

    def spotlight_tree(self, slug):
        spotlight = Spotlight.objects.get(slug=slug)
        roots, sections = {}, {}
        for code in LANGUAGES:
            roots[code] = SpotlightPage.objects.filter(locale=self.locales[code], spotlight=spotlight).first()
            if roots[code] is None:
                roots[code] = self.translate_or_create(
                    SpotlightPage,
                    roots.get(SOURCE),
                    code,
                    title=spotlight.label_in(code),
                    intro=text.STRUCTURE[slug][code],
                    hero_image=theme_picture(COLLECTION_THEMES[slug], PICTURES_PER_THEME + 1),
                    hero_alt=text.HERO_ALT[slug][code],
                    spotlight=spotlight,
                    slug=slug,
                )
        for value in SpotlightFacetValue.objects.filter(facet__spotlight=spotlight, facet__key=SECTION_FACETS[slug]):
            for code in LANGUAGES:
                existing = SpotlightSectionPage.objects.child_of(roots[code]).filter(slug=value.slug).first()
                sections[value.slug, code] = existing or self.translate_or_create(
                    SpotlightSectionPage,
                    sections.get((value.slug, SOURCE)),
                    code,
                    parent=roots[code],
                    title=value.label_in(code),
                    intro=text.SECTION_INTRO[value.slug][code],
                    slug=value.slug,
                )
        return {"spotlight": spotlight, "roots": roots, "sections": sections}

    # Cases -------------------------------------------------------------------

    @cached_property
    def vocabulary(self):
        return {
            "cities": list(City.objects.filter(is_member=True).select_related("country", "region")),
            # Topics an editor added since have no subject to write about: the demo leaves them out.
            "topics": list(Topic.objects.filter(slug__in=SUBJECTS).select_related("theme")),
            "target_groups": {group.slug: group for group in TargetGroup.objects.all()},
            "approaches": {approach.slug: approach for approach in Approach.objects.all()},
            "statuses": list(CaseStatus.objects.all()),
        }

    def picture(self, theme, number):
        return theme_picture(theme.slug, number % PICTURES_PER_THEME + 1)

    def draw_choices(self, number):
        """Everything random about case `number`. Its tags follow from its subject: the
        topic's own goal plus some of its plausible ones, a group and an approach that
        fit the topic, a practice of the topic (demo/subjects.py)."""
        pick, vocabulary = self.random, self.vocabulary
        topic, city = pick.choice(vocabulary["topics"]), pick.choice(vocabulary["cities"])
        practice = pick.randrange(2)
        twin_of = self.previous if number % TWIN_EVERY == 0 else None
        if twin_of:
            topic, city, practice = twin_of["topic"], twin_of["city"], twin_of["practice_index"] + 1
        subject = SUBJECTS[topic.slug]
        practice %= len(subject.practices)
        spotlight = pick.choices([None, "covid-19", "care"], weights=(6, 3, 3))[0]
        return {
            "language": pick.choices(LANGUAGES, weights=[6 if code == SOURCE else 2 for code in LANGUAGES])[0],
            "city": city,
            "topic": topic,
            "subject": subject,
            "practice": subject.practices[practice],
            "practice_index": practice,
            "name": pick.randrange(3),  # which of the practice's names, per language
            "sdgs": sorted({subject.sdgs[0], *pick.sample(subject.sdgs[1:], pick.randint(0, 2))}),
            "target": vocabulary["target_groups"][pick.choice(subject.targets)],
            "approach": vocabulary["approaches"][pick.choice(subject.approaches)],
            "status": pick.choice(vocabulary["statuses"]),
            "year": pick.randint(2008, 2025),
            "title": pick.choice(text.TITLES),
            "results": pick.choice(text.RESULTS),
            "lessons": pick.choice(text.LESSONS),
            "image": pick.randrange(PICTURES_PER_THEME),
            "evidence": pick.choice(EvidenceLevel.values),
            "spotlight": spotlight if topic.slug in SPOTLIGHT_TOPICS.get(spotlight, ()) else None,
            "translations": pick.choices([0, 1, 2], weights=(6, 3, 1))[0],
            "figures": pick.sample(text.KEY_FIGURE_LABELS, 2),
            "amounts": [pick.randrange(12, 90000, 7) for _ in range(2)],
        }

    def case(self, number):
        external_id = f"demo-{number:03d}"
        # Every draw happens whether or not the case exists, so a second run makes the same choices.
        choices = self.draw_choices(number)
        self.previous = choices
        if CaseStudyPage.objects.filter(external_id=external_id).exists():
            return
        pick = self.random
        language = choices["language"]
        spotlight = self.spotlights.get(choices["spotlight"])
        section_value = (
            pick.choice([slug for slug, code in spotlight["sections"] if code == language]) if spotlight else None
        )
        # COVID-19 cases live in their section's tree; care cases live in the index and are curated.
        parent = (
            spotlight["sections"][section_value, language]
            if spotlight and choices["spotlight"] == "covid-19"
            else self.case_indexes[language]
        )
        page = CaseStudyPageFactory(
            parent=parent,
            external_id=external_id,
            city=choices["city"],
            slug=f"{external_id}-{slugify(choices['topic'].label_in(language))}"[:80],
            start_year=choices["year"],
            end_year=None,
            status=choices["status"],
            evidence_level=choices["evidence"],
            hero_image=self.picture(choices["topic"].theme, choices["image"]),
            hero_caption=choices["city"].label_in(language),
            gallery=self.gallery(choices, language),
            key_figures=[
                ("figure", {"value": f"{amount:,}", "label": label[language]})
                for amount, label in zip(choices["amounts"], choices["figures"], strict=True)
            ],
            organisation=choices["city"].institution,
            **self.texts(choices, language),
            **outcomes.page_fields(choices, language),
            taxonomy__topic=choices["topic"].slug,
            taxonomy__sdgs=choices["sdgs"],
            taxonomy__target_groups=[choices["target"]],
            taxonomy__approaches=[choices["approach"]],
            taxonomy__spotlights=[spotlight["spotlight"]] if spotlight else [],
            taxonomy__spotlight_facet_values=list(SpotlightFacetValue.objects.filter(slug=section_value))
            if spotlight
            else [],
            taxonomy__tags=[choices[name].label_in(settings.LANGUAGE_CODE).lower() for name in ("topic", "city")],
        )
        if spotlight and choices["spotlight"] == "care":
            SpotlightSectionCase.objects.create(page=spotlight["sections"][section_value, language], case=page)
        if spotlight and SpotlightFeaturedCase.objects.filter(page=spotlight["roots"][language]).count() < 3:
            SpotlightFeaturedCase.objects.create(page=spotlight["roots"][language], case=page)
        others = [code for code in LANGUAGES if code != language]
        for code in others[: choices["translations"]]:
            self.translate_case(page, code, choices)

    def translate_case(self, page, code, choices):
        translation = page.copy_for_translation(self.locales[code])
        translation.external_id = f"{page.external_id}-{code}"
        translation.slug = f"{page.external_id}-{slugify(choices['topic'].label_in(code))}"[:80]
        for name, value in self.texts(choices, code).items():
            setattr(translation, name, value)
        translation.hero_caption = choices["city"].label_in(code)
        translation.gallery = self.gallery(choices, code)
        translation.key_figures = [
            ("figure", {"value": f"{amount:,}", "label": label[code]})
            for amount, label in zip(choices["amounts"], choices["figures"], strict=True)
        ]
        outcomes.translate(translation, choices, code)
        translation.save_revision().publish()

    @staticmethod
    def words(choices, language):
        """The phrases the sentences of text.py take, each whole in its language."""
        subject, practice, city = choices["subject"], choices["practice"], choices["city"]
        names = practice.names[language]
        return {
            "city": city.label_in(language),
            "country": city.country.label_in(language),
            "region": city.region.label_in(language),
            "topic": subject.topic[language],
            "practice": names[choices["name"] % len(names)],
            "does": practice.does[language],
            "problem": subject.problem[language],
            "target": TARGETS[choices["target"].slug][language],
            "approach": APPROACHES[choices["approach"].slug][language],
            "year": choices["year"],
        }

    def gallery(self, choices, language):
        """Two more pictures of the case's theme, captioned in the case's language."""
        words, first, theme = self.words(choices, language), choices["image"], choices["topic"].theme
        return [
            ("image", {"image": self.picture(theme, first + number), "caption": caption.format(**words)})
            for number, caption in enumerate(text.GALLERY_CAPTIONS[language], start=1)
        ]

    def texts(self, choices, language):
        words = self.words(choices, language)
        title = choices["title"][language].format(**words)
        return {
            "title": title[0].upper() + title[1:],
            "summary": text.SUMMARY[language].format(**words),
            **{name: paragraph(templates[language], **words) for name, templates in text.SECTIONS.items()},
            "results": paragraph(choices["results"][language], **words),
            "lessons": paragraph(choices["lessons"][language], **words),
        }

    # Articles ----------------------------------------------------------------

    def articles(self):
        cities = [city for city in self.vocabulary["cities"] if city.slug in ("barcelona", "bogota", "abidjan")]
        for number, city in enumerate(cities):
            for code in LANGUAGES:
                index = self.article_indexes[code]
                slug = f"spotlight-on-{city.slug}"
                if CityPortraitPage.objects.child_of(index).filter(slug=slug).exists():
                    continue
                self.article(
                    CityPortraitPage,
                    index,
                    slug=slug,
                    title=text.PORTRAIT["title"][code].format(city=city.label_in(code)),
                    summary=text.PORTRAIT["summary"][code].format(city=city.label_in(code)),
                    hero_image=theme_picture(HOME_HERO[0], ARTICLE_PICTURES + number),
                    city=city,
                    topic=self.vocabulary["topics"][0],
                )
        for number, topic in enumerate(self.vocabulary["topics"][:3]):
            for code in LANGUAGES:
                index = self.article_indexes[code]
                slug = f"interview-{topic.slug}"
                if PositionPage.objects.child_of(index).filter(slug=slug).exists():
                    continue
                position = self.article(
                    PositionPage,
                    index,
                    slug=slug,
                    title=text.POSITION["title"][code].format(topic=topic.label_in(code)),
                    summary=text.POSITION["summary"][code].format(topic=topic.label_in(code).lower()),
                    # Interviews are about people: a crowd, where portraits of cities show skylines.
                    hero_image=theme_picture("cohesive-metropolises", ARTICLE_PICTURES + len(cities) + number),
                    interviewee="Ana Martínez",
                    interviewee_role=text.POSITION["role"][code],
                    topic=topic,
                )
                for case in CaseStudyPage.objects.live().filter(locale=index.locale, topics=topic)[:3]:
                    PositionCase.objects.create(page=position, case=case)

    @staticmethod
    @transaction.atomic  # added and published together, as the cases (see build)
    def article(model, index, *, topic, **fields):
        page = model(body=f"<p>{fields['summary']}</p>", **fields)
        page.themes = [topic.theme]
        page.sdgs = [SustainableDevelopmentGoal.objects.get(number=11)]
        index.add_child(instance=page)
        page.save_revision().publish()
        return page
