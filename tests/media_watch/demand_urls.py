"""The site's addresses plus a stand-in for the refutation demand form's address, so the story
page's "Draft a refutation or reply demand" button can be seen where that screen exists."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def demand_form(request, pk):
    return HttpResponse(f"demand for story {pk}")


urlpatterns = [
    path("demand/<int:pk>/", demand_form, name="media_watch_demand_create"),
    *site_urlpatterns,
]
