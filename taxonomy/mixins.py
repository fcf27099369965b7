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


def group_topics_by_theme(form):
    """Shows the topics under their themes' names (checkbox groups), and lets a form
    take topics without themes: `add_themes_of_topics` then adds them."""
    field = form.fields["topics"]
    groups = {}
    for topic in field.queryset.select_related("theme"):
        groups.setdefault(topic.theme, []).append((topic.pk, str(topic)))
    field.choices = [(str(theme), topics) for theme, topics in groups.items()]
    # The browser must not refuse a form with topics but no theme: the requirement is
    # checked after the topics have brought their themes (add_themes_of_topics).
    themes = form.fields["themes"]
    themes.needs_one, themes.required = themes.required, False


def add_themes_of_topics(form, cleaned_data):
    """A chosen topic brings its theme along, instead of an error asking the editor
    to tick it too; a form whose themes were required still needs one at least."""
    topics = cleaned_data.get("topics")
    if topics is None:
        return
    themes = list(cleaned_data.get("themes") or [])
    themes += [theme for theme in dict.fromkeys(topic.theme for topic in topics) if theme not in themes]
    if themes:
        cleaned_data["themes"] = themes
    elif getattr(form.fields["themes"], "needs_one", False) and "themes" not in form.errors:
        form.add_error("themes", form.fields["themes"].error_messages["required"])


def name_cities_with_countries(field):
    """A member's city select reads "City, Country": several cities share a name."""
    field.queryset = field.queryset.select_related("country")
    field.label_from_instance = City.with_country


class ThemedPageForm(WagtailAdminPageForm):
    """Topics grouped under their themes; a chosen topic adds its theme."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topics" in self.fields:
            group_topics_by_theme(self)
            # The admin's checkboxes carry no browser `required`, so the field can say it
            # and Wagtail marks "Themes *" before submit; only a ticked topic, which
            # brings its theme (add_themes_of_topics), lifts the requirement.
            themes = self.fields["themes"]
            themes.required = themes.needs_one and not (self.is_bound and self["topics"].data)

    def clean(self):
        cleaned_data = super().clean()
        add_themes_of_topics(self, cleaned_data)
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
