"""What Wagtail's admin page forms post, for tests that create pages as an editor would."""

from django.urls import reverse
from django.utils.text import slugify

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def page_form(title, **fields):
    """What Wagtail's page form posts: our fields plus its own (comments, promote, settings)."""
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),  # the admin's script fills it in from the title
            "summary": "Een korte samenvatting.",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            **fields,
        }
    )


def webinar_form(title, **fields):
    return page_form(
        title,
        duration_minutes="45",
        chapters=streamfield([]),
        transcript="Opname van de sessie.",
        **fields,
    )


def module_form(title):
    return page_form(
        title,
        duration_minutes="10",
        body=streamfield([("text", rich_text("<p>Wat u kunt doen.</p>"))]),
        completion_rule="viewed",
        required="on",
        min_watched_percent="90",
        min_score_percent="80",
        min_time_percent="50",
    )


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def post_new_page(client, model, parent, form, action):
    response = client.post(add_url(model, parent), {**form, action: "on"})
    assert response.status_code == 302, response.context and response.context["form"].errors
    return model.objects.child_of(parent).get(title=form["title"])
