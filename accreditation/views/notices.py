"""``notices/<signed>/`` on the accreditation page: a journalist stops or restarts the
announcements of the agency's events from the link in any notice.

GET shows whether announcements are on, with one button; POST (with the CSRF token) switches
them and is audited. A tampered or outdated link gets a plain "link not valid" page with a 404,
never an error. Nothing here is cached or indexed.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from agency.http import no_store

from .. import services
from ..notice_links import accreditation_for


def notice_settings(request, page, signed: str):
    context = page.get_context(request)
    accreditation = accreditation_for(signed)
    if accreditation is None:
        context.update(found=False)
        return no_store(
            TemplateResponse(request, "accreditation/notices.html", context, status=404),
            secret_address=True,
        )
    if request.method == "POST":
        wanted = request.POST.get("notices")
        if wanted not in ("on", "off"):
            context.update(found=True, accreditation=accreditation)
            return no_store(
                TemplateResponse(request, "accreditation/notices.html", context, status=400),
                secret_address=True,
            )
        services.set_notices_opt_in(accreditation, wanted == "on", via="link")
        return no_store(
            HttpResponseRedirect(f"{request.path}?done={wanted}", status=303), secret_address=True
        )
    context.update(
        found=True,
        accreditation=accreditation,
        done=request.GET.get("done") if request.GET.get("done") in ("on", "off") else "",
    )
    return no_store(
        TemplateResponse(request, "accreditation/notices.html", context), secret_address=True
    )
