import operator
from collections import defaultdict
from functools import reduce

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from core.seo import hreflang_links


class PageSitemap(Sitemap):
    """Every live, public page of the site in every language, each with hreflang links
    to its versions in the other languages (and x-default on the English one).

    Wagtail's sitemap lists the descendants of the site's root page, the English home
    page alone: the French and Spanish trees are its translations beside it, so
    `items()` starts from every translation of the root.

    Django's sitemap template writes each URL's "alternates" as <xhtml:link> elements
    (https://docs.djangoproject.com/en/5.2/ref/contrib/sitemaps/#django.contrib.sitemaps.Sitemap.alternates),
    but Django only fills them in its i18n mode, which reverses one object under each
    language; wagtail-localize makes one page per language instead. So `get_urls()`
    adds them to the URLs Wagtail builds (from each page's `get_sitemap_urls()`),
    matched by location, from the translation groups of the listed pages.
    """

    def pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.live().public()
        return pages.filter(reduce(operator.or_, (pages.descendant_of_q(root, inclusive=True) for root in roots)))

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        alternates = self.alternates()
        for url in urls:
            url["alternates"] = alternates.get(url["location"], [])
        return urls

    def alternates(self):
        """{page URL: the hreflang links of its translation group}."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(dict)
        for page in self.pages():
            groups[page.translation_key][languages[page.locale_id]] = page.get_full_url(self.request)
        return {
            url: [{"lang_code": code, "location": location} for code, location in hreflang_links(versions)]
            for versions in groups.values()
            for url in versions.values()
        }
