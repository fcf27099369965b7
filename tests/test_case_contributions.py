"""A member sends a case from the site; it waits as a draft for the moderators, who
are told by e-mail; the member follows it on "My contributions", answers a request
for changes, and sees it published. Nobody else reaches it."""

from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.models import WorkflowState

from cases.contribution_forms import STEPS
from cases.models import CaseContribution, CaseStudyPage
from demo.factories import CaseStudyPageFactory
from taxonomy.models import Approach, CaseStatus, City, SustainableDevelopmentGoal, TargetGroup, Topic
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/en/members/contributions/new/"
LIST_URL = "/en/members/contributions/"


def case_form(**changes):
    topic = Topic.objects.get(slug="housing")
    data = {
        "case_language": "en",
        "title": "Housing cooperatives on public land",
        "summary": "The city leases land to cooperatives that build <b>affordable</b> homes.",
        "city": City.objects.get(slug="barcelona").pk,
        "start_year": 2016,
        "end_year": 2022,
        "status": CaseStatus.objects.first().pk,
        "themes": [topic.theme.pk],
        "topics": [topic.pk],
        "sdgs": [SustainableDevelopmentGoal.objects.get(number=11).pk],
        "target_groups": [TargetGroup.objects.first().pk],
        "approaches": [Approach.objects.first().pk],
        # As a browser sends a textarea: CRLF line breaks.
        "context": "Rents doubled in ten years.\r\n\r\nYoung families <script>alert(1)</script> left.",
        "solution": "Land is leased for 75 years.",
        "results": "",
        "lessons": "Start with one plot.",
        "evidence_level": "described",
        "organisation": "Ajuntament de Barcelona",
        "website": "https://example.org/housing",
        "hero_caption": "",
        "hero_credit": "",
        **outcome_rows(),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def outcome_rows(*rows):
    """The outcome indicators of the results step, as the browser sends its formset."""
    data = {"outcomes-TOTAL_FORMS": len(rows), "outcomes-INITIAL_FORMS": 0, "outcomes-MAX_NUM_FORMS": 1000}
    for number, row in enumerate(rows):
        data.update({f"outcomes-{number}-{name}": value for name, value in row.items()})
    return data


def step_url(contribution_pk, number):
    return f"/en/members/contributions/{contribution_pk}/step/{number}/"


def go_through_steps(client, first_url, data, contribution_pk=None, follow=False):
    """The member fills in every step with `data` (files only where they are asked
    for, at the last step) and sends the case; returns the first refusal, if any."""
    fields = {name: value for name, value in data.items() if not isinstance(value, SimpleUploadedFile)}
    for number in range(1, len(STEPS) + 1):
        last = number == len(STEPS)
        url = first_url if number == 1 else step_url(contribution_pk, number)
        response = client.post(url, {**(data if last else fields), "action": "send" if last else "next"}, follow=follow)
        if response.status_code != 302 and not (follow and response.redirect_chain):
            return response
        contribution_pk = contribution_pk or CaseContribution.objects.latest("pk").pk
    return response


def send_case(client, follow=False, **changes):
    return go_through_steps(client, SUBMIT_URL, case_form(**changes), follow=follow)


def resend(client, contribution, follow=False, **changes):
    data = case_form(case_language=None, **changes)
    return go_through_steps(client, step_url(contribution.pk, 1), data, contribution.pk, follow=follow)


@pytest.fixture
def member(client, case_index):
    user = UserFactory(email="contributor@example.org")
    client.force_login(user)
    return user


def contributed(member):
    return CaseContribution.objects.select_related("page").get(member=member)


def moderate(page, moderator, action, comment=""):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, action, comment=comment)


def png():
    buffer = BytesIO()
    Image.new("RGB", (800, 600), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("plot.png", buffer.getvalue(), content_type="image/png")


def test_a_submitted_case_is_a_draft_under_the_case_index_waiting_for_the_moderators(
    client, member, moderator, case_index
):
    response = send_case(client, follow=True)
    html = response.content.decode()
    assert "sent to the moderators for review" in html
    assert "Housing cooperatives on public land" in html and "In review" in html

    page = contributed(member).page
    assert page.get_parent().specific == case_index
    assert page.locale.language_code == "en" and page.slug == "housing-cooperatives-on-public-land"
    assert not page.live and page.owner == member
    assert page.get_latest_revision().user == member
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == member
    # Plain text became paragraphs, with its markup escaped (in the revision the
    # moderators review: the page row keeps the first step until it is published).
    draft = page.get_latest_revision_as_object()
    assert draft.context == (
        "<p>Rents doubled in ten years.</p><p>Young families &lt;script&gt;alert(1)&lt;/script&gt; left.</p>"
    )
    assert [topic.slug for topic in draft.topics.all()] == ["housing"]
    # Nobody sees a case in review.
    assert Client().get(f"/en/{case_index.slug}/{page.slug}/").status_code == 404


def test_the_moderators_are_told_by_email(client, member, moderator):
    Group.objects.get(name="Moderators").user_set.add(UserFactory(email=""))
    mail.outbox.clear()
    send_case(client)
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients == ["moderator@example.org"]
    assert "Housing cooperatives on public land" in mail.outbox[0].subject + mail.outbox[0].body


@pytest.mark.opensearch
def test_the_member_sees_the_case_published_once_a_moderator_approves_it(client, member, moderator):
    send_case(client)
    page = contributed(member).page
    moderate(page, moderator, "approve")
    page.refresh_from_db()
    assert page.live

    html = client.get(LIST_URL).content.decode()
    assert "Published" in html and f'href="{page.url}"' in html
    public = Client().get(page.url).content.decode()
    assert "cooperatives that build &lt;b&gt;affordable&lt;/b&gt; homes" in public
    assert "<script>alert(1)</script>" not in public

    # The editors own a published case: the member can no longer change it.
    assert f"/en/members/contributions/{contributed(member).pk}/" not in html
    response = client.post(step_url(contributed(member).pk, 1), case_form(title="Changed", action="next"))
    assert response.status_code == 302 and response["Location"] == LIST_URL
    page.refresh_from_db()
    assert page.title == page.get_latest_revision_as_object().title == "Housing cooperatives on public land"


def test_the_member_answers_a_request_for_changes_and_sends_the_case_again(client, member, moderator):
    send_case(client)
    contribution = contributed(member)
    moderate(contribution.page, moderator, "reject", comment="Please add the results, with figures.")

    html = client.get(LIST_URL).content.decode()
    assert "Changes requested" in html and "Please add the results, with figures." in html
    edit_url = f"/en/members/contributions/{contribution.pk}/"
    assert f'href="{edit_url}"' in html
    form = client.get(edit_url, follow=True).content.decode()
    assert 'value="Housing cooperatives on public land"' in form
    assert 'name="case_language"' not in form
    form = client.get(step_url(contribution.pk, 3)).content.decode()
    assert "Rents doubled in ten years.\n\nYoung families &lt;script&gt;alert(1)&lt;/script&gt; left." in form

    mail.outbox.clear()
    accra = City.objects.get(slug="accra")
    response = resend(client, contribution, follow=True, results="1,200 homes built.", city=accra.pk)
    assert "sent to the moderators for review" in response.content.decode()
    assert "In review" in response.content.decode()
    assert [address for message in mail.outbox for address in message.to] == ["moderator@example.org"]
    page = CaseStudyPage.objects.get(pk=contribution.page.pk)
    assert page.get_latest_revision_as_object().results == "<p>1,200 homes built.</p>"
    assert CaseContribution.objects.filter(member=member).count() == 1

    moderate(page, moderator, "approve")
    page.refresh_from_db()
    assert page.live and page.results == "<p>1,200 homes built.</p>"
    assert page.city == accra and (page.latitude, page.longitude) == (accra.latitude, accra.longitude)


def test_a_members_later_edit_keeps_the_formatting_a_moderator_added(client, member, moderator):
    send_case(client)
    contribution = contributed(member)
    # The moderator formats the member's text in the admin, then asks for a change.
    draft = contribution.page.get_latest_revision_as_object()
    formatted = (
        "<h2>Rents</h2><p>Rents <b>doubled</b> in ten years.</p><ul><li>Families left.</li><li>Shops closed.</li></ul>"
    )
    draft.context = formatted
    draft.key_figures = [("figure", {"value": "1,200", "label": "homes"})]
    draft.save_revision(user=moderator)
    moderate(contribution.page, moderator, "reject", comment="Please add what the families say.")

    form = client.get(step_url(contribution.pk, 3)).content.decode()
    assert "Rents\n\nRents doubled in ten years.\n\nFamilies left.\n\nShops closed." in form
    assert "1,200: homes" in form
    text = (
        "Rents\r\n\r\nRents doubled in ten years.\r\n\r\nFamilies left.\r\n\r\nShops closed.\r\n\r\nWe miss our street."
    )
    resend(client, contribution, context=text, results_figures="1,200: homes")

    latest = CaseStudyPage.objects.get(pk=contribution.page.pk).get_latest_revision_as_object()
    assert latest.context == formatted + "<p>We miss our street.</p>"
    assert [block.value["value"] for block in latest.key_figures] == ["1,200"]


def test_a_member_never_reaches_another_members_contribution(client, member, moderator):
    send_case(client)
    contribution = contributed(member)
    moderate(contribution.page, moderator, "reject", comment="Private remark for the author.")

    client.force_login(UserFactory())
    for edit_url in (f"/en/members/contributions/{contribution.pk}/", step_url(contribution.pk, 1)):
        assert client.get(edit_url).status_code == 404
        assert client.post(edit_url, case_form(title="Hijacked", action="next")).status_code == 404
    listing = client.get(LIST_URL).content.decode()
    assert "Housing cooperatives" not in listing and "Private remark" not in listing
    assert contributed(member).page.get_latest_revision_as_object().title == "Housing cooperatives on public land"


def test_anonymous_visitors_are_sent_to_sign_in(client, case_index):
    owner = UserFactory()
    page = case_index.add_child(
        instance=CaseStudyPage(title="A case", summary="S.", city=City.objects.get(slug="accra"), live=False)
    )
    contribution = CaseContribution.objects.create(page=page, member=owner)
    for url in (LIST_URL, SUBMIT_URL, f"/en/members/contributions/{contribution.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    response = client.post(SUBMIT_URL, case_form())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not CaseContribution.objects.exclude(pk=contribution.pk).exists()


def test_the_form_refuses_a_post_without_its_csrf_token(member):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    assert browser.post(SUBMIT_URL, case_form()).status_code == 403
    assert not CaseContribution.objects.exists()


def test_html_in_the_title_and_summary_is_shown_escaped(client, member):
    script, image = "Clinics <script>alert(1)</script>", "<img src=x onerror=alert(1)>"
    send_case(client, title=script, summary=image)
    html = client.get(LIST_URL).content.decode()
    assert "Clinics &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_bad_input_is_explained_on_the_field_and_nothing_is_created(client, member):
    response = client.post(SUBMIT_URL, case_form(title="", end_year=2010, website="not a url", action="next"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["end_year"] == ["The end year cannot be before the start year."]
    assert errors["title"] == ["This field is required."]
    assert "website" in errors
    assert not CaseStudyPage.objects.exists()


def test_bad_input_in_a_later_step_is_explained_on_its_field(client, member):
    response = send_case(
        client,
        topics=[Topic.objects.get(slug="water").pk],
        sdgs=[],
        results_figures="35%: fewer emergency visits\nmany more families",
    )
    errors = response.context["form"].errors
    assert "topics" not in errors  # a topic brings its theme along
    assert errors["sdgs"] == ["Choose at least one Sustainable Development Goal."]
    pk = contributed(member).pk
    client.post(step_url(pk, 2), case_form(action="next"))
    response = client.post(step_url(pk, 3), case_form(results_figures="35%: fewer visits\nmany more", action="next"))
    assert response.context["form"].errors["results_figures"] == [
        "Line 2: write the figure, a colon, then what it counts (35%: fewer emergency visits)."
    ]
    client.post(step_url(pk, 3), case_form(action="next"))
    bad_files = {
        "hero_upload": SimpleUploadedFile("plot.png", b"%PDF-1.4 not an image", content_type="image/png"),
        "document_upload": SimpleUploadedFile("report.pdf", b"GIF89a not a pdf", content_type="application/pdf"),
        "document_title": "Report",
        "picture_upload": png(),
        "action": "send",
    }
    errors = client.post(step_url(pk, 4), bad_files).context["form"].errors
    assert "hero_upload" in errors
    assert errors["document_upload"] == ["This file is not a PDF. Please save the document as PDF and try again."]
    assert errors["picture_alt"] == ["Please say what the picture shows, for people who cannot see it."]
    assert contributed(member).draft_step == 4 and contributed(member).page.current_workflow_state is None


def test_a_language_without_a_case_index_is_refused_on_the_field(client, member):
    response = client.post(SUBMIT_URL, case_form(case_language="fr", action="next"))
    assert response.status_code == 200
    assert response.context["form"].errors["case_language"] == [
        "The site does not publish cases in Français yet. Please choose another language."
    ]
    assert not CaseStudyPage.objects.exists()


def test_a_hero_photo_is_uploaded_with_the_case(client, member):
    send_case(client, hero_upload=png(), hero_credit="Photo: the city")
    page = contributed(member).page.get_latest_revision_as_object()
    assert page.hero_image.width == 800 and page.hero_image.uploaded_by_user == member
    assert page.hero_credit == "Photo: the city"


def test_review_e_mails_bring_the_member_to_the_member_area_with_the_comment(client, member, moderator):
    send_case(client)
    page = CaseContribution.objects.get(member=member).page
    mail.outbox.clear()

    moderate(page, moderator, "reject", comment="Please add the results, with figures.")
    assert len(mail.outbox) == 1, [(email.to, email.subject) for email in mail.outbox]
    [email] = mail.outbox
    assert email.to == ["contributor@example.org"]
    assert "ask for changes" in email.subject and "Housing cooperatives on public land" in email.subject
    assert "Please add the results, with figures." in email.body
    # From the one base URL every e-mail uses (the default site's here), not the admin's.
    assert "http://localhost/en/members/contributions/" in email.body and "/admin/" not in email.body

    resend(client, CaseContribution.objects.get())
    mail.outbox.clear()
    moderate(page, moderator, "approve", comment="Thank you, published.")
    [email] = mail.outbox
    assert email.to == ["contributor@example.org"] and "is published" in email.subject
    assert "Thank you, published." in email.body and "/en/members/contributions/" in email.body
    assert "/admin/" not in email.body


def test_editors_still_get_wagtails_admin_e_mails(moderator, case_index):
    editor = UserFactory(email="editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    case = CaseStudyPageFactory(parent=case_index, live=False)
    case.save_revision(user=editor)
    case.get_workflow().start(case, editor)
    mail.outbox.clear()
    moderate(case, moderator, "reject", comment="Shorter, please.")
    [email] = mail.outbox
    assert email.to == ["editor@example.org"] and "/admin/pages/" in email.body


def pdf():
    return SimpleUploadedFile("evaluation.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


@pytest.mark.opensearch
def test_a_draft_waits_unreviewed_and_resumes_at_the_step_the_member_left(client, member, moderator):
    mail.outbox.clear()
    client.post(SUBMIT_URL, case_form(action="next"))
    contribution = contributed(member)
    response = client.post(step_url(contribution.pk, 2), case_form(action="save"), follow=True)
    html = response.content.decode()
    assert "Your draft is saved" in html and "Continue the draft at step 2" in html
    assert contribution.page.current_workflow_state is None and not mail.outbox

    response = client.get(f"/en/members/contributions/{contribution.pk}/")
    assert response["Location"] == step_url(contribution.pk, 2)
    # Later steps wait until this one is done; going back keeps the step reached.
    assert client.get(step_url(contribution.pk, 4))["Location"] == step_url(contribution.pk, 2)
    client.post(step_url(contribution.pk, 1), case_form(case_language=None, action="save"))
    assert contributed(member).draft_step == 2
    client.post(step_url(contribution.pk, 2), case_form(action="next"))
    figures = "35%: fewer emergency visits\r\n\r\n1,200: homes"
    evidence = case_form(results_figures=figures, evidence_level="monitored", action="next")
    client.post(step_url(contribution.pk, 3), evidence)
    uploads = {
        "document_upload": pdf(),
        "document_title": "Evaluation 2022",
        "picture_upload": png(),
        "picture_caption": "The first cooperative",
        "picture_alt": "Four-storey wooden building with balconies",
        "action": "send",
    }
    html = client.post(step_url(contribution.pk, 4), uploads, follow=True).content.decode()
    assert "sent to the moderators for review" in html and "In review" in html
    assert [address for message in mail.outbox for address in message.to] == ["moderator@example.org"]

    draft = CaseStudyPage.objects.get(pk=contribution.page.pk).get_latest_revision_as_object()
    assert [(block.value["value"], block.value["label"]) for block in draft.key_figures] == [
        ("35%", "fewer emergency visits"),
        ("1,200", "homes"),
    ]
    assert draft.evidence_level == "monitored"
    [document] = [item.document for item in draft.documents.all()]
    assert document.title == "Evaluation 2022" and document.uploaded_by_user == member
    [picture] = list(draft.gallery)
    assert picture.value["caption"] == "The first cooperative"
    assert picture.value["image"].description == "Four-storey wooden building with balconies"
    moderate(contribution.page, moderator, "approve")
    public = Client().get(CaseStudyPage.objects.get(pk=contribution.page.pk).url).content.decode()
    assert "Evaluation 2022" in public and 'alt="Four-storey wooden building with balconies"' in public


def test_a_member_gives_outcomes_and_a_budget_and_is_told_what_is_missing(client, member):
    client.post(SUBMIT_URL, case_form(action="next"))
    contribution = contributed(member)
    client.post(step_url(contribution.pk, 2), case_form(action="next"))
    homes = {"measure": "Families housed", "baseline_value": "120", "baseline_year": "2016", "value": "1480",
             "unit": "families", "result_year": "2021", "source_name": "Housing observatory"}  # fmt: skip
    response = client.post(
        step_url(contribution.pk, 3),
        case_form(**outcome_rows({**homes, "unit": ""}, {**homes, "baseline_year": "2022"}), budget_amount="90000",
                  action="next"),
    )  # fmt: skip
    html = response.content.decode()
    assert "Outcome indicator 2" in html
    first, second = (row.errors for row in response.context["form"].formsets["outcomes"])
    assert first["unit"] == ["Give the unit of the figures: people, %, tonnes..."]
    assert second["baseline_year"] == ["The baseline year must come before the result year (2021)."]
    assert response.context["form"].errors["budget_currency"] == ["Give the currency of the budget: EUR, USD, BRL..."]

    client.post(
        step_url(contribution.pk, 3),
        case_form(**outcome_rows(homes), budget_amount="90000", budget_currency="EUR", action="next"),
    )
    draft = CaseStudyPage.objects.get(pk=contribution.page.pk).get_latest_revision_as_object()
    assert [(o.measure, o.value, o.unit, o.baseline_year) for o in draft.outcomes.all()] == [
        ("Families housed", 1480, "families", 2016)
    ]
    assert (draft.budget_amount, draft.budget_currency) == (90000, "EUR")
    # Back at the step, the indicator is there to correct, with an empty one to add.
    form = client.get(step_url(contribution.pk, 3)).context["form"]
    assert [row.initial.get("measure") for row in form.formsets["outcomes"]] == ["Families housed", None]
