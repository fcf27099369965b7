"""Admin views that keep translations inside the editorial review (editorial.translation_review)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .translation_review import (
    can_publish,
    is_page_translation,
    reported_page_types,
    submit_translation,
    submit_translations,
    translations_to_do,
)

localize_update_view = UpdateTranslationsView.as_view()


@require_POST
def submit_translation_for_review(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    if not is_page_translation(translation):
        raise PermissionDenied
    page = translation.get_target_instance()
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        draft = submit_translation(translation, request.user)
    except ValidationError as error:
        reason = " ".join(error.messages)
        messages.error(request, _("The translation cannot be submitted yet: %(error)s") % {"error": reason})
    else:
        messages.success(
            request,
            _("“%(title)s” in %(language)s waits for a moderator's approval.")
            % {"title": draft.title, "language": draft.locale.get_display_name()},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


def update_translations(request, translation_source_id):
    """wagtail-localize's "Update translations", whose "Publish immediately" becomes
    "submit the updated drafts for review" for someone who may not publish them."""
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    translations = list(source.translations.filter(enabled=True).select_related("source"))
    wants_publishing = request.method == "POST" and request.POST.get("publish_translations")
    if not wants_publishing or all(
        not is_page_translation(translation) or can_publish(translation, request.user) for translation in translations
    ):
        return localize_update_view(request, translation_source_id=translation_source_id)
    request.POST = request.POST.copy()
    del request.POST["publish_translations"]
    response = localize_update_view(request, translation_source_id=translation_source_id)
    if response.status_code == 302:
        submitted, refused = submit_translations(source.translations.filter(enabled=True), request.user)
        messages.info(
            request,
            _("Updated drafts sent for review: %(count)s. Only a moderator publishes them.")
            % {"count": len(submitted)},
        )
        for translation in refused:
            messages.error(
                request,
                _("The %(language)s translation still lacks required text; it was not sent for review.")
                % {"language": translation.target_locale.get_display_name()},
            )
    return response


class PageTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return capfirst(obj.model_class()._meta.verbose_name_plural)


class PageTypeFilter(forms.Form):
    """Single-language expert profiles would otherwise drown the cases."""

    page_type = PageTypeChoiceField(
        queryset=reported_page_types(),
        required=False,
        label=gettext_lazy("Page type"),
        empty_label=gettext_lazy("All page types"),
    )


def translations_report(request):
    page_type_filter = PageTypeFilter(request.GET)
    page_type = page_type_filter.cleaned_data["page_type"] if page_type_filter.is_valid() else None
    return TemplateResponse(
        request,
        "editorial/translations_to_do.html",
        {
            "report": translations_to_do(page_type),
            "page_type_filter": page_type_filter,
            "title": _("Translations to do"),
            "header_icon": "site",
        },
    )
