"""Abstract page mixins shared by cases, articles and expert profiles. Each
carries its own fields and panels; a page composes the ones it needs."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField

from .models import City


def check_topics_in_themes(form, cleaned_data):
    """Adds an error on `topics` for each chosen topic outside the chosen themes."""
    themes = cleaned_data.get("themes")
    topics = cleaned_data.get("topics")
    if themes is not None and topics is not None:
        stray = [topic for topic in topics if topic.theme not in themes]
        if stray:
            form.add_error(
                "topics",
                _("These topics belong to a theme you did not choose: %(topics)s.")
                % {"topics": ", ".join(str(topic) for topic in stray)},
            )


class ThemedPageForm(WagtailAdminPageForm):
    """Checks that every chosen topic belongs to one of the chosen themes."""

    def clean(self):
        cleaned_data = super().clean()
        check_topics_in_themes(self, cleaned_data)
        return cleaned_data


class ThemedMixin(models.Model):
    """Themes with their topics, and the Sustainable Development Goals."""

    themes = ParentalManyToManyField("taxonomy.Theme", related_name="+", verbose_name=_("themes"))
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="+", verbose_name=_("topics"))
    sdgs = ParentalManyToManyField(
        "taxonomy.SustainableDevelopmentGoal", related_name="+", verbose_name=_("sustainable development goals")
    )

    base_form_class = ThemedPageForm
    # wagtail-localize leaves many-to-many fields out of translations: declared
    # synchronised, a translation carries its source's vocabulary (and follows it).
    override_translatable_fields = [SynchronizedField(name) for name in ("themes", "topics", "sdgs")]
    themed_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Themes, topics and SDGs"),
        )
    ]

    class Meta:
        abstract = True


class CityMixin(models.Model):
    """A place from the city vocabulary; country and region follow from it."""

    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))

    city_panels = [FieldPanel("city")]

    class Meta:
        abstract = True

    @property
    def country(self):
        return self.city.country

    @property
    def region(self):
        return self.city.region
