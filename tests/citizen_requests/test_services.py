"""The case actions: permissions, validation against the clocks, the timeline and the notices.

Mail goes through the locmem backend here, except in the test that runs the queued answer
through django-q2's worker (``tests.agency.queue``), as production sends it.
"""

import datetime

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone, translation

import pytest

from agency.outbox import DELIVER_JOB
from citizen_requests import deadlines, services
from citizen_requests.kinds import Channel, RefusalGround, RequestKind, Status
from citizen_requests.models import InformationSubtask, RequestEvent
from tests.agency.queue import run_in_worker, waiting_jobs
from tests.citizen_requests.factories import UnitFactory
from tests.citizen_requests.helpers import agency, make_case, officer
from tests.files import MINIMAL_PDF
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

Action = RequestEvent.Action


@pytest.fixture
def signatory():
    profile = agency()
    profile.signatory_name = "А. Бекова"
    profile.signatory_position = "Баспасөз қызметінің басшысы"
    profile.save()
    return profile


def events(case, action):
    return list(case.events.filter(action=action))


class TestPermissions:
    def test_heads_may_not_act_on_cases(self):
        head = member("heads", "head")
        case = make_case()
        with pytest.raises(PermissionDenied):
            services.assign(case, head, unit=UnitFactory(), executor=None)
        with pytest.raises(PermissionDenied):
            services.refuse(
                case, head, ground=RefusalGround.AIL_RESTRICTED, motivation="Құпия ақпарат."
            )
        assert not case.events.exists()

    def test_an_inactive_officer_is_refused(self):
        user = officer()
        user.is_active = False
        user.save()
        with pytest.raises(PermissionDenied):
            services.forward(make_case(), user, to_body="Денсаулық сақтау министрлігі")

    def test_closed_cases_take_no_more_actions(self, signatory):
        user = officer()
        case = make_case()
        services.forward(case, user, to_body="Қаржы министрлігі")
        for act in (
            lambda: services.assign(case, user, unit=UnitFactory(), executor=None),
            lambda: services.refuse(
                case, user, ground=RefusalGround.AIL_RESTRICTED, motivation="Құпия."
            ),
            lambda: services.answer(case, user, body="<p>Жауап</p>"),
            lambda: services.ask_unit(case, user, unit=UnitFactory(), question="Сұрақ?"),
        ):
            with pytest.raises(ValidationError):
                act()


class TestAssign:
    def test_assigning_puts_the_case_in_progress_and_tells_the_executor(self):
        user = officer()
        executor = officer("executor")
        unit = UnitFactory(name="Заң бөлімі")
        case = make_case()
        services.assign(case, user, unit=unit, executor=executor)
        case.refresh_from_db()
        assert (case.unit, case.executor, case.status) == (unit, executor, Status.IN_PROGRESS)
        [assigned] = events(case, Action.ASSIGNED)
        assert not assigned.public and assigned.actor == user
        assert assigned.data == {"unit": "Заң бөлімі", "executor": "executor"}
        assert [m.to for m in mail.outbox] == [[executor.email]]
        assert case.number in mail.outbox[0].subject

    def test_only_staff_who_work_on_requests_can_be_executors(self):
        outsider = member("editors", "editor")
        with pytest.raises(ValidationError):
            services.assign(make_case(), officer(), unit=None, executor=outsider)

    def test_inactive_units_are_refused(self):
        unit = UnitFactory(active=False)
        with pytest.raises(ValidationError):
            services.assign(make_case(), officer(), unit=unit, executor=None)


class TestSubtasks:
    def test_a_unit_is_asked_with_its_own_due_date_and_answers(self):
        user = officer()
        unit = UnitFactory(email="law@agency.example.kz")
        case = make_case()
        subtask = services.ask_unit(case, user, unit=unit, question="Бюджет деректері қажет.")
        assert subtask.due_on <= case.answer_due
        assert subtask.due_on > timezone.localdate()
        assert [m.to for m in mail.outbox] == [["law@agency.example.kz"]]
        [asked] = events(case, Action.SUBTASK)
        assert not asked.public and asked.data["subtask"] == subtask.pk

        services.answer_subtask(subtask, user, response="Деректер қоса берілді.")
        subtask.refresh_from_db()
        assert subtask.answered_at and subtask.response == "Деректер қоса берілді."
        assert events(case, Action.SUBTASK_DONE)[0].data["late"] is False
        with pytest.raises(ValidationError):
            services.answer_subtask(subtask, user, response="Тағы да.")

    def test_the_unit_must_answer_by_the_case_due_date_and_not_in_the_past(self):
        user, case = officer(), make_case()
        unit = UnitFactory()
        with pytest.raises(ValidationError):
            services.ask_unit(
                case,
                user,
                unit=unit,
                question="?",
                due_on=case.answer_due + datetime.timedelta(days=1),
            )
        with pytest.raises(ValidationError):
            services.ask_unit(
                case,
                user,
                unit=unit,
                question="?",
                due_on=timezone.localdate() - datetime.timedelta(days=1),
            )
        assert not InformationSubtask.objects.exists()

    def test_heads_cannot_answer_subtasks(self):
        subtask = services.ask_unit(make_case(), officer(), unit=UnitFactory(), question="?")
        with pytest.raises(PermissionDenied):
            services.answer_subtask(subtask, member("heads", "head"), response="Иә")


class TestExtend:
    def test_information_extension_needs_the_several_holders_condition(self):
        case = make_case()
        limit = deadlines.extension_limit(case)
        with pytest.raises(ValidationError) as error:
            services.extend(case, officer(), new_due=limit, reason="Басқа органдар.")
        with translation.override("kk"):
            expected = translation.gettext(
                "The law allows this extension only when: %(condition)s"
            ) % {"condition": deadlines.SEVERAL_HOLDERS}
        assert error.value.messages == [expected]

    def test_extension_within_the_limit_notifies_the_requester_once(self):
        user = officer()
        case = make_case()
        old_due = case.answer_due
        limit = deadlines.extension_limit(case)
        assert limit == old_due + datetime.timedelta(days=15)
        services.extend(
            case, user, new_due=limit, reason="Басқа органдардан ақпарат қажет.", condition_met=True
        )
        case.refresh_from_db()
        assert case.answer_due == limit and case.original_answer_due == old_due
        assert case.extended_at and case.extension_notice_sent_at
        [extended] = events(case, Action.EXTENDED)
        assert extended.public
        assert extended.data["previous_due"] == old_due.isoformat()
        assert (
            extended.data["notice_due"]
            == deadlines.extension_notice_due(case.kind, timezone.localdate()).isoformat()
        )
        [notice] = events(case, Action.NOTICE)
        assert notice.public and notice.data == {"channel": "email", "notice": "extended"}
        [message] = mail.outbox
        assert message.to == [case.email]
        assert "Мерзімді ұзарту" in message.subject or case.number in message.subject
        assert "Басқа органдардан ақпарат қажет." in message.body

        with pytest.raises(ValidationError):
            services.extend(case, user, new_due=limit, reason="Тағы.", condition_met=True)

    def test_extension_beyond_the_limit_or_backwards_is_refused(self):
        case = make_case(RequestKind.MEDIA)
        limit = deadlines.extension_limit(case)
        user = officer()
        for new_due in (limit + datetime.timedelta(days=1), case.answer_due):
            with pytest.raises(ValidationError):
                services.extend(case, user, new_due=new_due, reason="R", condition_met=True)
        assert not case.events.exists()

    def test_an_appeal_may_be_extended_with_a_motivated_reason(self):
        case = make_case(RequestKind.APPEAL)
        limit = deadlines.extension_limit(case)
        with pytest.raises(ValidationError):
            services.extend(case, officer(), new_due=limit, reason="")
        services.extend(case, officer(), new_due=limit, reason="Қосымша тексеру қажет.")
        case.refresh_from_db()
        assert case.answer_due == limit


class TestForward:
    def test_forwarding_closes_the_case_and_tells_the_requester(self):
        case = make_case(language="ru")
        services.forward(case, officer(), to_body="Министерство финансов", note="Не наша тема")
        case.refresh_from_db()
        assert case.status == Status.FORWARDED and case.closed_at and case.forwarded_at
        [forwarded] = events(case, Action.FORWARDED)
        assert forwarded.public and forwarded.data["late"] is False
        [message] = mail.outbox
        assert "Министерство финансов" in message.body
        month = timezone.localtime(case.received_at).strftime("%m")
        russian_months = {"01": "января", "02": "февраля", "03": "марта", "04": "апреля"}
        russian_months |= {"05": "мая", "06": "июня", "07": "июля", "08": "августа"}
        russian_months |= {"09": "сентября", "10": "октября", "11": "ноября", "12": "декабря"}
        assert russian_months[month] in message.body, "written in the language of the request"

    def test_late_forwarding_is_recorded_as_late(self):
        received = timezone.now() - datetime.timedelta(days=20)
        case = make_case(received_at=received)
        services.forward(case, officer(), to_body="Қаржы министрлігі")
        assert events(case, Action.FORWARDED)[0].data["late"] is True

    def test_media_requests_are_refused_not_forwarded(self):
        with pytest.raises(ValidationError):
            services.forward(make_case(RequestKind.MEDIA), officer(), to_body="Басқа орган")


class TestRefuse:
    def test_refusal_on_a_ground_of_the_kind_with_a_motivation(self):
        case = make_case()
        services.refuse(
            case, officer(), ground=RefusalGround.AIL_RESTRICTED, motivation="Қызметтік ақпарат."
        )
        case.refresh_from_db()
        assert case.status == Status.REFUSED and case.refusal_ground == "ail_restricted"
        [refused] = events(case, Action.REFUSED)
        assert refused.public and refused.note == "Қызметтік ақпарат."
        assert refused.data["due"] == case.refusal_due.isoformat()
        [message] = mail.outbox
        assert "Қызметтік ақпарат." in message.body

    def test_grounds_of_another_law_or_no_motivation_are_refused(self):
        case, user = make_case(), officer()
        with pytest.raises(ValidationError):
            services.refuse(case, user, ground=RefusalGround.MML_COMPETENCE, motivation="M")
        with pytest.raises(ValidationError):
            services.refuse(case, user, ground=RefusalGround.AIL_RESTRICTED, motivation=" ")
        with pytest.raises(ValidationError):
            services.refuse(
                make_case(RequestKind.APPEAL),
                user,
                ground=RefusalGround.AIL_RESTRICTED,
                motivation="M",
            )

    def test_a_media_request_outside_competence_is_refused_on_that_ground(self):
        case = make_case(RequestKind.MEDIA)
        services.refuse(
            case, officer(), ground=RefusalGround.MML_COMPETENCE, motivation="Құзыретке жатпайды."
        )
        assert case.status == Status.REFUSED


class TestAnswer:
    def test_the_answer_is_rendered_and_mailed_with_its_attachments(self, signatory):
        agency()
        user = officer()
        case = make_case()
        upload = SimpleUploadedFile("есеп.pdf", MINIMAL_PDF, content_type="application/pdf")
        from agency.uploads import check_files

        reply = services.answer(
            case, user, body="<p>Бюджет <b>орындалды</b>.</p>", files=check_files([upload])
        )
        case.refresh_from_db()
        assert case.status == Status.ANSWERED and case.answered_at and case.closed_at
        assert reply.language == "kk"
        assert reply.signatory_position == "Баспасөз қызметінің басшысы"
        assert reply.pdf.name.endswith(".pdf")
        assert reply.delivered_at
        [answered] = events(case, Action.ANSWERED)
        assert answered.public and answered.data["late"] is False
        [delivered] = events(case, Action.DELIVERED)
        assert delivered.data == {"channel": "email"}
        [message] = mail.outbox
        assert message.to == [case.email]
        names = [name for name, _content, _type in message.attachments]
        assert names == [f"{case.number}.pdf", "есеп.pdf"]
        assert message.attachments[0][1].startswith(b"%PDF")
        with pytest.raises(ValidationError):
            services.answer(case, user, body="<p>Тағы</p>")

    def test_by_post_the_letter_waits_to_be_posted(self, signatory):
        user = officer()
        case = make_case(channel=Channel.POST, postal_address="Алматы, Абай к-сі, 1")
        reply = services.answer(case, user, body="<p>Жауап</p>")
        assert mail.outbox == []
        [pending] = services.letters_to_post(case)
        assert pending.action == Action.DELIVERED and pending.data["channel"] == "post"
        assert reply.delivered_at is None

        services.mark_posted(case, user, event_id=pending.pk)
        assert services.letters_to_post(case) == []
        reply.refresh_from_db()
        assert reply.delivered_at
        with pytest.raises(ValidationError):
            services.mark_posted(case, user, event_id=pending.pk)

    def test_an_answer_needs_text_and_a_signatory(self):
        case, user = make_case(), officer()
        with pytest.raises(ValidationError):
            services.answer(case, user, body="<p> </p>", signatory_name="A", signatory_position="B")
        with pytest.raises(ValidationError):
            services.answer(case, user, body="<p>Жауап</p>")
        assert case.status == Status.REGISTERED

    def test_a_late_answer_is_recorded_as_late(self, signatory):
        received = timezone.now() - datetime.timedelta(days=40)
        case = make_case(received_at=received)
        services.answer(case, officer(), body="<p>Кешіріңіз.</p>")
        assert events(case, Action.ANSWERED)[0].data["late"] is True


@override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")
def test_the_answer_leaves_through_django_q2_after_the_commit(
    signatory, broker, django_capture_on_commit_callbacks
):
    agency()
    case = make_case()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.answer(case, officer(), body="<p>Жауап дайын.</p>")
    assert mail.outbox == [] and broker.queue_size() == 0, "nothing leaves before the commit"
    for callback in callbacks:
        callback()
    jobs = waiting_jobs(broker)
    assert {job["func"] for job in jobs} == {DELIVER_JOB}
    run_in_worker(broker, jobs)
    [message] = mail.outbox
    assert message.to == [case.email]
    assert message.attachments[0][0] == f"{case.number}.pdf"
