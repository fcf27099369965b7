"""Where the language switcher leads when a page has no version in the chosen language."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page


def nearest_translation(request, page_id):
    """Redirects to the page in the active language or, failing that, to its nearest
    ancestor that has one, with a notice saying so (in the chosen language)."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    lineage = [ancestor.translation_key for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1)]
    versions = {
        version.translation_key: version
        for version in Page.objects.live()
        .public()
        .filter(translation_key__in=lineage, locale=Locale.get_active())
        .select_related("locale")
    }
    nearest = next((versions[key] for key in reversed(lineage) if key in versions), None)
    if nearest is None or nearest.get_url(request) is None:
        return redirect(f"/{request.LANGUAGE_CODE}/")
    if nearest.translation_key != page.translation_key:
        messages.info(
            request,
            _("“%(title)s” has not been translated into English yet: here is the nearest page that has been.")
            % {"title": page.title},
        )
    return redirect(nearest.get_url(request))
