from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models import COMMENT_MAX_LENGTH, MunicipalCoordinator


class MunicipalCoordinatorForm(WagtailAdminModelForm):
    """A SPOC is named by their email address (a list of every account would be thousands)."""

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The person signs in with this address; they need an account already."),
    )

    class Meta:
        model = MunicipalCoordinator
        fields = ["municipality"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.user_id:
            self.initial["email"] = self.instance.user.email

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(_("No active account has this email address."))
        self.instance.user = user
        return email

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        if self.instance.user_id and municipality is not None:
            taken = MunicipalCoordinator.objects.filter(
                user_id=self.instance.user_id, municipality=municipality
            ).exclude(pk=self.instance.pk)
            if taken.exists():
                raise ValidationError(_("This person already coordinates this municipality."))
        return cleaned


SCORE_CHOICES = [
    (1, _("1 – do not agree")),
    (2, _("2")),
    (3, _("3")),
    (4, _("4")),
    (5, _("5 – fully agree")),
]


class EvaluationForm(forms.Form):
    """One radio group per statement of the course, and an optional comment."""

    comment = forms.CharField(
        label=_("Comment (optional)"),
        help_text=_(
            "What helped you, what would you change? Trainers read it without your name. Do "
            "not write names or details of people in a case."
        ),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_fields = []
        for position, (question_id, statement) in enumerate(questions):
            name = f"score_{position}"
            self.fields[name] = forms.TypedChoiceField(
                label=statement,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score for this statement.")},
            )
            self.question_fields.append((name, question_id))
        self.order_fields([name for name, _id in self.question_fields] + ["comment"])

    def scores(self):
        return {question_id: self.cleaned_data[name] for name, question_id in self.question_fields}
