"""``notices/<signed>/`` on the accreditation page: a journalist stops or restarts the
announcements of the agency's events from the link in any notice.

GET shows whether announcements are on, with one button; POST (with the CSRF token) switches
them and is audited. A tampered or outdated link gets a plain "link not valid" page with a 404,
never an error. Nothing here is cached or indexed.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from .. import services
from ..notice_links import accreditation_for


def _private(response):
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def notice_settings(request, page, signed: str):
    context = page.get_context(request)
    accreditation = accreditation_for(signed)
    if accreditation is None:
        context.update(found=False)
        return _private(
            TemplateResponse(request, "accreditation/notices.html", context, status=404)
        )
    if request.method == "POST":
        wanted = request.POST.get("notices")
        if wanted not in ("on", "off"):
            context.update(found=True, accreditation=accreditation)
            return _private(
                TemplateResponse(request, "accreditation/notices.html", context, status=400)
            )
        services.set_notices_opt_in(accreditation, wanted == "on", via="link")
        return _private(HttpResponseRedirect(f"{request.path}?done={wanted}", status=303))
    context.update(
        found=True,
        accreditation=accreditation,
        done=request.GET.get("done") if request.GET.get("done") in ("on", "off") else "",
    )
    return _private(TemplateResponse(request, "accreditation/notices.html", context))
