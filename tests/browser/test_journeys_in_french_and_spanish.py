"""The main journeys in French and in Spanish show no English: searching with facets,
reading a case, opening a spotlight, signing up and editing one's profile.

A page "shows English" when a visible text, or a label read out to screen-reader
users, is an English interface string that has a translation in the page's language
(from the project's catalogs and those of Django, allauth and Wagtail), or contains
common English words. Content in another language marked with its own `lang`
(a result written in English, the language names in the switcher) and proper names
marked `translate="no"` (organisations) are not counted.
"""

import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import trans_real
from playwright.sync_api import expect

from cases.models import CaseStudyPage, SpotlightPage

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

ENGLISH_WORDS = re.compile(r"\b(the|and|your|with|results?|search|filters?|apply|sign|password|next|previous)\b", re.I)
VISIBLE_TEXTS = """
() => {
    const pageLanguage = document.documentElement.lang;
    const texts = [];
    const inOwnLanguage = (element) => {
        const marked = element.closest("[lang]");
        return (!marked || marked.getAttribute("lang") === pageLanguage) && !element.closest("[translate=no]");
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        const text = walker.currentNode.textContent.replace(/\\s+/g, " ").trim();
        if (text && element.checkVisibility() && !element.closest("script, style") && inOwnLanguage(element)) {
            texts.push(text);
        }
    }
    for (const element of document.querySelectorAll("[placeholder], [aria-label], [title], img[alt]")) {
        if (!inOwnLanguage(element)) continue;
        for (const name of ["placeholder", "aria-label", "title", "alt"]) {
            if (element.getAttribute(name)) texts.push(element.getAttribute(name).trim());
        }
    }
    return texts;
}
"""


def english_interface_strings(language):
    """English msgids with a different translation in `language`, as whole texts."""
    catalog = trans_real.translation(language)._catalog
    strings = set()
    for key, translated in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid and translated != msgid and "%" not in msgid and "{" not in msgid and re.search(r"[A-Za-z]{3}", msgid):
            strings.add(msgid.strip())
    return strings


def english_on(page, language):
    english = english_interface_strings(language)
    return [text for text in page.evaluate(VISIBLE_TEXTS) if text in english or ENGLISH_WORDS.search(text)]


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "fr",
            {
                "sign_up": "S'inscrire",
                "create": "Créer mon profil",
                "save": "Enregistrer mon profil",
                "in_review": "En relecture",
            },
        ),
        (
            "es",
            {
                "sign_up": "Registrarse",
                "create": "Crear mi perfil",
                "save": "Guardar mi perfil",
                "in_review": "En revisión",
            },
        ),
    ],
)
def test_the_main_journeys_show_no_english(demo, live_server, page, screenshot_dir, language, texts):
    base = f"{live_server.url}/{language}"

    # Search, then narrow with a facet (the form submits itself).
    page.goto(f"{base}/search/")
    assert english_on(page, language) == []
    page.locator("input[name=sdg]").first.check()
    page.wait_for_url(re.compile(r".*sdg=\d+.*"))
    page.screenshot(path=screenshot_dir / f"search-{language}.png", full_page=True)
    assert english_on(page, language) == []

    # Read a case written in the visitor's language.
    case = CaseStudyPage.objects.live().filter(locale__language_code=language).first()
    page.goto(f"{live_server.url}{case.url}")
    page.screenshot(path=screenshot_dir / f"case-{language}.png", full_page=True)
    assert english_on(page, language) == []

    # Open a spotlight collection.
    spotlight = SpotlightPage.objects.live().filter(locale__language_code=language).first()
    page.goto(f"{live_server.url}{spotlight.url}")
    assert english_on(page, language) == []

    # Sign up, confirm the address, write a profile.
    page.goto(f"{base}/accounts/signup/")
    assert english_on(page, language) == []
    page.locator("input[name=name]").fill(f"Membre {language}")
    page.locator("input[name=email]").fill(f"membre-{language}@example.org")
    page.locator("input[name=password1]").fill("a-long-test-password")
    page.locator("input[name=password2]").fill("a-long-test-password")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{base}/accounts/confirm-email/")
    assert english_on(page, language) == []
    with translation.override(language):
        assert not ENGLISH_WORDS.search(mail.outbox[-1].subject)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://testserver", live_server.url))
    assert english_on(page, language) == []
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base}/members/")
    assert english_on(page, language) == []

    page.get_by_role("link", name=texts["create"]).click()
    page.wait_for_url(f"{base}/members/profile/")
    assert english_on(page, language) == []
    page.locator("input[name=title]").fill("Lucía Martínez")
    page.locator("select[name=country]").select_option(index=1)
    page.screenshot(path=screenshot_dir / f"profile-form-{language}.png", full_page=True)
    page.get_by_role("button", name=texts["save"]).click()
    expect(page.get_by_text(texts["in_review"], exact=True)).to_be_visible()
    assert english_on(page, language) == []
