"""The form a member fills in on the site to send a case, in steps: the case page's
main fields, with plain-text sections instead of rich text, results figures typed one
a line, PDF documents and pictures. Editors add the rest (partners, spotlights...)
during the review."""

import html
import re
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm

from core.form_fields import HttpsURLField
from core.uploads import CheckedImageField, check_upload_quota, store_member_document, store_member_image
from taxonomy.mixins import add_themes_of_topics, group_topics_by_theme
from taxonomy.models import City, label_order

from .importing import SECTIONS, paragraphs_to_html
from .models import CaseDocument, CaseIndexPage, CaseStudyPage
from .models.case import EVIDENCE_HELP

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


@dataclass(frozen=True)
class Step:
    title: str
    fields: tuple


BUDGET_FIELDS = ("budget_amount", "budget_currency", "budget_period", "funding_sources")
# What a member says of an outcome indicator; the evidence level of each is the editors' call.
OUTCOME_FIELDS = ["measure", "baseline_value", "baseline_year", "value", "unit", "result_year", "source_name",
                  "source_url"]  # fmt: skip

# Short pages a member can finish one at a time, each saved as a draft.
STEPS = (
    Step(
        _("The initiative"),
        ("case_language", "title", "summary", "city", "start_year", "end_year", "status", "organisation", "website"),
    ),
    Step(_("Themes and topics"), ("themes", "topics", "sdgs", "target_groups", "approaches")),
    Step(
        _("The story and its results"),
        (*SECTIONS, "evidence_level", "results_figures", "outcomes", *BUDGET_FIELDS),
    ),
    Step(
        _("Documents and pictures"),
        (
            *("hero_upload", "hero_caption", "hero_credit", "document_upload", "document_title"),
            *("picture_upload", "picture_caption", "picture_alt"),
        ),
    ),
)
FIGURE_LINE = re.compile(r"^(?P<value>[^:]+):(?P<label>.+)$")
VALUE_LENGTH, LABEL_LENGTH = 40, 120


def figures_as_text(key_figures):
    return "\n".join(f"{block.value['value']}: {block.value['label']}" for block in key_figures)


def parse_figures(text):
    """Lines "35%: fewer emergency visits" as key figure values; a line that does not
    fit is named by its number."""
    figures = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = FIGURE_LINE.match(line.strip())
        value, label = (match["value"].strip(), match["label"].strip()) if match else ("", "")
        if not value or not label:
            raise forms.ValidationError(
                _("Line %(number)s: write the figure, a colon, then what it counts (35%%: fewer emergency visits).")
                % {"number": number}
            )
        if len(value) > VALUE_LENGTH or len(label) > LABEL_LENGTH:
            raise forms.ValidationError(
                _("Line %(number)s: keep the figure under %(value)s characters and its label under %(label)s.")
                % {"number": number, "value": VALUE_LENGTH, "label": LABEL_LENGTH}
            )
        figures.append({"value": value, "label": label})
    return figures


def check_pdf(file):
    if file.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
        raise forms.ValidationError(
            _("This document is %(size)s; documents may be up to %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)}
        )
    file.seek(0)
    signature = file.read(5)
    file.seek(0)
    if not file.name.lower().endswith(".pdf") or signature != b"%PDF-":
        raise forms.ValidationError(_("This file is not a PDF. Please save the document as PDF and try again."))


class OutcomeForm(forms.ModelForm):
    class Meta:
        field_classes = {"source_url": HttpsURLField}


class CaseContributionForm(ClusterForm):
    case_language = forms.ChoiceField(
        label=_("Language of the case"),
        choices=settings.LANGUAGES,
        help_text=_("The language you write in; editors can translate the case."),
    )
    hero_upload = CheckedImageField(
        label=_("Main photo"),
        required=False,
        help_text=_("Optional. A photo you have the right to publish."),
    )

    results_figures = forms.CharField(
        label=_("Results in figures"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One figure a line: the figure, a colon, then what it counts. For example: 35%: fewer emergency visits"
        ),
    )
    document_upload = forms.FileField(
        label=_("PDF document"),
        required=False,
    )
    document_title = forms.CharField(label=_("Title of the document"), max_length=255, required=False)
    picture_upload = CheckedImageField(
        label=_("Picture"), required=False, help_text=_("Optional. Added to the gallery.")
    )
    picture_caption = forms.CharField(label=_("Caption of the picture"), max_length=255, required=False)
    picture_alt = forms.CharField(
        label=_("Text alternative of the picture"),
        max_length=255,
        required=False,
        help_text=_("What the picture shows, for people who cannot see it."),
    )

    class Meta:
        model = CaseStudyPage
        fields = [
            "title", "summary", "city", "start_year", "end_year", "status", "themes", "topics", "sdgs",
            "target_groups", "approaches", *SECTIONS, "evidence_level", "organisation", "website",
            "hero_caption", "hero_credit", *BUDGET_FIELDS,
        ]  # fmt: skip
        # One empty indicator to fill at a time: each save of the step offers another.
        formsets = {"outcomes": {"form": OutcomeForm, "fields": OUTCOME_FIELDS, "extra": 1}}
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

    def __init__(self, *args, user=None, step=STEPS[0], **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Files of this very form already within the quota: each next one counts them too.
        self.accepted_uploads = []
        self.case_index = None
        self.step = step
        for name in set(self.fields) - set(step.fields):
            # Fields left out of the form are left as they are on the page.
            del self.fields[name]
        for name in set(self.formsets) - set(step.fields):
            del self.formsets[name]
        self.order_fields(step.fields)
        if "evidence_level" in self.fields:
            self.fields["evidence_level"].help_text = EVIDENCE_HELP
        if "city" in self.fields:
            self.fields["city"].queryset = City.objects.select_related("country").order_by(label_order())
        if "topics" in self.fields:
            group_topics_by_theme(self)
        for name in SECTIONS:
            if name in self.fields:
                self.fields[name].required = False
                self.fields[name].help_text = SECTION_HELP
                if self.instance.pk:
                    self.initial[name] = html_to_paragraphs(getattr(self.instance, name))
        if "document_upload" in self.fields:
            self.fields["document_upload"].help_text = _(
                "Optional. A report or evaluation, as PDF, up to %(limit)s."
            ) % {"limit": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)}
        if "results_figures" in self.fields:
            self.initial["results_figures"] = figures_as_text(self.instance.key_figures)
        if self.instance.pk:
            # A case stays in the language it was written in; translations are the editors' work.
            self.fields.pop("case_language", None)
            if "hero_upload" in self.fields:
                self.fields["hero_upload"].explain(_("Optional. A new photo replaces the current one."))

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

    def within_quota(self, file):
        check_upload_quota(self.user, file, *self.accepted_uploads)
        self.accepted_uploads.append(file)
        return file

    def clean_hero_upload(self):
        photo = self.cleaned_data["hero_upload"]
        return self.within_quota(photo) if photo else photo

    def clean_picture_upload(self):
        picture = self.cleaned_data["picture_upload"]
        return self.within_quota(picture) if picture else picture

    def clean_document_upload(self):
        document = self.cleaned_data["document_upload"]
        if document:
            check_pdf(document)
            self.within_quota(document)
        return document

    def clean_results_figures(self):
        return parse_figures(self.cleaned_data["results_figures"])

    def clean(self):
        cleaned_data = super().clean()
        if "topics" in self.fields:
            add_themes_of_topics(self, cleaned_data)
        if cleaned_data.get("picture_upload") and not cleaned_data.get("picture_alt"):
            self.add_error("picture_alt", _("Please say what the picture shows, for people who cannot see it."))
        if cleaned_data.get("document_upload") and not cleaned_data.get("document_title"):
            self.add_error("document_title", _("Please give the document a title."))
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
        if "results_figures" in self.cleaned_data:
            case.key_figures = [("figure", figure) for figure in self.cleaned_data["results_figures"]]
        self.attach_uploads(case)
        return case

    def attach_uploads(self, case):
        data = self.cleaned_data
        if data.get("document_upload"):
            document = store_member_document(self.user, data["document_title"], data["document_upload"])
            case.documents.add(CaseDocument(document=document))
        if data.get("picture_upload"):
            picture = store_member_image(self.user, data["picture_caption"] or case.title, data["picture_upload"])
            picture.description = data["picture_alt"]
            picture.save(update_fields=["description"])
            case.gallery.append(("image", {"image": picture, "caption": data["picture_caption"]}))
