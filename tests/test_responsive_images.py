"""A phone downloads pictures the size of its screen: the case page offers each
picture in several WebP widths and lets the browser choose."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from demo.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def widths(img):
    """{width descriptor: URL} of an <img>'s srcset."""
    candidates = (candidate.split() for candidate in img["srcset"].split(","))
    return {descriptor: url for url, descriptor in candidates}


@pytest.mark.opensearch
def test_the_hero_and_the_gallery_offer_webp_pictures_in_several_widths(client, case_index):
    hero = wagtail_factories.ImageFactory(title="Rooftop garden", file__width=1600, file__height=900)
    picture = wagtail_factories.ImageFactory(title="IMG_0042", file__width=1600, file__height=900)
    case = CaseStudyPageFactory(
        parent=case_index,
        hero_image=hero,
        hero_caption="A rooftop garden in Barcelona",
        gallery=[("image", {"image": picture, "caption": "Neighbours planting"})],
    )
    page = BeautifulSoup(client.get(case.url).content, "html.parser")

    hero_img = page.select_one(".case__hero img")
    assert set(widths(hero_img)) == {"600w", "1200w"}
    assert all(url.endswith(".webp") for url in widths(hero_img).values())
    assert hero_img["sizes"] and hero_img["alt"] == "A rooftop garden in Barcelona"

    gallery_img = page.select_one(".gallery img")
    assert set(widths(gallery_img)) == {"320w", "640w", "960w"}
    assert all(url.endswith(".webp") for url in widths(gallery_img).values())
    # The caption says what the picture shows; the file's title ("IMG_0042") would not.
    assert gallery_img["alt"] == "Neighbours planting" and gallery_img["loading"] == "lazy"
