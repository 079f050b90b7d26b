"""Security headers that Django's SecurityMiddleware does not set, and the CSP split."""

from csp.middleware import CSPMiddleware

from django.conf import settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict public policy everywhere, a looser one inside the Wagtail admin."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(("/admin/", "/django-admin/")):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        return parts
