from django.shortcuts import render

from search import service

from .page_context import search_context


def search(request):
    """The search page: a GET form that works without JavaScript; with it, the form
    submits itself as filters change and the URL stays shareable."""
    return render(request, "searchweb/search.html", search_context(request, facets=service.site_facets(request.GET)))
