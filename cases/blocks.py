from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("value"), max_length=40, help_text=_("For example 12,000 or 35%."))
    label = blocks.CharBlock(label=_("label"), max_length=120, help_text=_("What the figure counts."))

    class Meta:
        icon = "pick"
        template = "cases/blocks/key_figure.html"
        label = _("Key figure")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=200)
    role = blocks.CharBlock(label=_("role"), max_length=200, required=False)
    website = blocks.URLBlock(label=_("website"), required=False)

    class Meta:
        icon = "group"
        template = "cases/blocks/partner.html"
        label = _("Partner")


class MilestoneBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label=_("year"), min_value=1950, max_value=2100)
    event = blocks.CharBlock(label=_("what happened"), max_length=255)

    class Meta:
        icon = "date"
        template = "cases/blocks/milestone.html"
        label = _("Milestone")


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=255, required=False)

    class Meta:
        icon = "image"
        template = "cases/blocks/gallery_image.html"
        label = _("Image")
