"""An official gathers practices and experts on a shortlist, keeps it by signing in,
shares it by a private link they can revoke, compares two to four practices side by
side and takes a PDF dossier to the council."""

import io
from datetime import date
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from pypdf import PdfReader
from wagtail.models import Locale

from cases.models import CaseStudyPage, OutcomeIndicator
from demo.factories import CaseStudyPageFactory
from shortlists.models import Shortlist
from taxonomy.models import City

from .factories import UserFactory
from .test_query_counts import expert_profile

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
PASSWORD = "a-long-test-password"


def add(client, page, origin=SITE):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.post("/en/shortlist/add/", {"page": page.pk, "next": page.url}, **headers)


def listed_titles(client, url="/en/shortlist/"):
    html = client.get(url).content.decode()
    return [title for title in TITLES if title in html]


TITLES = ("Housing cooperatives", "Neighbourhood clinics", "Bicycle highways", "Rainwater gardens", "Amara Okafor")


@pytest.fixture
def practices(case_index):
    cities = ("barcelona", "bogota", "berlin", "accra")
    cases = [
        CaseStudyPageFactory(parent=case_index, title=title, city=City.objects.get(slug=city))
        for title, city in zip(TITLES[:4], cities, strict=True)
    ]
    return cases


@pytest.fixture
def member():
    user = UserFactory(email="amara@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_a_visitor_adds_practices_and_experts_from_their_pages_and_removes_one(client, practices):
    expert = expert_profile("Amara Okafor", 1)
    for page in (practices[0], practices[1], expert):
        response = add(client, page)
        assert response.status_code == 302 and response["Location"] == page.url
    assert add(client, practices[0]).status_code == 302  # twice is once
    assert listed_titles(client) == ["Housing cooperatives", "Neighbourhood clinics", "Amara Okafor"]
    client.post("/en/shortlist/remove/", {"page": practices[1].pk})
    assert listed_titles(client) == ["Housing cooperatives", "Amara Okafor"]
    assert not Shortlist.objects.exists()  # an anonymous list stays in the session


def test_another_site_cannot_add_to_a_visitors_shortlist(client, practices):
    assert add(client, practices[0], origin="https://evil.example").status_code == 403
    assert add(client, practices[0], origin=None).status_code == 403
    assert listed_titles(client) == []


def test_a_draft_or_a_page_that_is_neither_a_practice_nor_an_expert_is_refused(client, practices, case_index):
    draft = CaseStudyPageFactory(parent=case_index, title="A practice in draft")
    draft.unpublish()
    assert add(client, draft).status_code == 404
    assert add(client, case_index).status_code == 404
    assert client.post("/en/shortlist/add/", {"page": "x"}, HTTP_ORIGIN=SITE).status_code == 404


def test_the_list_gathered_before_signing_in_joins_the_members_kept_list(client, practices, member):
    kept = Shortlist.objects.create(owner=member, name="For the housing committee")
    kept.items.create(page=practices[0])
    add(client, practices[0])
    add(client, practices[2])
    response = client.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    kept.refresh_from_db()
    assert [item.page_id for item in kept.items.all()] == [practices[0].pk, practices[2].pk]
    assert "shortlist" not in client.session
    assert listed_titles(client) == ["Housing cooperatives", "Bicycle highways"]
    # A member's additions are kept with the account, from any browser.
    add(client, practices[3])
    other = Client()
    other.force_login(member)
    assert listed_titles(other) == ["Housing cooperatives", "Bicycle highways", "Rainwater gardens"]


def test_a_shared_link_is_private_and_the_member_can_revoke_or_renew_it(client, practices, member):
    client.force_login(member)
    add(client, practices[1])
    client.post("/en/shortlist/rename/", {"name": "  Clinics for   the council "})
    client.post("/en/shortlist/share/")
    shortlist = Shortlist.objects.get(owner=member)
    assert shortlist.name == "Clinics for the council" and len(shortlist.share_token) >= 32
    link = f"/en/shortlist/shared/{shortlist.share_token}/"
    assert link in client.get("/en/shortlist/").content.decode()

    stranger = Client()
    response = stranger.get(link)
    html = response.content.decode()
    assert response.status_code == 200 and "Clinics for the council" in html and "Neighbourhood clinics" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow" and "no-store" in response["Cache-Control"]
    assert "Remove" not in html  # read only
    assert stranger.get("/en/shortlist/shared/not-the-token/").status_code == 404

    client.post("/en/shortlist/share/")  # a new link: the old one stops working
    assert stranger.get(link).status_code == 404
    renewed = Shortlist.objects.get(owner=member).share_token
    assert stranger.get(f"/en/shortlist/shared/{renewed}/").status_code == 200
    client.post("/en/shortlist/revoke/")
    assert stranger.get(f"/en/shortlist/shared/{renewed}/").status_code == 404
    assert stranger.get("/en/shortlist/shared//").status_code == 404


def with_results(case, budget, measure, source):
    case.budget_amount, case.budget_currency, case.budget_period = Decimal(budget), "EUR", "2019-2022"
    case.last_verified = date(2025, 3, 3)
    case.outcomes = [
        OutcomeIndicator(
            measure=measure, baseline_value=Decimal(100), baseline_year=2018, value=Decimal(250), unit="people",
            result_year=2022, source_name=source, source_url="https://example.org/report.pdf",
        )
    ]  # fmt: skip
    case.save_revision().publish()
    return CaseStudyPage.objects.get(pk=case.pk)


def compare(client, cases):
    return client.get("/en/shortlist/compare/", {"case": [case.pk for case in cases]})


def columns(html):
    head = html.split('<table class="compare__table"')[1].split("</thead>")[0]
    return [title for title in TITLES if title in head]


@pytest.mark.parametrize("count", [2, 4])
def test_two_to_four_practices_side_by_side(client, practices, count):
    chosen = practices[:count]
    with_results(chosen[0], 480000, "Families housed", "Housing observatory")
    response = compare(client, chosen)
    html = response.content.decode()
    assert response.status_code == 200
    assert columns(html) == list(TITLES[:count])
    assert html.count('<th scope="row">') == 10  # city, years, status, budget, outcomes, evidence...
    assert "480,000 EUR" in html and "Families housed" in html and "100 →" in html and "Housing observatory" in html
    body = html.split("<tbody>")[1]
    assert body.split("</tr>")[0].count("<td>") == count  # one column a practice


def test_one_or_five_practices_or_a_bad_number_are_explained(client, practices, case_index):
    fifth = CaseStudyPageFactory(parent=case_index)
    for chosen in ([practices[0]], [*practices, fifth]):
        response = compare(client, chosen)
        assert response.status_code == 400
        assert "Tick two to four practices to compare them." in response.content.decode()
    response = client.get("/en/shortlist/compare/", {"case": ["1", "two"]})
    assert response.status_code == 400 and "named by their numbers" in response.content.decode()


def pdf_text(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return reader, " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_dossier_pdf_holds_each_practices_title_outcomes_and_sources(client, practices):
    first = with_results(practices[0], 480000, "Families housed", "Housing observatory")
    second = with_results(practices[1], 90000, "Emergency visits avoided", "Health ministry survey")
    for page in (first, second):
        add(client, page)
    reader, text = pdf_text(client.get("/en/shortlist/dossier.pdf"))
    assert len(reader.pages) >= 3  # a cover, then a page per practice
    for expected in (
        "Dossier of good practices",
        "Housing cooperatives",
        "Neighbourhood clinics",
        "Families housed",
        "Emergency visits avoided",
        "Housing observatory",
        "Health ministry survey",
        "480,000 EUR",
        first.full_url,
    ):
        assert expected in text, expected
    # The links back are links, not only text.
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert first.full_url in uris


def test_a_comparison_gives_its_dossier_in_the_visitors_language(client, practices, case_indexes):
    english = with_results(practices[0], 480000, "Families housed", "Housing observatory")
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Coopératives de logement"
    french.save_revision().publish()
    response = client.get("/fr/shortlist/dossier.pdf", {"case": [english.pk, practices[2].pk]})
    _reader, text = pdf_text(response)
    assert "Dossier de bonnes pratiques" in text and "Coopératives de logement" in text
    assert "Bicycle highways" in text  # no French version: the original
    assert "480 000 EUR" in text.replace("\u202f", " ").replace("\xa0", " ")
