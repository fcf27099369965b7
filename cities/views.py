from django.shortcuts import render

from .city_page import city_context


def city(request, slug):
    """A member city's page: what it did, who knows it, and which cities are like it
    (`?peers=topics`: those that worked on the same topics)."""
    return render(request, "cities/city_page.html", city_context(slug, request.GET.get("peers", "")))
