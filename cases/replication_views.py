"""A member proposes that a case was adopted in another city, or inspired by another
case: the link waits for a moderator (cases/replications.py)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.limits import save_if_valid

from .models import CaseStudyPage, Replication
from .models.case import validate_year

INSPIRED, ADOPTED = "inspired", "adopted"


class ReplicationForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("How are the two cases linked?"),
        choices=[
            (ADOPTED, _("The other case adopted this practice")),
            (INSPIRED, _("This case was inspired by the other")),
        ],
        widget=forms.RadioSelect,
        initial=ADOPTED,
    )
    other = forms.ModelChoiceField(label=_("The other case"), queryset=CaseStudyPage.objects.none())
    year = forms.IntegerField(label=_("Year adopted"), required=False, validators=[validate_year])
    note = forms.CharField(
        label=_("What was adapted (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, case, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.case, self.user = case, user
        # A practice travels across languages: the other case may be in any of them.
        self.fields["other"].queryset = (
            CaseStudyPage.objects.live()
            .public()
            .exclude(translation_key=case.translation_key)
            .select_related("city", "locale")
            .order_by("title")
        )
        self.fields["other"].label_from_instance = lambda other: (
            f"{other.title} ({other.city}, {other.locale.language_code})"
        )

    def clean(self):
        cleaned_data = super().clean()
        other = cleaned_data.get("other")
        if other is not None:
            ends = (self.case, other) if cleaned_data.get("direction") == ADOPTED else (other, self.case)
            try:
                self.proposal = Replication(
                    source=ends[0],
                    adopter=ends[1],
                    proposed_by=self.user,
                    year=cleaned_data.get("year"),
                    note=cleaned_data.get("note", ""),
                )
                self.proposal.full_clean()
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned_data

    def save(self):
        self.proposal.save()
        return self.proposal


@login_required
def propose(request, page_id):
    case = get_object_or_404(CaseStudyPage.objects.live().public(), pk=page_id)
    form = ReplicationForm(request.POST or None, case=case, user=request.user)
    if request.method == "POST" and save_if_valid(form, request.user, form.save):
        messages.success(request, gettext("Thank you: a moderator reviews the link before it is shown."))
        return redirect(case.url)
    return render(request, "cases/replications/propose.html", {"form": form, "case": case})
