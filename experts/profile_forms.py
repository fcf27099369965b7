"""The form a member fills in on the site to create or edit their own expert profile."""

from bs4 import BeautifulSoup
from django import forms
from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from core.choice_filter import FilteredCheckboxSelectMultiple
from core.form_fields import HttpsURLField
from core.uploads import CheckedImageField, check_upload_quota, store_member_image
from taxonomy.mixins import add_themes_of_topics, group_topics_by_theme, name_cities_with_countries
from taxonomy.models import City, label_order

from .models import Availability, ExpertProfilePage
from .models.profile import BIOGRAPHY_FEATURES, SPOKEN_LANGUAGES


def spoken_language_choices():
    """Sorted by their names in the visitor's language, so evaluated per form."""
    return sorted(((code, str(name)) for code, name in SPOKEN_LANGUAGES.items()), key=lambda item: item[1])


class ExpertProfileForm(ClusterForm):
    profile_language = forms.ChoiceField(
        label=_("Language of this profile"),
        choices=settings.LANGUAGES,
        help_text=_("The language you write your biography in; editors can translate it."),
    )
    # Some 180 languages: a list of checkboxes with a search box over it (core/choice_filter.py).
    spoken_languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=spoken_language_choices,
        required=False,
        widget=FilteredCheckboxSelectMultiple(_("Find a language")),
    )
    photo_upload = CheckedImageField(label=_("Photo"), required=False)
    biography = forms.CharField(
        label=_("Biography"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text; blank lines separate paragraphs. Bold, italic, lists and links are kept."),
    )

    class Meta:
        model = ExpertProfilePage
        fields = [
            "title", "profile_type", "position", "organisation", "city", "country", "biography",
            "themes", "topics", "sdgs", "expertise_tags", "website", "linkedin_url", "orcid",
            *(choice.value for choice in Availability),
        ]  # fmt: skip
        labels = {"title": _("Name")}
        field_classes = {"website": HttpsURLField, "linkedin_url": HttpsURLField}
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
        }

    # The form in steps on one page, each a fieldset: (legend, field names).
    STEPS = (
        (_("About you"), ("title", "profile_type", "position", "organisation", "profile_language", "photo_upload")),
        (_("Where you work"), ("city", "country")),
        (_("What you know"), ("biography", "themes", "topics", "sdgs", "expertise_tags", "spoken_languages")),
        (_("Links and availability"), ("website", "linkedin_url", "orcid", *(choice.value for choice in Availability))),
    )

    class Media:
        js = ["js/profile-form.js"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["city"].queryset = City.objects.order_by(label_order())
        name_cities_with_countries(self.fields["city"])
        self.fields["city"].required = False
        # A city gives its country (clean()); the country is asked only without one.
        self.fields["country"].required = False
        self.fields["country"].help_text = _("Filled in from your city; choose it yourself if your city is not listed.")
        group_topics_by_theme(self)
        self.fields["expertise_tags"].help_text = _("Separate tags with commas.")
        # Wagtail's own help text speaks of a page title, which means nothing to a member.
        self.fields["title"].help_text = _("Your full name, or your organisation's name.")
        if self.instance.pk:
            # A profile stays in the language it was written in; translations are the editors' work.
            del self.fields["profile_language"]
            self.fields["spoken_languages"].initial = self.instance.languages.split()

    def steps(self):
        """[(legend, bound fields)] in the order of STEPS, skipping fields this form lacks."""
        return [(legend, [self[name] for name in names if name in self.fields]) for legend, names in self.STEPS]

    def required_labels(self):
        """The labels of what must be filled in, said before the form rather than on submit."""
        labels = [str(field.label) for field in self.visible_fields() if field.field.required]
        labels += [
            str(self.fields[name].label) for name in ("themes",) if getattr(self.fields[name], "needs_one", False)
        ]
        labels.append(_("your city or your country"))
        return labels

    def city_countries(self):
        """{city id: country id}, for the script that fills in the country from the city."""
        return {str(city.pk): str(city.country_id) for city in self.fields["city"].queryset}

    def clean_photo_upload(self):
        photo = self.cleaned_data["photo_upload"]
        if photo:
            check_upload_quota(self.user, photo)
        return photo

    def clean_biography(self):
        """Members write plain text or simple HTML; only Wagtail's whitelist of the
        biography's features survives, so no script or style reaches a visitor."""
        text = self.cleaned_data["biography"].strip()
        if not text:
            return ""
        if "<" not in text:
            return "".join(f"<p>{paragraph}</p>" for paragraph in escape(text).split("\n\n"))
        # The whitelist unwraps what it refuses; scripts and styles go with their content.
        soup = BeautifulSoup(text, "html.parser")
        for element in soup(["script", "style"]):
            element.decompose()
        return EditorHTMLConverter(features=BIOGRAPHY_FEATURES).to_database_format(str(soup))

    def clean(self):
        cleaned_data = super().clean()
        add_themes_of_topics(self, cleaned_data)
        city, country = cleaned_data.get("city"), cleaned_data.get("country")
        if city and country and city.country_id != country.pk:
            self.add_error("country", _("%(city)s is in %(country)s.") % {"city": city, "country": city.country})
        elif city and not country:
            cleaned_data["country"] = self.instance.country = city.country
        elif not city and not country and "country" not in self.errors:
            self.add_error("country", _("Choose your city, or your country if your city is not listed."))
        return cleaned_data

    def save(self, commit=False):
        profile = super().save(commit=False)
        profile.languages = " ".join(self.cleaned_data["spoken_languages"])
        photo = self.cleaned_data.get("photo_upload")
        if photo:
            profile.photo = store_member_image(self.user, profile.title, photo)
        return profile
