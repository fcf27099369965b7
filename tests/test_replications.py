"""A practice that travelled between cities: a member or an editor proposes the link, a
moderator approves it, and only then do the case pages and the city pages show the chain."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from cases.models import Replication
from cases.replications import propose
from demo.factories import CaseStudyPageFactory
from taxonomy.models import City
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]


@pytest.fixture
def practices(case_indexes):
    """Superblocks in Barcelona (English), adopted in Paris (French), itself adopted in Bogotá (Spanish)."""
    barcelona = CaseStudyPageFactory(parent=case_indexes["en"], title="Superblocks")
    paris = CaseStudyPageFactory(
        parent=case_indexes["fr"], title="Rues aux écoles", city=City.objects.get(slug="greater-paris")
    )
    bogota = CaseStudyPageFactory(
        parent=case_indexes["es"], title="Supermanzanas de Bogotá", city=City.objects.get(slug="bogota")
    )
    return barcelona, paris, bogota


def chain_of(client, url):
    html = client.get(url).content.decode()
    return html.split('id="transfer-heading"')[1].split("</section>")[0]


def approve(client, moderator, replication):
    client.force_login(moderator)
    response = client.post(
        f"/admin/snippets/cases/replication/edit/{replication.pk}/",
        {
            "source": replication.source_id,
            "adopter": replication.adopter_id,
            "status": "approved",
            "year": replication.year or "",
            "note": replication.note,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_members_link_shows_nowhere_until_a_moderator_approves_it(client, practices, moderator):
    barcelona, paris, _bogota = practices
    member = UserFactory()
    client.force_login(member)
    form_url = f"/en/members/contributions/replication/{barcelona.pk}/"
    assert "Propose a link" in chain_of(client, barcelona.url)
    response = client.post(form_url, {"direction": "adopted", "other": paris.pk, "note": "Around schools."})
    assert response.status_code == 302
    assert response.url == barcelona.url
    replication = Replication.objects.get()
    assert (replication.source, replication.adopter, replication.status) == (barcelona, paris, "proposed")
    assert replication.proposed_by == member

    assert "Rues aux écoles" not in chain_of(client, barcelona.url)
    assert "Ce que Grand Paris a adopté" not in client.get("/fr/cities/greater-paris/").content.decode()

    approve(client, moderator, replication)
    assert "Rues aux écoles" in chain_of(client, barcelona.url)
    assert "Around schools." in chain_of(client, barcelona.url)
    # The same link proposed again, in any direction's words, is refused.
    client.force_login(member)
    again = client.post(form_url, {"direction": "adopted", "other": paris.pk})
    assert "already been proposed" in again.content.decode()


def test_an_editor_proposes_in_the_admin_and_cannot_approve(client, practices):
    barcelona, paris, _bogota = practices
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    form = client.get("/admin/snippets/cases/replication/add/").content.decode()
    assert 'name="status"' not in form
    response = client.post(
        "/admin/snippets/cases/replication/add/", {"source": barcelona.pk, "adopter": paris.pk, "status": "approved"}
    )
    assert response.status_code == 302
    assert Replication.objects.get().status == Replication.Status.PROPOSED
    assert "Rues aux écoles" not in chain_of(client, barcelona.url)


def test_the_chain_across_cities_and_languages_on_cases_and_cities(client, practices, moderator):
    barcelona, paris, bogota = practices
    first = propose(barcelona, paris, None, year=2019)
    second = propose(paris, bogota, None, year=2022)
    approve(client, moderator, first)
    approve(client, moderator, second)
    client.logout()

    # Every case of the chain shows all of it, with a map of the spread.
    for case in practices:
        chain = chain_of(client, case.url)
        assert chain.index("Superblocks") < chain.index("Rues aux écoles") < chain.index("Supermanzanas de Bogotá")
        assert chain.count('class="world-map__route"') == 2
    # The French version of the Barcelona case shows the chain too, in French where it can.
    french = barcelona.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()
    assert "Rues aux écoles" in chain_of(client, french.url)

    paris_page = client.get("/fr/cities/greater-paris/").content.decode()
    adopted = paris_page.split("Ce que Grand Paris a adopté")[1].split("</section>")[0]
    given = paris_page.split("Ce qui a été adopté de Grand Paris")[1].split("</section>")[0]
    assert "Superblocks" in adopted and "Supermanzanas" not in adopted
    assert "Supermanzanas de Bogotá" in given
    assert "Ce que Barcelone a adopté" not in client.get("/fr/cities/barcelona/").content.decode()

    second.status = Replication.Status.REJECTED
    second.save()
    assert "Supermanzanas" not in chain_of(client, barcelona.url)
