"""What a practice changed and cost, as data: outcome indicators (a measure with its
baseline, result, unit, years and source), dated follow-ups, and the budget fields
the case page carries (`BudgetMixin`).

Indicators and follow-ups are rows (InlinePanel), not StreamField blocks: insights sum
and compare them with the ORM where their units agree, the API and exports read them
as records, and each row is validated by its model's `clean`, which the admin's
inline form, the member's form and the importer all run. They are translatable
(TranslatableMixin): a translation carries the same figures with the measure, unit and
source name in its language."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin

from .values import EvidenceLevel, validate_year

NUMBER = {"max_digits": 18, "decimal_places": 4, "null": True, "blank": True}
CURRENCY = RegexValidator(r"^[A-Z]{3}$", _("Use the three-letter ISO 4217 code, in capitals: EUR, USD, BRL."))


def shown_number(value):
    """A figure as the visitor's language writes it: 22,223 / 22 223 / 22.223."""
    return "" if value is None else number_format(plain_number(value), use_l10n=True, force_grouping=True)


def plain_number(value):
    """A Decimal as the number a person typed: 22223, 12.5, not 22223.0000."""
    if value is None:
        return None
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else float(value)


class OutcomeIndicator(TranslatableMixin, Orderable):
    page = ParentalKey("cases.CaseStudyPage", on_delete=models.CASCADE, related_name="outcomes")
    measure = models.CharField(
        _("what was measured"), max_length=255, help_text=_("For example: people housed, tonnes of CO₂ a year.")
    )
    value = models.DecimalField(_("result"), **NUMBER)
    unit = models.CharField(_("unit"), max_length=60, blank=True, help_text=_("people, %, tonnes, km..."))
    result_year = models.PositiveSmallIntegerField(_("result year"), null=True, blank=True, validators=[validate_year])
    baseline_value = models.DecimalField(_("baseline"), **NUMBER, help_text=_("The value before the practice."))
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True, validators=[validate_year]
    )
    source_name = models.CharField(_("source name"), max_length=255, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    evidence_level = models.CharField(
        _("evidence level"),
        max_length=30,
        choices=EvidenceLevel.choices,
        blank=True,
        help_text=_("Leave empty when it is the case's own evidence level."),
    )

    panels = [
        FieldPanel("measure"),
        FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_year")]),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("result_year")]),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
        FieldPanel("evidence_level"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")

    def clean(self):
        super().clean()
        check_outcome(self.value, self.baseline_value, self.unit, self.baseline_year, self.result_year)

    @property
    def change(self):
        """The result minus the baseline, when both are known."""
        if self.value is None or self.baseline_value is None:
            return None
        return self.value - self.baseline_value

    @property
    def evidence(self):
        return self.evidence_level or self.page.evidence_level

    def get_evidence_display(self):
        return EvidenceLevel(self.evidence).label

    def chart(self):
        """Baseline and result as two bars of a small SVG chart, in % of the larger
        one: only when both are known, positive and in the one unit."""
        if self.value is None or self.baseline_value is None or max(self.value, self.baseline_value) <= 0:
            return None
        largest = max(self.value, self.baseline_value)
        return {"baseline": share(self.baseline_value, largest), "result": share(self.value, largest)}

    @property
    def shown_value(self):
        return shown_number(self.value)

    @property
    def shown_baseline(self):
        return shown_number(self.baseline_value)

    def as_record(self):
        """The indicator as the importer reads it and the API and exports give it."""
        return {
            "measure": self.measure,
            "value": plain_number(self.value),
            "unit": self.unit,
            "result_year": self.result_year,
            "baseline_value": plain_number(self.baseline_value),
            "baseline_year": self.baseline_year,
            "source_name": self.source_name,
            "source_url": self.source_url,
            "evidence_level": self.evidence,
        }


def share(number, largest):
    return round(float(max(number, 0) / largest) * 100, 1)


def check_outcome(value, baseline_value, unit, baseline_year, result_year):
    """The rules of an indicator, shared by the model (admin, member form) and the importer."""
    errors = {}
    if (value is not None or baseline_value is not None) and not unit.strip():
        errors["unit"] = _("Give the unit of the figures: people, %, tonnes...")
    if baseline_year and result_year and baseline_year >= result_year:
        errors["baseline_year"] = _("The baseline year must come before the result year (%(year)s).") % {
            "year": result_year
        }
    if errors:
        raise ValidationError(errors)


class FollowUp(TranslatableMixin, Orderable):
    """What became of the practice later ("two years later..."), dated."""

    page = ParentalKey("cases.CaseStudyPage", on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("date"))
    text = models.TextField(_("what happened since"))

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def as_record(self):
        return {"date": self.date.isoformat(), "text": self.text}


class BudgetMixin(models.Model):
    """What a practice cost and who paid, as figures; the rich-text "budget and funding"
    section keeps the story around them."""

    budget_amount = models.DecimalField(
        _("budget"), max_digits=16, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    budget_currency = models.CharField(_("currency"), max_length=3, blank=True, validators=[CURRENCY])
    budget_period = models.CharField(
        _("budget period"), max_length=100, blank=True, help_text=_("For example: 2019-2022, or per year.")
    )
    funding_sources = models.CharField(
        _("funding sources"),
        max_length=255,
        blank=True,
        help_text=_("For example: city budget, EU ERDF, a foundation."),
    )

    budget_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("budget_amount"), FieldPanel("budget_currency"), FieldPanel("budget_period")]
                ),
                FieldPanel("funding_sources"),
            ],
            heading=_("Budget in figures"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        check_budget(self.budget_amount, self.budget_currency)

    @property
    def shown_budget(self):
        return shown_number(self.budget_amount)

    def budget_record(self):
        if self.budget_amount is None and not self.funding_sources:
            return None
        return {
            "amount": plain_number(self.budget_amount),
            "currency": self.budget_currency,
            "period": self.budget_period,
            "funding_sources": self.funding_sources,
        }


def check_budget(amount, currency):
    if amount is not None and not currency:
        raise ValidationError({"budget_currency": _("Give the currency of the budget: EUR, USD, BRL...")})
