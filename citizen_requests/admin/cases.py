"""The request officer's admin: the case list, the case with its timeline and actions, and the
private files of a case.

The list shows no personal data, so it can page through 100,000 cases without logging. The
case view shows the requester's personal data only to those with ``view_personal_data``, and
every time it does so a :class:`~citizen_requests.models.PersonalDataAccess` row records who and
when; attachments and letters are streamed from private storage under the same rule. Actions
are posted to one URL per action and done by :mod:`citizen_requests.services`, which checks
permissions and the clocks again and writes the timeline.
"""

from __future__ import annotations

import contextlib
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from agency.models import AgencyProfile

from .. import deadlines, faq, services
from ..kinds import Status
from ..letters import render_notice_pdf
from ..models import (
    CitizenRequest,
    InformationSubtask,
    PersonalDataAccess,
    RequestAttachment,
    RequestEvent,
)
from . import forms

PER_PAGE = 50
OPEN_STATUSES = [status for status in Status.values if status not in Status.closed()]
NAMESPACE = "citizen_requests_cases"
LIST_FIELDS = (
    "id",
    "kind",
    "number",
    "status",
    "subject",
    "received_at",
    "answer_due",
    "unit__name",
    "executor__username",
    "executor__first_name",
    "executor__last_name",
)


# Access --------------------------------------------------------------------------------------


def forbidden(request, message: str | None = None) -> TemplateResponse:
    """A 403 in the admin's layout that says why (Wagtail would redirect to the dashboard)."""
    return TemplateResponse(
        request,
        "citizen_requests/admin/forbidden.html",
        {
            "page_title": _("Not allowed"),
            "header_title": _("Not allowed"),
            "header_icon": "warning",
            "message": message or _("You are not allowed to do this with requests."),
        },
        status=403,
    )


def log_access(request_obj: CitizenRequest, user, what: str) -> None:
    PersonalDataAccess.objects.create(request=request_obj, user=user, what=what[:100])


# The list ------------------------------------------------------------------------------------


def filter_cases(params: dict, user, *, today: datetime.date | None = None):
    """The cases matching the list's filters (``CaseFilterForm.cleaned_data``), due first."""
    today = today or timezone.localdate()
    cases = CitizenRequest.objects.all()
    if params.get("kind"):
        cases = cases.filter(kind=params["kind"])
    status = params.get("status")
    if status == "open" or params.get("overdue") or params.get("due_within") is not None:
        cases = cases.filter(status__in=OPEN_STATUSES)
    if status and status != "open":
        cases = cases.filter(status=status)
    if params.get("unit"):
        cases = cases.filter(unit=params["unit"])
    if params.get("executor"):
        cases = cases.filter(executor=params["executor"])
    if params.get("overdue"):
        cases = cases.filter(answer_due__lt=today)
    if params.get("due_within") is not None:
        cases = cases.filter(answer_due__lte=today + datetime.timedelta(days=params["due_within"]))
    query = (params.get("q") or "").strip()
    if query:
        match = Q(number__icontains=query) | Q(subject__icontains=query)
        if services.can(user, "personal_data"):
            match |= (
                Q(full_name__icontains=query)
                | Q(organisation__icontains=query)
                | Q(email__iexact=query)
                | Q(iin=query)
                | Q(bin=query)
            )
        cases = cases.filter(match)
    return cases.order_by("answer_due", "id")


def case_list(request):
    if not services.can(request.user, "view"):
        return forbidden(request)
    form = forms.CaseFilterForm(request.GET or None)
    params = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if form.is_bound and not form.is_valid():
        params = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    today = timezone.localdate()
    cases = filter_cases(params, request.user, today=today)
    paginator = Paginator(cases.values(*LIST_FIELDS), PER_PAGE)
    # Count without the joins the listed columns need.
    paginator.__dict__["count"] = cases.count()
    page = paginator.get_page(request.GET.get("p"))
    rows = []
    for row in page.object_list:
        row["overdue"] = row["status"] not in Status.closed() and row["answer_due"] < today
        row["kind_label"] = dict(forms.RequestKind.choices).get(row["kind"], row["kind"])
        row["status_label"] = dict(Status.choices).get(row["status"], row["status"])
        name = " ".join(
            part for part in (row["executor__first_name"], row["executor__last_name"]) if part
        )
        row["executor"] = name or row["executor__username"] or ""
        rows.append(row)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "citizen_requests/admin/case_list.html",
        {
            "page_title": _("Requests"),
            "header_title": _("Requests"),
            "header_icon": "mail",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": _("Requests")},
            ],
            "form": form,
            "page": page,
            "rows": rows,
            "querystring": query.urlencode(),
        },
    )


# The case ------------------------------------------------------------------------------------


ACTIONS = ("assign", "ask_unit", "answer_subtask", "extend", "forward", "refuse", "answer")


def _action_forms(case: CitizenRequest, user, data=None, files=None, action: str = "") -> dict:
    """A form for every action the user may take on the case now (bound if just posted)."""

    def bound(name):
        return data if action == name else None

    result = {}
    if not case.is_open:
        return result
    if services.can(user, "assign"):
        result["assign"] = forms.AssignForm(
            bound("assign"),
            initial={"unit": case.unit_id, "executor": case.executor_id},
            prefix="assign",
        )
    if services.can(user, "ask_unit"):
        result["ask_unit"] = forms.SubtaskForm(bound("ask_unit"), prefix="ask_unit")
    if services.can(user, "extend"):
        limit = deadlines.extension_limit(case)
        rule = deadlines.clock(case.kind).extension
        if limit is not None and rule is not None:
            result["extend"] = forms.ExtendForm(
                bound("extend"),
                condition=str(rule.condition),
                limit=limit,
                initial={"new_due": limit},
                prefix="extend",
            )
    if services.can(user, "forward") and case.forward_due is not None:
        result["forward"] = forms.ForwardForm(bound("forward"), prefix="forward")
    if services.can(user, "refuse") and services.refusal_grounds(case):
        result["refuse"] = forms.RefuseForm(bound("refuse"), request_obj=case, prefix="refuse")
    if services.can(user, "answer"):
        name, position = AgencyProfile.default_signatory(case.language)
        result["answer"] = forms.AnswerForm(
            bound("answer"),
            files=files if action == "answer" else None,
            initial={"signatory_name": name, "signatory_position": position},
            prefix="answer",
        )
    return result


def _timeline(case: CitizenRequest) -> list[dict]:
    rows = []
    for item in case.events.select_related("actor").order_by("at", "pk"):
        details = []
        data = item.data or {}
        for key, label in (
            ("previous_due", _("was due")),
            ("answer_due", _("now due")),
            ("notice_due", _("notice by")),
            ("due_on", _("due")),
            ("due", _("deadline")),
            ("to", _("to")),
            ("unit", _("unit")),
            ("executor", _("executor")),
            ("channel", _("channel")),
        ):
            value = data.get(key)
            if value:
                if key in ("previous_due", "answer_due", "notice_due", "due_on", "due"):
                    with contextlib.suppress(TypeError, ValueError):
                        value = date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
                details.append(f"{label}: {value}")
        if data.get("late"):
            details.append(_("late"))
        if data.get("channel") == "post":
            details.append(_("posted") if data.get("posted_at") else _("to be posted"))
        rows.append(
            {
                "event": item,
                "label": item.get_action_display(),
                "actor": item.actor.get_full_name() or item.actor.get_username()
                if item.actor
                else _("System"),
                "details": details,
            }
        )
    return rows


def _case_context(request, case: CitizenRequest, action_forms: dict, active: str = "") -> dict:
    user = request.user
    personal = services.can(user, "personal_data")
    if personal:
        log_access(case, user, "case view")
    today = timezone.localdate()
    answer = getattr(case, "answer", None) if case.status == Status.ANSWERED else None
    return {
        "page_title": case.number,
        "header_title": _("Request %(number)s") % {"number": case.number},
        "header_icon": "mail",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse(f"{NAMESPACE}:list"), "label": _("Requests")},
            {"url": "", "label": case.number},
        ],
        "case": case,
        "personal": personal,
        "overdue": case.is_overdue(today),
        "days_left": (case.answer_due - today).days,
        "timeline": _timeline(case),
        "subtasks": list(case.subtasks.select_related("unit")),
        "requester_files": list(case.attachments.filter(answer__isnull=True)),
        "answer": answer,
        "answer_files": list(answer.attachments.all()) if answer else [],
        "to_post": services.letters_to_post(case),
        "forms": action_forms,
        "active": active,
        "subtask_answer_allowed": services.can(user, "answer_subtask"),
        "can_mark_posted": services.can(user, "mark_posted"),
        "can_faq": answer is not None and faq.can_publish_faq(case, user),
        "media": sum((f.media for f in action_forms.values()), start=forms.AnswerForm().media),
    }


def case_view(request, pk: int):
    if not services.can(request.user, "view"):
        return forbidden(request)
    case = get_object_or_404(CitizenRequest.objects.select_related("unit", "executor"), pk=pk)
    action_forms = _action_forms(case, request.user)
    return TemplateResponse(
        request, "citizen_requests/admin/case.html", _case_context(request, case, action_forms)
    )


def case_action(request, pk: int, action: str):
    """Do one action posted from the case view; on an error show the case again with it."""
    if action not in ACTIONS:
        raise Http404
    if request.method != "POST":
        return redirect(f"{NAMESPACE}:case", pk=pk)
    if not services.can(request.user, "view"):
        return forbidden(request)
    case = get_object_or_404(CitizenRequest.objects.select_related("unit", "executor"), pk=pk)
    user = request.user
    try:
        if action == "answer_subtask":
            form = forms.SubtaskAnswerForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Write what the unit provided."))
            subtask = get_object_or_404(
                InformationSubtask, pk=form.cleaned_data["subtask"], request=case
            )
            services.answer_subtask(subtask, user, response=form.cleaned_data["response"])
            messages.success(request, _("The unit's answer is recorded."))
            return redirect(f"{NAMESPACE}:case", pk=pk)

        action_forms = _action_forms(
            case, user, data=request.POST, files=request.FILES, action=action
        )
        form = action_forms.get(action)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            if action == "assign":
                services.assign(case, user, unit=data["unit"], executor=data["executor"])
                done = _("The case is assigned.")
            elif action == "ask_unit":
                services.ask_unit(
                    case, user, unit=data["unit"], question=data["question"], due_on=data["due_on"]
                )
                done = _("The unit is asked.")
            elif action == "extend":
                services.extend(
                    case,
                    user,
                    new_due=data["new_due"],
                    reason=data["reason"],
                    condition_met=data.get("condition_met", False),
                )
                done = _("The deadline is extended and the requester notified.")
            elif action == "forward":
                services.forward(case, user, to_body=data["to_body"], note=data["note"])
                done = _("The request is forwarded and the requester notified.")
            elif action == "refuse":
                services.refuse(case, user, ground=data["ground"], motivation=data["motivation"])
                done = _("The request is refused and the requester notified.")
            else:
                services.answer(
                    case,
                    user,
                    body=data["body"],
                    signatory_name=data["signatory_name"],
                    signatory_position=data["signatory_position"],
                    files=data["files"] or [],
                )
                done = _("The answer is sent by the requester's chosen channel.")
            messages.success(request, done)
            return redirect(f"{NAMESPACE}:case", pk=pk)
    except PermissionDenied as error:
        return forbidden(request, str(error) or None)
    except ValidationError as error:
        case.refresh_from_db()
        action_forms = _action_forms(
            case, user, data=request.POST, files=request.FILES, action=action
        )
        if action in action_forms:
            action_forms[action].is_valid()
            for message in error.messages:
                action_forms[action].add_error(None, message)
        else:
            for message in error.messages:
                messages.error(request, message)
        context = _case_context(request, case, action_forms, active=action)
        return TemplateResponse(request, "citizen_requests/admin/case.html", context, status=400)
    context = _case_context(request, case, action_forms, active=action)
    return TemplateResponse(request, "citizen_requests/admin/case.html", context, status=400)


def mark_posted(request, pk: int, event_id: int):
    if request.method != "POST":
        return redirect(f"{NAMESPACE}:case", pk=pk)
    case = get_object_or_404(CitizenRequest, pk=pk)
    try:
        services.mark_posted(case, request.user, event_id=event_id)
    except PermissionDenied:
        return forbidden(request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The letter is marked as posted."))
    return redirect(f"{NAMESPACE}:case", pk=pk)


# Private files ---------------------------------------------------------------------------------


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _may_see_personal_data(request) -> bool:
    return services.can(request.user, "view") and services.can(request.user, "personal_data")


def attachment(request, pk: int, attachment_id: int):
    """Stream one of the case's files to authorised staff, and log it."""
    if not _may_see_personal_data(request):
        return forbidden(request)
    item = get_object_or_404(RequestAttachment, pk=attachment_id, request_id=pk)
    log_access(item.request, request.user, f"attachment {item.pk}: {item.original_name}")
    return _private(
        FileResponse(
            item.file.open("rb"),
            as_attachment=True,
            filename=item.original_name,
            content_type=item.content_type or "application/octet-stream",
        )
    )


def answer_letter(request, pk: int):
    """The answer letter as PDF (it carries the requester's name and address)."""
    if not _may_see_personal_data(request):
        return forbidden(request)
    case = get_object_or_404(CitizenRequest, pk=pk)
    answer = getattr(case, "answer", None)
    if answer is None or not answer.pdf:
        raise Http404
    log_access(case, request.user, "answer letter")
    return _private(
        FileResponse(
            answer.pdf.open("rb"),
            as_attachment=True,
            filename=f"{case.number}.pdf",
            content_type="application/pdf",
        )
    )


def notice_letter(request, pk: int, event_id: int):
    """A notice to be posted, as a printable PDF letter."""
    if not _may_see_personal_data(request):
        return forbidden(request)
    case = get_object_or_404(CitizenRequest, pk=pk)
    item = get_object_or_404(
        RequestEvent, pk=event_id, request=case, action=RequestEvent.Action.NOTICE
    )
    notice = item.data.get("notice")
    if notice not in ("extended", "forwarded", "refused"):
        raise Http404
    log_access(case, request.user, f"notice letter {notice}")
    response = HttpResponse(render_notice_pdf(case, notice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.pk}-{notice}.pdf"'
    return _private(response)


# From a request to an FAQ answer -----------------------------------------------------------------


def faq_draft(request, pk: int):
    """Draft an FAQ answer from an answered request, with the personal data removed."""
    case = get_object_or_404(CitizenRequest, pk=pk)
    if not services.can(request.user, "view") or not faq.can_publish_faq(case, request.user):
        return forbidden(
            request,
            _(
                "Only an answered request can become an FAQ answer, by someone who may decide "
                "requests and add pages to the FAQ."
            ),
        )
    indexes = faq.faq_indexes(case.language)
    indexes = indexes.filter(
        pk__in=[i.pk for i in indexes if faq.can_publish_faq(case, request.user, i)]
    )
    if request.method == "POST":
        form = forms.FAQDraftForm(request.POST, indexes=indexes, language=case.language)
        if form.is_valid():
            data = form.cleaned_data
            try:
                page = faq.publish_as_faq(
                    case,
                    request.user,
                    index=data["index"],
                    category=data["category"],
                    title=data["title"],
                    short_answer=data["short_answer"],
                    full_answer=data["full_answer"],
                )
            except PermissionDenied:
                return forbidden(request)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("Draft FAQ answer “%(title)s” created. Submit it for moderation.")
                    % {"title": page.title},
                )
                if page.permissions_for_user(request.user).can_edit():
                    return redirect("wagtailadmin_pages:edit", page.pk)
                return redirect(f"{NAMESPACE}:case", pk=pk)
    else:
        form = forms.FAQDraftForm(
            initial=faq.suggested_content(case), indexes=indexes, language=case.language
        )
    return TemplateResponse(
        request,
        "citizen_requests/admin/faq_draft.html",
        {
            "page_title": _("Publish as FAQ answer"),
            "header_title": _("Publish as FAQ answer"),
            "header_icon": "help",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse(f"{NAMESPACE}:list"), "label": _("Requests")},
                {"url": reverse(f"{NAMESPACE}:case", args=[pk]), "label": case.number},
                {"url": "", "label": _("Publish as FAQ answer")},
            ],
            "case": case,
            "form": form,
            "media": form.media,
        },
    )


# Registration ------------------------------------------------------------------------------------


urlpatterns = [
    path("", case_list, name="list"),
    path("<int:pk>/", case_view, name="case"),
    path("<int:pk>/do/<str:action>/", case_action, name="action"),
    path("<int:pk>/posted/<int:event_id>/", mark_posted, name="mark_posted"),
    path("<int:pk>/files/<int:attachment_id>/", attachment, name="attachment"),
    path("<int:pk>/letter/", answer_letter, name="answer_letter"),
    path("<int:pk>/notice/<int:event_id>/", notice_letter, name="notice_letter"),
    path("<int:pk>/faq/", faq_draft, name="faq"),
]


@hooks.register("register_admin_urls")
def register_case_urls():
    return [path("requests/cases/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


class CasesMenuItem(MenuItem):
    def is_shown(self, request):
        return services.can(request.user, "view")


@hooks.register("register_admin_menu_item")
def register_cases_menu_item():
    # "Requests" is the reports' menu item (citizen_requests.admin.reports).
    return CasesMenuItem(
        gettext_lazy("Request cases"),
        reverse(f"{NAMESPACE}:list"),
        name="citizen-requests",
        icon_name="mail",
        order=250,
    )
