"""Addresses of pages that an app higher up serves, for the apps below that link to them.

No app names a higher app's URLs (docs/architecture.md), yet a case page links to
its city's page, the main menu to insights, a saved search back to the search page.
The app serving such a page registers in its `AppConfig.ready()` how to build its
address under a plain key; a lower app asks for the key, knowing only that the site
has such a page. `{% link "key" %}` (navigation_tags) does the same in templates.
"""

from urllib.parse import urlencode

_builders = {}


def register(key, build):
    """`build(*args)` returns the path of the page `key` names."""
    _builders[key] = build


def link(key, *args, query=None):
    """The path of the page `key` names, with `query` (a dict or an encoded string)."""
    url = _builders[key](*args)
    if isinstance(query, dict):
        query = urlencode(query, doseq=True)
    return f"{url}?{query}" if query else url
