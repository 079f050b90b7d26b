from django.conf import settings


def safety(request):
    """What the safety layer of every page needs: where the quick exit leads."""
    return {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}
