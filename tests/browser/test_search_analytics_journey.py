"""A visitor's search and the result they open reach the editors' analytics, the open
through the beacon search.js sends as the browser leaves for the result."""

import pytest

from searchstats.models import DailySearch, ResultOpen

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]


def test_a_result_opened_after_filtering_in_place_is_counted_with_its_rank(site_skeleton, catalogue, live_server, page):
    page.goto(f"{live_server.url}/en/search/?q=housing+cooperatives+bicycle+highways")
    # Ticking a filter swaps the results in place: the list's token is the new search's.
    page.get_by_label("11. Sustainable cities and communities").check()
    page.wait_for_url("**sdg=11*")
    second = page.locator(".result__title a").nth(1)
    title = second.inner_text()
    second.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    # The beacon travels on its own: wait for it, a bounded number of times.
    for _attempt in range(50):
        if ResultOpen.objects.exists():
            break
        page.wait_for_timeout(100)
    opened = ResultOpen.objects.select_related("search").get()
    assert (opened.rank, opened.opens) == (2, 1)
    assert (opened.search.words, opened.search.filters) == ("housing cooperatives bicycle highways", "sdg=11")
    assert DailySearch.objects.get(filters="").searches == 1
    assert opened.search.searches == 1
