"""The public list of accredited media outlets.

An outlet is listed only if it agreed to be (``Outlet.list_publicly``) and at least one of its
journalists holds an accreditation valid today. The list names outlets and says how many of
their journalists are accredited; it names no journalist.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from ..models import Accreditation, Outlet

PER_PAGE = 50


def listed_outlets(today=None):
    """Outlets that opted in and have an accreditation valid on ``today``, by name."""
    today = today or timezone.localdate()
    valid = Q(
        accreditations__status=Accreditation.Status.ACTIVE,
        accreditations__valid_from__lte=today,
        accreditations__valid_until__gte=today,
    )
    return (
        Outlet.objects.filter(list_publicly=True, is_foreign=False)
        .annotate(
            accredited=Count("accreditations", filter=valid),
            accredited_until=Max("accreditations__valid_until", filter=valid),
        )
        .filter(accredited__gt=0)
        .only("name", "website")
        .order_by("name", "pk")
    )


def outlet_list(request, page):
    """``outlets/`` on the accreditation page."""
    paginator = Paginator(listed_outlets(), PER_PAGE)
    try:
        items = paginator.page(request.GET.get("page", "1"))
    except (PageNotAnInteger, EmptyPage):
        raise Http404("No such page of outlets") from None
    context = page.get_context(request)
    context.update(items=items, outlets=items.object_list, today=timezone.localdate())
    return TemplateResponse(request, "accreditation/outlets.html", context)
