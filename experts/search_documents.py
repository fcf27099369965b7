"""What an expert profile puts in the public search index (registered in apps.py)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from search.registry import PORTRAIT, SearchDocument, indexed
from search.service import Facet, any_of

from .models import Availability, ExpertProfilePage
from .models.profile import SPOKEN_LANGUAGES

OFFERS = dict(Availability.choices)


class ExpertDocument(SearchDocument):
    model = ExpertProfilePage
    type = "expert"
    label = _("Expert")
    # Singular forms: query understanding matches plurals and feminine forms in -e too.
    query_names = ("expert", "experta", "experto", "specialist", "especialista")
    # A question that does not ask for experts asks for practices: the profiles on the
    # subject follow them (both judged sets grade such a profile 1 of 3; measured in
    # docs/search-relevance.md, issue 26).
    unasked_weight = 0.25
    taxonomies = ("themes", "topics", "sdgs")
    text_fields = ("position", "biography")
    # A profile names a country, and a city only when the expert wants to.
    select_related = ("city__country__region", "city__region", "country__region")
    prefetch_related = (indexed("expertise_tags"),)
    image = "photo"
    image_filter = PORTRAIT
    facets = (
        Facet("availability", "availability", _("Available for"), fixed_labels=OFFERS),
        Facet("speaks", "speaks", _("Languages spoken"), fixed_labels=SPOKEN_LANGUAGES),
    )
    # The expert directory searches profiles by expertise, place, what they offer and the languages they speak.
    scoped_facets = ("theme", "topic", "sdg", "region", "country", "city", "availability", "speaks", "language")
    fallback_lookups = {
        "region": "country__region__slug__in",
        "country": "country__code__in",
        "city": "city__slug__in",
        "availability": lambda names: any_of(Q(**{name: True}) for name in names),
        "speaks": lambda codes: any_of(Q(languages__regex=rf"(^| ){code}( |$)") for code in codes),
    }

    def fields(self, page):
        return {
            "organisation": page.organisation,
            "tags": [tag.name for tag in page.indexed_expertise_tags],
            "availability": [choice.value for choice in Availability if getattr(page, choice.value)],
            "speaks": page.languages.split(),
        }

    def card(self, hit):
        """What the expert offers, and a portrait for a picture."""
        offers = [OFFERS[value] for value in hit.get("availability") or () if value in OFFERS]
        return {"offers": offers, "portrait": True}
