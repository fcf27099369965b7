"""A long list of checkboxes (the further cities of a case) with a search box that
hides the choices not matching what the editor types. Without script it is the plain
list; the script is a static file, as the CSP requires."""

from django import forms


class FilteredCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    def __init__(self, filter_label, attrs=None):
        super().__init__({"data-choice-filter": filter_label, **(attrs or {})})

    class Media:
        js = ["js/choice-filter.js"]
