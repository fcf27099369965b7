"""The form a member fills in on the site to send a case: the case page's main fields,
with plain-text sections instead of rich text. Editors add the rest (key figures,
partners, spotlights...) during the review."""

import html
import re

from django import forms
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm

from core.form_fields import HttpsURLField
from core.uploads import MemberImageField, check_upload_quota, store_member_image
from taxonomy.mixins import add_themes_of_topics, group_topics_by_theme
from taxonomy.models import City, label_order

from .importing import SECTIONS, paragraphs_to_html
from .models import CaseIndexPage, CaseStudyPage

SECTION_HELP = _("Plain text; leave a blank line between paragraphs.")
PARAGRAPH_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
# The top-level blocks of Wagtail rich text: paragraphs, headings, lists, quotes.
TOP_LEVEL_BLOCK = re.compile(r"<(p|h[1-6]|ul|ol|blockquote)\b[^>]*>.*?</\1>", re.IGNORECASE | re.DOTALL)


def text_paragraphs(rich_text):
    paragraphs = (" ".join(html.unescape(strip_tags(part)).split()) for part in PARAGRAPH_END.split(rich_text or ""))
    return [paragraph for paragraph in paragraphs if paragraph]


def html_to_paragraphs(rich_text):
    """The reverse of `paragraphs_to_html`, so a member edits the text they wrote."""
    return "\n\n".join(text_paragraphs(rich_text))


def keep_formatting(rich_text, text):
    """The member's plain `text` as rich text, keeping each block of the current
    `rich_text` whose words the member left as they were: the bold, links, headings
    and lists a moderator added survive the member's later edits elsewhere."""
    blocks = [(text_paragraphs(match.group(0)), match.group(0)) for match in TOP_LEVEL_BLOCK.finditer(rich_text or "")]
    new = [" ".join(paragraph.split()) for paragraph in text.split("\n\n") if paragraph.strip()]
    parts, position = [], 0
    while position < len(new):
        for words, block in blocks:
            if words and new[position : position + len(words)] == words:
                parts.append(block)
                position += len(words)
                break
        else:
            parts.append(paragraphs_to_html(new[position]))
            position += 1
    return "".join(parts)


class CaseContributionForm(ClusterForm):
    case_language = forms.ChoiceField(
        label=_("Language of the case"),
        choices=settings.LANGUAGES,
        help_text=_("The language you write in; editors can translate the case."),
    )
    hero_upload = MemberImageField(
        label=_("Main photo"),
        required=False,
        help_text=_("Optional. A photo you have the right to publish."),
    )

    field_order = [
        "case_language", "title", "summary", "city", "start_year", "end_year", "status",
        "themes", "topics", "sdgs", "target_groups", "approaches", *SECTIONS,
        "organisation", "website", "hero_upload", "hero_caption", "hero_credit",
    ]  # fmt: skip

    class Meta:
        model = CaseStudyPage
        fields = [
            "title", "summary", "city", "start_year", "end_year", "status", "themes", "topics", "sdgs",
            "target_groups", "approaches", *SECTIONS, "organisation", "website", "hero_caption", "hero_credit",
        ]  # fmt: skip
        labels = {"title": _("Title of the practice")}
        field_classes = {"website": HttpsURLField}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "approaches": forms.CheckboxSelectMultiple,
            **{name: forms.Textarea(attrs={"rows": 8}) for name in SECTIONS},
        }
        error_messages = {
            "themes": {"required": _("Choose at least one theme.")},
            "sdgs": {"required": _("Choose at least one Sustainable Development Goal.")},
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.case_index = None
        self.fields["city"].queryset = City.objects.select_related("country").order_by(label_order())
        group_topics_by_theme(self)
        for name in SECTIONS:
            self.fields[name].required = False
            self.fields[name].help_text = SECTION_HELP
            if self.instance.pk:
                self.initial[name] = html_to_paragraphs(getattr(self.instance, name))
        if self.instance.pk:
            # A case stays in the language it was written in; translations are the editors' work.
            del self.fields["case_language"]
            self.fields["hero_upload"].help_text = _("Optional. A new photo replaces the current one.")

    def clean_case_language(self):
        code = self.cleaned_data["case_language"]
        self.case_index = CaseIndexPage.objects.filter(locale__language_code=code).first()
        if self.case_index is None:
            # Opening a section of the site in a new language is the editors' decision.
            raise forms.ValidationError(
                _("The site does not publish cases in %(language)s yet. Please choose another language.")
                % {"language": dict(settings.LANGUAGES)[code]}
            )
        return code

    def clean_hero_upload(self):
        photo = self.cleaned_data["hero_upload"]
        if photo:
            check_upload_quota(self.user, photo)
        return photo

    def clean(self):
        cleaned_data = super().clean()
        add_themes_of_topics(self, cleaned_data)
        start, end = cleaned_data.get("start_year"), cleaned_data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        for name in SECTIONS:
            if name in cleaned_data:
                # Browsers send line breaks as CRLF; paragraphs are split on blank lines.
                text = cleaned_data[name].replace("\r\n", "\n").replace("\r", "\n")
                cleaned_data[name] = keep_formatting(getattr(self.instance, name), text)
        return cleaned_data

    def save(self, commit=False):
        case = super().save(commit=False)
        if self.instance.pk and "city" in self.changed_data:
            # The map position follows the city; members cannot set it themselves.
            case.latitude, case.longitude = case.city.latitude, case.city.longitude
        photo = self.cleaned_data.get("hero_upload")
        if photo:
            case.hero_image = store_member_image(self.user, case.title, photo)
        return case
