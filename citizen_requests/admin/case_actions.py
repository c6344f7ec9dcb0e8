"""The actions taken on a case from its page: assign, ask a unit and record its answer, extend,
forward, refuse and answer.

Each is posted to its own URL and done by :mod:`citizen_requests.services`, which checks the
permission and the legal clocks again and writes the timeline (and tells the requester what the
law says they must be told). An invalid form or a refused step shows the case page again with
the error in the action's form.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from agency.models import AgencyProfile
from agency.private_files import PrivateFile, private_file_response

from .. import services
from ..letters import render_answer_pdf
from ..models import Answer, InformationSubtask
from . import forms
from .case_files import may_see_personal_data
from .case_page import CaseView, action_forms, log_access

ACTIONS = ("assign", "ask_unit", "answer_subtask", "extend", "forward", "refuse", "answer")


def do_action(case, user, action: str, data: dict) -> str:
    """Do ``action`` with a valid form's ``data``; the message that says it is done."""
    if action == "assign":
        services.assign(case, user, unit=data["unit"], executor=data["executor"])
        return _("The case is assigned.")
    if action == "ask_unit":
        services.ask_unit(
            case, user, unit=data["unit"], question=data["question"], due_on=data["due_on"]
        )
        return _("The unit is asked.")
    if action == "extend":
        services.extend(
            case,
            user,
            new_due=data["new_due"],
            reason=data["reason"],
            condition_met=data.get("condition_met", False),
        )
        return _("The deadline is extended and the requester notified.")
    if action == "forward":
        services.forward(case, user, to_body=data["to_body"], note=data["note"])
        return _("The request is forwarded and the requester notified.")
    if action == "refuse":
        services.refuse(case, user, ground=data["ground"], motivation=data["motivation"])
        return _("The request is refused and the requester notified.")
    services.answer(
        case,
        user,
        body=data["body"],
        signatory_name=data["signatory_name"],
        signatory_position=data["signatory_position"],
        files=data["files"] or [],
    )
    return _("The answer is sent by the requester's chosen channel.")


class CaseActionView(CaseView):
    """Do one action posted from the case page; on an error show the case again with it."""

    def dispatch(self, request, *args, **kwargs):
        if kwargs["action"] not in ACTIONS:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return redirect(self.viewset.get_url_name("case"), pk=self.case.pk)

    def answer_subtask(self):
        form = forms.SubtaskAnswerForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError(_("Write what the unit provided."))
        subtask = get_object_or_404(
            InformationSubtask, pk=form.cleaned_data["subtask"], request=self.case
        )
        services.answer_subtask(subtask, self.request.user, response=form.cleaned_data["response"])
        return _("The unit's answer is recorded.")

    def preview_letter(self):
        """The answer letter as the requester would get it, from the form as typed: nothing is
        saved, sent or put on the timeline. It names the requester, so it is logged as seen."""
        case, user = self.case, self.request.user
        self.forms = action_forms(case, user, data=self.request.POST, action="answer")
        form = self.forms.get("answer")
        if form is None:
            raise PermissionDenied
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        data = form.cleaned_data
        name, position = AgencyProfile.default_signatory(case.language)
        draft = Answer(
            request=case,
            body=data["body"],
            language=case.language,
            signatory_name=(data["signatory_name"] or name).strip(),
            signatory_position=(data["signatory_position"] or position).strip(),
        )
        return private_file_response(
            may_see_personal_data(user),
            lambda: PrivateFile(
                render_answer_pdf(draft).read(),
                f"{case.number}-preview.pdf",
                "application/pdf",
                as_attachment=False,
                record=case,
            ),
            lambda file: log_access(case, user, "answer letter preview"),
        )

    def post(self, request, *args, action: str, **kwargs):
        case, user = self.case, request.user
        self.active = action
        if action == "answer" and request.POST.get("preview"):
            return self.preview_letter()
        try:
            if action == "answer_subtask":
                done = self.answer_subtask()
            else:
                self.forms = action_forms(
                    case, user, data=request.POST, files=request.FILES, action=action
                )
                form = self.forms.get(action)
                if form is None:
                    raise PermissionDenied
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(), status=400)
                done = do_action(case, user, action, form.cleaned_data)
        except ValidationError as error:
            case.refresh_from_db()
            self.forms = action_forms(
                case, user, data=request.POST, files=request.FILES, action=action
            )
            if action in self.forms:
                self.forms[action].is_valid()
                for message in error.messages:
                    self.forms[action].add_error(None, message)
            else:
                for message in error.messages:
                    messages.error(request, message)
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(request, done)
        return redirect(self.viewset.get_url_name("case"), pk=case.pk)
