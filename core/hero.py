"""The optional picture at the top of a landing page (home, spotlight collections),
with the words that replace it for someone who cannot see it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class HeroImageMixin(models.Model):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Its own field rather than the image's description: one picture may illustrate
    # several pages, and the alternative text says what it shows *here*, in each
    # page's language (wagtail-localize translates it with the page).
    hero_alt = models.CharField(
        _("hero picture description"),
        max_length=255,
        blank=True,
        help_text=_("What the picture shows, for visitors who cannot see it. Leave empty if it is only decoration."),
    )

    hero_panels = [MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero picture"))]

    class Meta:
        abstract = True
