"""What every template may name: the site's configured name (SITE_NAME), which an
operator sets once for the pages, the titles and the e-mails alike."""

from django.conf import settings


def site_identity(request):
    return {"site_name": settings.SITE_NAME}
