"""Strings django-allauth shows on our account pages and in its mails, whose Dutch in allauth's
own catalogue says "je/jij/jouw": our catalogue gives them in the formal register ("u", "uw") the
rest of the site speaks, and its sentences that say "contact us" name the contact page instead.

makemessages extracts them from here into elearning/locale (as elearning/core/upstream_strings.py
does for other packages). Checked against django-allauth 65.22.1: tests/accounts/test_register.py
fails when allauth shows an informal Dutch string that is not given formally here.
"""

from django.utils.translation import gettext


def _never_called():
    gettext("You cannot remove your primary email address.")
    gettext("The email address and/or password you specified are not correct.")
    gettext("The phone number and/or password you specified are not correct.")
    gettext("Please type your current password.")
    gettext("You cannot add more than %d email addresses.")
    gettext("Your primary email address must be verified.")
    gettext("Username can not be used. Please use other username.")
    gettext("The username and/or password you specified are not correct.")
    gettext("Be patient, you are sending too many requests.")
    gettext("Use your password")
    gettext("You must type the same password each time.")
    gettext("You must type the same email each time.")
    gettext(
        "An account already exists with this email address. Please sign in to that account "
        "first, then connect your %s account."
    )
    gettext("Your account has no password set up.")
    gettext("Your account has no verified email address.")
    gettext("You cannot disconnect your last remaining third-party account.")
    gettext("Please reauthenticate to safeguard your account.")
    gettext("The following email addresses are associated with your account:")
    gettext("Do you really want to remove the selected email address?")
    gettext(
        "You are receiving this email because you or someone else tried to signup for "
        "an\naccount using email address:\n\n%(email)s\n\nHowever, an account using that "
        "email address already exists.  In case you have\nforgotten about this, please use "
        "the password forgotten procedure to recover\nyour "
        "account:\n\n%(password_reset_url)s"
    )
    gettext("You are receiving this mail because the following change was made to your account:")
    gettext(
        "If you do not recognize this change then please take proper security precautions "
        "immediately. The change to your account originates from:\n\n- IP address: "
        "%(ip)s\n- Browser: %(user_agent)s\n- Date: %(timestamp)s"
    )
    gettext("Your email has been changed from %(from_email)s to %(to_email)s.")
    gettext("Your email has been confirmed.")
    gettext(
        "You're receiving this email because user %(user_display)s has given your email "
        "address to register an account on %(site_domain)s."
    )
    gettext(
        "Your email verification code is listed below. Please enter it in your open browser window."
    )
    gettext("Please Confirm Your Email Address")
    gettext("Email address %(deleted_email)s has been removed from your account.")
    gettext("Your sign-in code is listed below. Please enter it in your open browser window.")
    gettext("This mail can be safely ignored if you did not initiate this action.")
    gettext("Your password has been changed.")
    gettext(
        "Your password reset code is listed below. Please enter it in your open browser window."
    )
    gettext(
        "You're receiving this email because you or someone else has requested a password "
        "reset for your user account.\nIt can be safely ignored if you did not request a "
        "password reset. Click the link below to reset your password."
    )
    gettext("In case you forgot, your username is %(username)s.")
    gettext("Your password has been reset.")
    gettext("Your password has been set.")
    gettext(
        "You are receiving this email because you, or someone else, tried to access an "
        "account with email %(email)s. However, we do not have any record of such an "
        "account in our database."
    )
    gettext("If it was you, you can sign up for an account using the link below.")
    gettext("Your email address is still pending verification.")
    gettext(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    )
    gettext("Sign in with a passkey")
    gettext("Are you sure you want to sign out?")
    gettext("You cannot remove your primary email address (%(email)s).")
    gettext("You have confirmed %(email)s.")
    gettext("Successfully signed in as %(name)s.")
    gettext("You have signed out.")
    gettext("Password successfully set.")
    gettext("You have verified phone number %(phone)s.")
    gettext(
        "Forgotten your password? Enter your email address below, and we'll send you an "
        "email allowing you to reset it."
    )
    gettext("Please contact us if you have any trouble resetting your password.")
    gettext(
        "We have sent you an email. If you have not received it please check your spam "
        "folder. Otherwise contact us if you do not receive it in a few minutes."
    )
    gettext(
        "The password reset link was invalid, possibly because it has already been used.  "
        'Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    )
    gettext("Your password is now changed.")
    gettext("Your phone number is still pending verification.")
    gettext("Enter your password:")
    gettext("You will receive a special code for a password-free sign-in.")
    gettext("Already have an account? Then please %(link)ssign in%(end_link)s.")
    gettext("We are sorry, but the sign up is currently closed.")
    gettext("You are already logged in as %(user_display)s.")
    gettext(
        "You currently do not have any email address set up. You should really add an email "
        "address so you can receive notifications, reset your password, etc."
    )
    gettext("Verify Your Email Address")
    gettext(
        "We have sent an email to you for verification. Follow the link provided to "
        "finalize the signup process. If you do not see the verification email in your main "
        "inbox, check your spam folder. Please contact us if you do not receive the "
        "verification email within a few minutes."
    )
    gettext(
        "This part of the site requires us to verify that\nyou are who you claim to be. For "
        "this purpose, we require that you\nverify ownership of your email address. "
    )
    gettext(
        "We have sent an email to you for\nverification. Please click on the link inside "
        "that email. If you do not see the verification email in your main inbox, check "
        "your spam folder. Otherwise\ncontact us if you do not receive it within a few "
        "minutes."
    )
    gettext(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email '
        "address</a>."
    )
    gettext("An error occurred while attempting to login via your third-party account.")
    gettext("You can sign in to your account using any of the following third-party accounts:")
    gettext("You currently have no third-party accounts connected to this account.")
    gettext("A third-party account from %(provider)s has been connected to your account.")
    gettext("A third-party account from %(provider)s has been disconnected from your account.")
    gettext("You are about to connect a new third-party account from %(provider)s.")
    gettext("You are about to sign in using a third-party account from %(provider)s.")
    gettext(
        "You decided to cancel logging in to our site using one of your existing accounts. "
        'If this was a mistake, please proceed to <a href="%(login_url)s">sign in</a>.'
    )
    gettext("Re-send Verification")
    gettext("Confirmation email sent to %(email)s.")
