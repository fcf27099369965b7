"""Content-Security-Policy per part of the site: the strict policy of settings'
CONTENT_SECURITY_POLICY everywhere, and ADMIN_CONTENT_SECURITY_POLICY under the
Wagtail admin, whose own templates still write inline scripts (see docs/decisions.md).

django-csp lets a view replace the policy with a decorator; Wagtail's views are not
ours to decorate, so the choice is made here, by path.
https://django-csp.readthedocs.io/en/latest/configuration.html
"""

from functools import cache

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


class PerPathCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp decorator still wins.
        if not report_only and parts.config is None and request.path_info.startswith(admin_prefix()):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
