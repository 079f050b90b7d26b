"""Strings Wagtail (and wagtail-localize) show trainers and editors in the admin, whose Dutch
in their own catalogues says "je/jij/jouw": our catalogue gives them in the formal register ("u",
"uw") the rest of the site speaks, as elearning/accounts/upstream_strings.py does for allauth.

makemessages extracts them from here into elearning/locale, whose catalogue Django reads before
the apps' own. Checked against Wagtail 7.4.4 and wagtail-localize 1.14.5: every informal Dutch
string of their catalogues is here, and tests/core/test_formal_admin.py fails when an upgrade
brings a new one. Wagtail's admin scripts have three such strings; they are given formally in
elearning/locale/nl/LC_MESSAGES/djangojs.po (kept by hand: makemessages runs for "django" only).
"""

from django.utils.translation import gettext, ngettext


def _never_called():
    gettext("Sorry, you do not have permission to access this area.")
    gettext("You do not have permission to access the admin.")
    gettext("Your %(username_field)s and password didn't match. Please try again.")
    gettext("Enter your %(username_field_name)s")
    gettext("Enter your email address to reset your password")
    gettext("You cannot edit another user's comment.")
    gettext("This page is live. Would you like to publish its copy as well?")
    ngettext(
        "%(count)s of the pages being copied is live. Would you like to publish its copy?",
        "%(count)s of the pages being copied are live. Would you like to publish their copies?",
        0,
    )
    gettext('You do not have permission to copy to page "%(page_title)s"')
    gettext('You do not have permission to create a page under "%(page_title)s".')
    gettext('You cannot create a page of type "%(page_type)s" under "%(page_title)s".')
    gettext("You cannot assign this workflow to the same page multiple times.")
    gettext("Give your workflow a name")
    gettext("Add tasks to your workflow")
    gettext("Password change successful")
    gettext("Set your new password")
    gettext("Check your email")
    gettext(
        "A link to reset your password has been emailed to you if an account exists for "
        "this address.",
    )
    gettext("Please follow the link below to reset your password:")
    gettext("Your username (in case you've forgotten):")
    gettext("Reset your password")
    gettext(
        "Converting this to an internal link to %(page)s would make the link automatically "
        "update if the underlying page changes its URL. Would you like to do this?",
    )
    gettext("You can edit the privacy settings on:")
    gettext(
        'No collections have been created. Why not <a href="%(add_collection_url)s">add one</a>?',
    )
    gettext("Would you still like to publish this %(model_name)s?")
    gettext(
        "This is your dashboard on which helpful information about content you've created "
        "will be displayed.",
    )
    gettext("Your locked pages")
    gettext("Your pages and snippets in a workflow")
    gettext(
        "Don't worry, we've got your back. Check out the <a class=\"w-whats-new__link\" "
        'href="%(editor_guide_link)s" target="_blank" rel="noreferrer">Wagtail Editor '
        "Guide</a> to get the low down on what's changed and some exciting new features!",
    )
    gettext("Awaiting your review")
    gettext("You can view the page here:")
    gettext("Edit your notification preferences here:")
    gettext("You can edit the page here:")
    gettext("You can preview the page here:")
    gettext("Choose which type of page you'd like to create.")
    gettext("Sorry, you cannot create a page at this location.")
    gettext("Are you sure you want to delete these pages?")
    ngettext(
        "You don't have permission to delete this page",
        "You don't have permission to delete these pages",
        0,
    )
    gettext("Are you sure you want to move these pages?")
    ngettext(
        "You don't have permission to move this page",
        "You don't have permission to move these pages",
        0,
    )
    gettext("Are you sure you want to publish these pages?")
    ngettext(
        "You don't have permission to publish this page",
        "You don't have permission to publish these pages",
        0,
    )
    gettext("Are you sure you want to unpublish these pages?")
    ngettext(
        "You don't have permission to unpublish this page",
        "You don't have permission to unpublish these pages",
        0,
    )
    gettext("Are you sure you want to convert this alias into an ordinary page?")
    gettext("Are you sure you want to delete this page?")
    gettext(
        'Alternatively you can <a href="%(unpublish_url)s">unpublish the page</a>. This '
        "removes the page from public view and you can edit or publish it again later.",
    )
    gettext("Are you sure you want to move this page into '%(title)s'?")
    gettext("Are you sure you want to move this page and all of its children into '%(title)s'?")
    gettext("Are you sure you want to unpublish this page?")
    gettext("Would you still like to publish this page?")
    gettext(
        "If you just want to add pages to an existing site, create them as children of the "
        "homepage instead.",
    )
    gettext("This page is locked, by you, to further editing")
    gettext("Locked by <b>you</b> at <b>%(locking_date)s</b>")
    gettext("You saved a new version in another window")
    gettext("You have unsaved changes in another window")
    gettext("Proceeding will overwrite the changes you made in that window.")
    gettext("Proceeding will overwrite the changes made by %(user_name)s.")
    gettext("Alternatively, you can view the latest version in a new tab.")
    gettext(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a "
        "separate tab to view the last saved version.",
    )
    gettext(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them.",
    )
    gettext(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them.",
    )
    gettext("Are you sure you want to unschedule this revision?")
    gettext("Save your changes before leaving")
    gettext("You have <span>unsaved edits</span>")
    gettext(
        "This workflow is currently in progress on %(workflow_states_in_progress)s pages. "
        "Deleting this workflow will cancel moderation on these page. Are you sure you want "
        "to delete this workflow?",
    )
    gettext("Are you sure you want to disable this workflow?")
    gettext("Are you sure you want to disable this task?")
    gettext("Assign your workflow to pages")
    gettext("Assign your workflow to snippets")
    gettext(
        "Workflows apply to child pages too. If you select a parent page here, its child "
        'pages will also use this workflow. See <a href="%(workflow_pages_url)s">the list '
        "of the pages</a> your workflow applies to.",
    )
    gettext("Choose which type of task you'd like to create.")
    gettext("You haven't created any tasks.")
    gettext(
        'Why not <a class="create-one-now" href="#tab-new" '
        'data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" '
        'data-w-tabs-focus-param="true">create one now</a>?',
    )
    gettext('No tasks have been created. Why not <a href="%(add_url)s">add one</a>?')
    gettext("Your account settings have been changed successfully!")
    gettext("You have been successfully logged out.")
    gettext("Are you sure you want to delete this collection?")
    gettext("No %(model_name)s match your query.")
    gettext(
        "You are viewing a previous version of this %(model_name)s from "
        "<b>%(created_at)s</b> by %(user)s",
    )
    gettext("If you confirm deletion")
    gettext(
        "You are viewing a previous version of this page from <b>%(created_at)s</b> by %(user)s",
    )
    ngettext(
        "This task is in progress on %(states_in_progress)d page/snippet. Disabling this "
        "task will cause it to be skipped in the moderation workflow and not be listed for "
        "selection when editing a workflow.",
        "This task is in progress on %(states_in_progress)d pages/snippets. Disabling this "
        "task will cause it to be skipped in the moderation workflow and not be listed for "
        "selection when editing a workflow.",
        0,
    )
    gettext("Default value. Comma or new line separated values supported for checkboxes.")
    ngettext(
        "Are you sure you want to delete this form submission?",
        "Are you sure you want to delete these form submissions?",
        0,
    )
    gettext(
        "<p>Select a file where redirects are separated into rows and contains the columns "
        "representing <code>from</code> and <code>to</code> (they can be named "
        "anything).</p> <p>After submitting you will be taken to a confirmation view where "
        "you can customize your redirects before import.</p>",
    )
    gettext("Are you sure you want to delete this redirect?")
    gettext(
        "No redirects have been created. Why not <a "
        'href="%(wagtailredirects_add_redirect_url)s">add one</a>?',
    )
    gettext("You must enter an external link text if you enter an external link URL.")
    gettext("You must recommend a page OR an external link.")
    gettext(
        "<p>Promoted search results are a means of recommending specific pages or external "
        "links that might not organically come high up in search results. E.g recommending "
        "your primary donation page to a user searching with the less common term "
        '"<em>giving</em>".</p>',
    )
    gettext("Are you sure you want to delete all promoted results for this search term?")
    gettext(
        "No promoted results have been created. Why not <a "
        'href="%(wagtailsearchpromotions_add_url)s">add one</a>?',
    )
    ngettext(
        "Are you sure you want to tag the following document?",
        "Are you sure you want to tag the following documents?",
        0,
    )
    ngettext(
        "You don't have permission to add tags to this document",
        "You don't have permission to add tags to these documents",
        0,
    )
    ngettext(
        "Are you sure you want to add the following document to the selected collection?",
        "Are you sure you want to add the following documents to the selected collection?",
        0,
    )
    ngettext(
        "You don't have permission to add this document to a collection",
        "You don't have permission to add these documents to a collection",
        0,
    )
    ngettext(
        "Are you sure you want to delete this document?",
        "Are you sure you want to delete these documents?",
        0,
    )
    ngettext(
        "You don't have permission to delete this document",
        "You don't have permission to delete these documents",
        0,
    )
    gettext("You haven't uploaded any documents in this collection.")
    gettext("You haven't uploaded any documents.")
    gettext(
        'Why not <a class="upload-one-now" href="#tab-upload" '
        'data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" '
        'data-w-tabs-focus-param="true">upload one now</a>?',
    )
    gettext(
        "You haven't uploaded any documents in this collection. Why not <a "
        'href="%(wagtaildocs_add_document_url)s">upload one now</a>?',
    )
    gettext(
        "You haven't uploaded any documents. Why not <a "
        'href="%(wagtaildocs_add_document_url)s">upload one now</a>?',
    )
    gettext("Or choose from your computer")
    gettext(
        "Upload successful. Please update this document with a more appropriate title, if "
        "necessary. You may also delete the document completely if the upload wasn't "
        "required.",
    )
    gettext("You need a password to access this document.")
    gettext("There seems to be a problem with your embedly API key. Please check your settings.")
    ngettext(
        "Are you sure you want to tag the following image?",
        "Are you sure you want to tag the following images?",
        0,
    )
    ngettext(
        "You don't have permission to add tags to this image",
        "You don't have permission to add tags to these images",
        0,
    )
    ngettext(
        "Are you sure you want to add the following image to the selected collection?",
        "Are you sure you want to add the following images to the selected collection?",
        0,
    )
    ngettext(
        "You don't have permission to add this image to a collection",
        "You don't have permission to add these images to a collection",
        0,
    )
    ngettext(
        "Are you sure you want to delete this image?",
        "Are you sure you want to delete these images?",
        0,
    )
    ngettext(
        "You don't have permission to delete this image",
        "You don't have permission to delete these images",
        0,
    )
    gettext(
        "Upload successful. However, your new image seems to be a duplicate of an existing "
        "image. You may delete it if it wasn't required.",
    )
    gettext("You haven't uploaded any images in this collection.")
    gettext("You haven't uploaded any images.")
    gettext('Sorry, no images match "<em>%(query_string)s</em>"')
    gettext(
        "You haven't uploaded any images in this collection. Why not <a "
        'href="%(wagtailimages_add_image_url)s">upload one now</a>?',
    )
    gettext(
        "You haven't uploaded any images. Why not <a "
        'href="%(wagtailimages_add_image_url)s">upload one now</a>?',
    )
    gettext(
        "Upload successful. Please update this image with a more appropriate title, if "
        "necessary. You may also delete the image completely if the upload wasn't required.",
    )
    gettext(
        "Upload successful. However, your new image seems to be a duplicate of this "
        "existing image. You may delete it if it wasn't required.",
    )
    gettext("Report this error to your website administrator with the following information:")
    gettext("The password you have entered is not correct. Please try again.")
    gettext("<b>'{title}' was locked</b> by <b>you</b> on <b>{datetime}</b>.")
    gettext("<b>'{title}' is locked</b> by <b>you</b>.")
    gettext("Locked by you")
    gettext("Only you can make changes while the %(model_name)s is locked")
    gettext("Lock/unlock pages you've locked")
    gettext("The page title as you'd like it to be seen by the public")
    gettext("Cannot overwrite a revision that was not created by the current user.")
    gettext("Your username and password didn't match. Please try again.")
    gettext(
        "Your account doesn't have access to this page. To proceed, please log in with an "
        "account that has access.",
    )
    gettext("You need a password to access this page.")
    gettext("Are you sure you want to delete this %(snippet_type_name)s?")
    gettext("Are you sure you want to delete %(count)s %(snippet_type_name)s?")
    gettext("You don't have permission to delete this %(snippet_type_name)s")
    gettext("You don't have permission to delete these %(snippet_plural_name)s")
    gettext("Receive notification when your page edit is approved")
    gettext("Receive notification when your page edit is rejected")
    gettext(
        "Receive notification when comments have been created, resolved, or deleted on a "
        "page that you have subscribed to receive comment notifications on",
    )
    gettext("Select your current time zone")
    gettext("Are you sure you want to assign this role to these users?")
    ngettext(
        "You don't have permission to edit this user",
        "You don't have permission to edit these users",
        0,
    )
    gettext("Are you sure you want to delete these users?")
    ngettext(
        "You don't have permission to delete this user",
        "You don't have permission to delete these users",
        0,
    )
    gettext("Are you sure you want to change the active state for these users?")
    gettext("You cannot change your own active status")
    gettext("Are you sure you want to delete this group?")
    gettext(
        "There are no groups configured. Why not <a "
        'href="%(wagtailusers_create_group_url)s">add some</a>?',
    )
    gettext("Sorry, no users match your query")
    gettext(
        "Are you sure you want to convert this page into an alias? This will overwrite the "
        "content of the page with the content of '%(source_page_title)s' "
        "(%(source_page_locale)s)",
    )
