"""Form fields rendered one way across the site: label, input, help and errors tied together."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/form_field.html")
def form_field(field):
    """A field whose input names its help text and errors in aria-describedby, so screen
    readers announce them with the field."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs),
        "is_choice": field.widget_type in ("checkbox", "radio"),
    }
