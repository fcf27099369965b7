from django import forms


class HttpsURLField(forms.URLField):
    """A web address typed without a scheme is taken as https:// (Django 6's default)."""

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)
