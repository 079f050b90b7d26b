from django import forms
from django.utils.translation import gettext_lazy as _


class PackageUploadForm(forms.Form):
    package = forms.FileField(
        label=_("Course package (.zip)"),
        help_text=_("A package exported by another site of this platform."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
