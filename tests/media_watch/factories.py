"""Factories for the media watch: outlets, sources and watch terms."""

import factory
from factory.django import DjangoModelFactory

from media_watch.models import Outlet, Source, WatchTerm


class OutletFactory(DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")
    language = "ru"


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source

    outlet = factory.SubFactory(OutletFactory)
    url = factory.Sequence(lambda n: f"http://127.0.0.1:9/feed-{n}.xml")
    language = "ru"


class WatchTermFactory(DjangoModelFactory):
    class Meta:
        model = WatchTerm

    text = factory.Sequence(lambda n: f"Term {n}")
    language = "ru"
    kind = WatchTerm.Kind.AGENCY
