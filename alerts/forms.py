from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency, SavedSearch


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"name": _("Name of this search"), "frequency": _("Alerts of new practices")}
        widgets = {"frequency": forms.RadioSelect}


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("Alerts"), choices=Frequency.choices)
