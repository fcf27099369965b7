"""Revisions, previews and scheduled publishing work for every page type."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from cases.models import (
    ArticleIndexPage,
    CaseIndexPage,
    CaseStudyPage,
    CityPortraitPage,
    PositionPage,
    SpotlightPage,
    SpotlightSectionPage,
)
from home.models import HomePage


@pytest.mark.django_db
class RevisionsPreviewsAndSchedulingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", cases=6, experts=0, verbosity=0)

    def every_page_type(self):
        models = (
            HomePage, CaseIndexPage, CaseStudyPage, SpotlightPage, SpotlightSectionPage,
            ArticleIndexPage, CityPortraitPage, PositionPage,
        )  # fmt: skip
        return [model.objects.live().filter(locale__language_code="en").first() for model in models]

    @pytest.mark.opensearch
    def test_every_page_type_renders_and_previews(self):
        for page in self.every_page_type():
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsRenderable(page)
                # The admin's preview renders the page through this same path.
                preview = page.make_preview_request(preview_mode=page.default_preview_mode)
                self.assertEqual(preview.status_code, 200)
                self.assertContains(preview, page.title)

    def test_every_page_type_keeps_revisions_and_publishes_on_schedule(self):
        for page in self.every_page_type():
            with self.subTest(page_type=type(page).__name__):
                revisions = page.revisions.count()
                page.title = f"{page.title} (updated)"
                page.go_live_at = timezone.now() + timedelta(minutes=5)
                revision = page.save_revision()
                revision.publish()
                page.refresh_from_db()
                self.assertEqual(page.revisions.count(), revisions + 1)
                self.assertNotIn("(updated)", page.title)  # scheduled, not yet live
                self.assertTrue(page.scheduled_revision)

                # Five minutes pass.
                past = timezone.now() - timedelta(seconds=1)
                revision.approved_go_live_at = past
                revision.content["go_live_at"] = past.isoformat()
                revision.save()
                call_command("publish_scheduled", verbosity=0)
                page.refresh_from_db()
                self.assertIn("(updated)", page.title)
