from django.http import HttpResponse


def healthz(request):
    """Liveness probe for load balancers; also the plain baseline view of `make bench`."""
    return HttpResponse("ok", content_type="text/plain")
