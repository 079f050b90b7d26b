import datetime

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.models import Site

from .health import health_report
from .site_identity import site_identity_css, site_identity_values
from .sites import site_url


@never_cache
@require_safe
def healthz(request):
    """Readiness probe for load balancers and monitoring: 200 when this process reaches the
    database, the cache, the broker and the storage, 503 naming the part that fails
    (elearning/core/health.py). No session, no cookie, no page cache (page_cache.py)."""
    report = health_report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def healthz_live(request):
    """Liveness: the process answers, whatever the parts do (a restart would not mend the
    database). Also the plain baseline view of `make bench`: it does nothing else."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def security_txt(request):
    """Where to report a vulnerability of this installation (RFC 9116), when one is configured.

    Each installation names its own contact (SECURITY_CONTACT); without one there is no file, so
    no reporter writes to an address nobody reads. `Expires` must lie under a year ahead (RFC 9116,
    2.5.5): it moves with the date, so the file never goes stale on a platform that runs for years.
    `Canonical` is the file's address at SITE_URL, not at the host a client asked for.
    """
    if not settings.SECURITY_CONTACTS:
        raise Http404
    expires = timezone.now().replace(microsecond=0) + datetime.timedelta(days=180)
    lines = [f"Contact: {_contact_uri(contact)}" for contact in settings.SECURITY_CONTACTS]
    lines.append(f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append("Preferred-Languages: " + ", ".join(code for code, _ in settings.LANGUAGES))
    lines.append(f"Canonical: {site_url(reverse('security_txt'))}")
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _contact_uri(contact):
    """A bare address becomes a mailto: URI, as RFC 9116 wants a URI in every Contact field."""
    if ":" not in contact and "@" in contact:
        return f"mailto:{contact}"
    return contact


@require_safe
def site_identity_stylesheet(request):
    """The accent colour of the installation as a stylesheet (`:root{--accent:...}`), linked
    from every page after site.css; empty when none is set. The pages link it with the colour
    in its address (`?v=`), so the address changes with the colour: that version is kept for a
    year, any other answer only briefly."""
    values = site_identity_values(Site.find_for_request(request))
    response = HttpResponse(site_identity_css(values), content_type="text/css; charset=utf-8")
    current = request.GET.get("v") == values["accent"].lstrip("#")
    response["Cache-Control"] = "public, max-age=31536000, immutable" if current else "max-age=60"
    return response
