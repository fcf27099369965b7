"""Load test of the production layout (`make prod-up`, then `make load`): Locust,
headless and bounded in time, over what visitors do, weighted roughly as a public site
sees it: pages of cases, the home page, searches with and without facets, experts,
spotlight collections, the JSON API and the search box's suggestions.

    make load [LOAD_USERS=50] [LOAD_TIME=60s] [LOAD_HOST=http://127.0.0.1:8100]
    make load-search          # the same clients, each search one never asked before
    make load-search-nocache  # the same with the app server's page cache off

`make load` runs the `Visitor`, whose nine words make nearly every search a page-cache
hit; `make load-search` runs the `UniqueSearcher`: half search pages, half API, two or
three words of bench/vocabulary.py in one of the three languages, half of them with a
facet ticked, none asked twice, so the page cache never answers (docs/scaling.md).

Locust prints requests/s, the p50/p95/p99 response times and the failures per request
type and in total. Before the users start, the site's own API gives the addresses of
its cases, experts and spotlight pages and the values of its facets, so every request
asks for something that exists (a 404 counts as an error). Only loopback is allowed:
this is a load test of one's own layout, never of somebody else's site.
https://docs.locust.io/en/stable/
"""

import random
from urllib.parse import urlsplit

import requests
from locust import FastHttpUser, constant, events, task
from vocabulary import UniqueSearches

# The interface languages, read from the site under test in learn_the_site.
LANGUAGES = []
WORDS = ["housing", "water", "mobility", "care", "climate", "logement", "salud", "transport", "participation"]
PREFIXES = ["hou", "wat", "mob", "car", "cli", "log", "sal"]
SITE = {}
# Which page a simulated visitor asks for, not a secret.
pick = random.Random()  # noqa: S311


@events.init_command_line_parser.add_listener
def loopback_only(parser):
    parser.set_defaults(host="http://127.0.0.1:8100")


@events.test_start.add_listener
def learn_the_site(environment, **kwargs):
    if urlsplit(environment.host).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"make load only tests a layout on this machine's loopback, not {environment.host}")
    SITE.update(urls={}, facets={})
    schema = requests.get(f"{environment.host}/api/v1/openapi.json", timeout=30).json()
    parameters = schema["paths"]["/api/v1/search/"]["get"]["parameters"]
    LANGUAGES[:] = next(parameter["schema"]["enum"] for parameter in parameters if parameter["name"] == "ui_language")
    for kind in ("case", "expert", "spotlight"):
        answer = requests.get(f"{environment.host}/api/v1/search/", {"type": kind, "page_size": 50}, timeout=30)
        answer.raise_for_status()
        body = answer.json()
        SITE["urls"][kind] = [urlsplit(result["url"]).path for result in body["results"]]
        if kind == "case":
            SITE["facets"] = {
                name: [value["value"] for value in values if value["count"]]
                for name, values in body["facets"].items()
                if name in ("theme", "sdg", "region") and values
            }
    print(
        f"Site learnt: {', '.join(f'{len(urls)} {kind} pages' for kind, urls in SITE['urls'].items())}, "
        f"facets {', '.join(SITE['facets']) or 'none (the database answered)'},"
        f" page cache {page_cache(environment.host)}"
    )
    missing = [kind for kind, urls in SITE["urls"].items() if not urls]
    if missing:
        raise SystemExit(f"The site has no {', '.join(missing)} pages to ask for: load the demo first (make prod-up).")


def page_cache(host):
    """ "on" when the site answers a page asked twice from its page cache, else "off"
    (PAGE_CACHE_TIMEOUT=0, `make load-search-nocache`)."""
    for _ in range(2):
        answer = requests.get(f"{host}/{LANGUAGES[0]}/", timeout=30)
    return "on" if answer.headers.get("X-Cache") == "hit" else "off"


class SiteUser(FastHttpUser):
    """What every simulated visitor shares: its pace and how it picks a facet."""

    abstract = True
    # Each user is a client that asks again as soon as it has its answer, as the
    # target is stated (N concurrent clients, like ab's or wrk's concurrency): with a
    # person's reading time between clicks, 50 users could not ask for more than about
    # 40 requests/s, and the test would measure the pause, not the site. FastHttpUser
    # because the load generator shares the 2 cores with the site: it costs a fraction
    # of the CPU of the requests-based HttpUser per request.
    wait_time = constant(0)

    def facet(self):
        """One facet filter; none when the site answered from its database fallback
        at start (OpenSearch down or slow), which counts no facets."""
        if not SITE["facets"]:
            return {}
        name = pick.choice(list(SITE["facets"]))
        return {name: pick.choice(SITE["facets"][name])}


class Visitor(SiteUser):
    """`make load`: what visitors do, most of it answered from the page cache."""

    @task(6)
    def case_page(self):
        self.client.get(pick.choice(SITE["urls"]["case"]), name="case page")

    @task(4)
    def home(self):
        self.client.get(f"/{pick.choice(LANGUAGES)}/", name="home")

    @task(4)
    def search_with_facets(self):
        params = {**self.facet(), **({"q": pick.choice(WORDS)} if pick.random() < 0.5 else {})}
        self.client.get(f"/{pick.choice(LANGUAGES)}/search/", params=params, name="search page")

    @task(2)
    def expert_page(self):
        self.client.get(pick.choice(SITE["urls"]["expert"]), name="expert page")

    @task(2)
    def spotlight_page(self):
        self.client.get(pick.choice(SITE["urls"]["spotlight"]), name="spotlight page")

    @task(2)
    def api_search(self):
        params = {"q": pick.choice(WORDS), **self.facet(), "ui_language": pick.choice(LANGUAGES)}
        self.client.get("/api/v1/search/", params=params, name="API search")

    @task(3)
    def suggest(self):
        params = {"q": pick.choice(PREFIXES), "ui_language": pick.choice(LANGUAGES)}
        self.client.get("/api/v1/suggest/", params=params, name="API suggest")


# One for all the users of the run: no question is asked twice.
unique = UniqueSearches()


class UniqueSearcher(SiteUser):
    """A visitor whose every search is new (`make load-search`): what the page cache
    cannot help with. The request names say page or API, with or without a facet."""

    def unique_search(self):
        language = pick.choice(LANGUAGES)
        facet = self.facet() if pick.random() < 0.5 else {}
        return language, {"q": unique.question(language), **facet}, ", facets" if facet else ""

    @task
    def search_page(self):
        language, params, facets = self.unique_search()
        self.client.get(f"/{language}/search/", params=params, name=f"unique search page{facets}")

    @task
    def api_search(self):
        language, params, facets = self.unique_search()
        params["ui_language"] = language
        self.client.get("/api/v1/search/", params=params, name=f"unique API search{facets}")
