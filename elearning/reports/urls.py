from django.urls import path

from .views import evaluations

app_name = "reports"

# Under the language prefix (/nl/, /fr/, /en/).
urlpatterns = [
    path("evaluation/<str:kind>/<uuid:item_key>/", evaluations.evaluate, name="evaluate"),
]
