"""Moving between languages: the switcher, "also available in" and the notice when a
page has no version in the chosen language."""

import pytest
from wagtail.models import Locale, PageViewRestriction

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def switcher(html):
    return html.split('class="language-switcher"')[1].split("</nav>")[0]


@pytest.fixture
def cases():
    """An English case index translated into French (not Spanish), with a case
    translated into French and one only in English."""
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), title="Cases")
    french_index = index.copy_for_translation(Locale.objects.get(language_code="fr"))
    french_index.title = "Cas pratiques"
    french_index.save_revision().publish()
    translated = CaseStudyPageFactory(parent=index, title="Housing cooperatives")
    french = translated.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Coopératives de logements"
    french.save_revision().publish()
    only_english = CaseStudyPageFactory(parent=index, title="Only in English")
    return {"index": index, "french_index": french_index, "translated": translated, "french": french,
            "only_english": only_english}  # fmt: skip


@pytest.mark.opensearch
def test_the_switcher_links_a_translated_case_to_its_translation(client, cases):
    html = client.get(cases["translated"].url).content.decode()
    assert f'href="{cases["french"].url}"' in switcher(html)
    # "Also available in" names the other live versions, not the one shown.
    also = html.split('class="other-languages"')[1].split("</p>")[0]
    assert f'href="{cases["french"].url}" lang="fr" hreflang="fr">Français</a>' in also
    assert "English" not in also and "Español" not in also


@pytest.mark.opensearch
def test_a_translation_behind_a_password_is_neither_linked_nor_announced(client, cases):
    PageViewRestriction.objects.create(
        page=cases["french"], restriction_type=PageViewRestriction.PASSWORD, password="members"
    )
    html = client.get(cases["translated"].url).content.decode()
    assert cases["french"].url not in html  # not in the switcher, "also available in" nor hreflang
    assert 'hreflang="fr"' not in html.split("</head>")[0]


@pytest.mark.opensearch
def test_without_a_translation_the_switcher_leads_to_the_nearest_translated_ancestor_and_says_so(client, cases):
    page = cases["only_english"]
    html = client.get(page.url).content.decode()
    assert 'class="other-languages"' not in html
    french_link = f'href="/fr/language/nearest/{page.pk}/"'
    assert french_link in switcher(html)

    response = client.get(f"/fr/language/nearest/{page.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == cases["french_index"].url
    notice = response.content.decode()
    assert "« Only in English » n’est pas encore traduit en français" in notice
    # No Spanish case index at all: the Spanish home page, with the notice in Spanish.
    response = client.get(f"/es/language/nearest/{page.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == "/es/"
    assert "«Only in English» aún no está traducido al español" in response.content.decode()


@pytest.mark.opensearch
def test_the_nearest_translation_of_a_translated_page_is_the_translation_itself_without_notice(client, cases):
    response = client.get(f"/fr/language/nearest/{cases['translated'].pk}/", follow=True)
    assert response.redirect_chain[-1][0] == cases["french"].url
    assert "pas encore traduit" not in response.content.decode()


def test_drafts_and_unknown_pages_are_not_revealed(client, cases):
    draft = CaseStudyPageFactory(parent=cases["index"], title="Draft")
    draft.unpublish()
    assert client.get(f"/fr/language/nearest/{draft.pk}/").status_code == 404
    assert client.get("/fr/language/nearest/999999/").status_code == 404
