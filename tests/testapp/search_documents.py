from search.facets import Facet
from search.registry import SearchDocument

from .models import EventFormat, EventPage


class EventDocument(SearchDocument):
    model = EventPage
    type = "event"
    label = "Event"
    taxonomies = ("themes",)
    text_fields = ("programme",)
    select_related = ("city__country__region", "city__region")
    image = None
    facets = (Facet("format", "formats", "Format", fixed_labels=dict(EventFormat.choices)),)
    scoped_facets = ("theme", "city", "format", "language")
    fallback_lookups = {"city": "city__slug__in", "format": "format__in"}

    def fields(self, page):
        return {"formats": [page.format]}
