"""The site's handler500 (site/urls.py)."""

from django.http import JsonResponse
from django.views import defaults


def server_error(request):
    """An API client reads JSON, even about a failure nobody foresaw; a visitor gets
    the site's error page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"message": "Internal server error"}}, status=500)
    return defaults.server_error(request)
