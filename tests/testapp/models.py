from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class EventFormat(models.TextChoices):
    ON_SITE = "on-site", "On site"
    ONLINE = "online", "Online"


class EventPage(Page):
    summary = models.TextField(blank=True)
    programme = RichTextField(blank=True)
    city = models.ForeignKey("taxonomy.City", on_delete=models.PROTECT, related_name="+")
    themes = ParentalManyToManyField("taxonomy.Theme", blank=True, related_name="+")
    format = models.CharField(max_length=20, choices=EventFormat.choices)

    # The database fallback finds pages by their Wagtail search fields.
    search_fields = [*Page.search_fields, index.SearchField("programme")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
