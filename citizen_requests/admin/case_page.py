"""The case page: the case, the requester, the timeline, and a form for each action allowed.

The requester's personal data is shown only to those with ``view_personal_data``, and every
time it is, a :class:`~citizen_requests.models.PersonalDataAccess` row records who and when
(Personal Data Law). The actions are posted to :mod:`.case_actions`.
"""

from __future__ import annotations

import contextlib
import datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from agency.models import AgencyProfile
from esign.algorithms import label as algorithm_label
from esign.services import submissions_for

from .. import deadlines, faq, services
from ..kinds import Status
from ..models import CitizenRequest, PersonalDataAccess
from ..services.timeline import in_order
from . import forms

TEMPLATE = "citizen_requests/admin/case.html"
#: Timeline details, in the order shown; the dates among them are formatted.
DETAILS = (
    ("previous_due", gettext_lazy("was due")),
    ("answer_due", gettext_lazy("now due")),
    ("notice_due", gettext_lazy("notice by")),
    ("due_on", gettext_lazy("due")),
    ("due", gettext_lazy("deadline")),
    ("to", gettext_lazy("to")),
    ("unit", gettext_lazy("unit")),
    ("executor", gettext_lazy("executor")),
    ("channel", gettext_lazy("channel")),
)
DATE_DETAILS = ("previous_due", "answer_due", "notice_due", "due_on", "due")


def log_access(case: CitizenRequest, user, what: str) -> None:
    """Record that ``user`` saw the personal data of ``case`` (``what``: the page or file)."""
    PersonalDataAccess.objects.create(request=case, user=user, what=what[:100])


def signatures(case: CitizenRequest) -> list[dict]:
    """The case's signed submissions for the case page: who signed, with what, when, and the
    latest check's verdict (a later check is appended, so the newest one is shown)."""
    found = []
    for submission in submissions_for(case):
        check = submission.latest_check
        found.append(
            {
                "submission": submission,
                "algorithm": algorithm_label(submission.algorithm),
                "check": check,
                "reasons": check.reason_list if check else [],
            }
        )
    return found


class CaseMixin(WagtailAdminTemplateMixin):
    """A view of one case (``pk`` in the URL), for those who may see cases."""

    viewset = None
    header_icon = "mail"
    case = None

    def dispatch(self, request, *args, **kwargs):
        services.require(request.user, "view")
        self.case = get_object_or_404(
            CitizenRequest.objects.select_related("unit", "executor"), pk=kwargs["pk"]
        )
        self.check_permission(request.user)
        return super().dispatch(request, *args, **kwargs)

    def check_permission(self, user) -> None:
        """Raise ``PermissionDenied`` if ``user`` may see cases but not this view of the case."""

    @property
    def case_url(self) -> str:
        return reverse(self.viewset.get_url_name("case"), args=[self.case.pk])

    def case_breadcrumb(self, url: str = "") -> dict:
        return {"url": url, "label": self.case.number}


def action_forms(case: CitizenRequest, user, data=None, files=None, action: str = "") -> dict:
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
        result["refuse"] = forms.RefuseForm(bound("refuse"), citizen_request=case, prefix="refuse")
    if services.can(user, "answer"):
        name, position = AgencyProfile.default_signatory(case.language)
        result["answer"] = forms.AnswerForm(
            bound("answer"),
            files=files if action == "answer" else None,
            initial={"signatory_name": name, "signatory_position": position},
            prefix="answer",
        )
    return result


def timeline(case: CitizenRequest) -> list[dict]:
    rows = []
    for shown in in_order(case, case.events.select_related("actor")):
        item = shown["event"]
        details = []
        data = item.data or {}
        for key, label in DETAILS:
            value = data.get(key)
            if value:
                if key in DATE_DETAILS:
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
                "at": shown["at"],
                "date_only": shown["date_only"],
                "label": item.get_action_display(),
                "actor": item.actor.get_full_name() or item.actor.get_username()
                if item.actor
                else _("System"),
                "details": details,
            }
        )
    return rows


class CaseView(CaseMixin, TemplateView):
    """The case with its timeline, and the forms of the actions the user may take."""

    template_name = TEMPLATE
    #: The action just posted, whose form is open on the page.
    active = ""
    forms = None

    def get_page_title(self):
        return self.case.number

    def get_header_title(self):
        return _("Request %(number)s") % {"number": self.case.number}

    def get_breadcrumbs_items(self):
        return self.viewset.breadcrumbs(self.case_breadcrumb())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case, user = self.case, self.request.user
        personal = services.can(user, "personal_data")
        if personal:
            log_access(case, user, "case view")
        if self.forms is None:
            self.forms = action_forms(case, user)
        today = timezone.localdate()
        answer = getattr(case, "answer", None) if case.status == Status.ANSWERED else None
        context.update(
            {
                "case": case,
                "personal": personal,
                "overdue": case.is_overdue(today),
                "days_left": (case.answer_due - today).days,
                "timeline": timeline(case),
                "subtasks": list(case.subtasks.select_related("unit")),
                "requester_files": list(case.attachments.filter(answer__isnull=True)),
                "signatures": signatures(case),
                "answer": answer,
                "answer_files": list(answer.attachments.all()) if answer else [],
                "to_post": services.letters_to_post(case),
                "forms": self.forms,
                "active": self.active,
                "subtask_answer_allowed": services.can(user, "answer_subtask"),
                "can_mark_posted": services.can(user, "mark_posted"),
                "can_faq": answer is not None and faq.can_publish_faq(case, user),
                "media": sum(
                    (form.media for form in self.forms.values()), start=forms.AnswerForm().media
                ),
            }
        )
        return context
