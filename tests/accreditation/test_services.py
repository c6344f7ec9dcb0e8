"""The rules: intakes, deadlines, per-journalist decisions, foreign media, the six-month bar,
validity and deprivation; numbers from the one numbering scheme; every action audited."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from accreditation import services
from accreditation.models import (
    Accreditation,
    AccreditationSettings,
    Application,
    ApplicationJournalist,
    RefusalGround,
)
from agency.calendar import WorkingCalendar
from agency.models import CalendarDay
from tests.accreditation.factories import (
    OTHER_IIN,
    VALID_BIN,
    VALID_IIN,
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
    IntakeFactory,
    OutletFactory,
)
from tests.accreditation.helpers import checked_photo
from tests.press_pages.factories import BriefingIndexPageFactory, BriefingPageFactory, kk_home
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

ALMATY = datetime.timezone(datetime.timedelta(hours=5))


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=ALMATY)


def data(*iins, foreign=False, bin=VALID_BIN):
    return services.ApplicationData(
        outlet_name="Qazaq Times",
        editor_in_chief="Сәуле Ахметова",
        contact_email="editor@qazaqtimes.example.kz",
        bin="" if foreign else bin,
        is_foreign=foreign,
        country="Germany" if foreign else "",
        journalists=[
            services.JournalistData(
                full_name=f"Journalist {iin}",
                position="Тілші",
                iin=iin,
                email=f"{iin}@x.kz",
                photo=checked_photo(),
            )
            for iin in (iins or (VALID_IIN,))
        ],
    )


@pytest.fixture
def officer():
    return member("accreditation_officers", "acc-officer")


def actions(instance) -> list[str]:
    return list(
        ModelLogEntry.objects.for_instance(instance).order_by("pk").values_list("action", flat=True)
    )


# Intakes -----------------------------------------------------------------------------------


def test_an_intake_closes_ten_working_days_after_it_opens(officer):
    # Friday 20 March 2026: Nauryz (21–23 March, observed to 25 March) and weekends are off:
    # 26, 27, 30, 31 March, 1, 2, 3, 6, 7, 8 April.
    opens = datetime.date(2026, 3, 20)
    closes = WorkingCalendar.load().add_working_days(opens, 10)
    assert services.intake_closes_on(opens) == closes == datetime.date(2026, 4, 8)


def test_open_intake_needs_both_announcements_and_the_permission(officer):
    today = timezone.localdate()
    with pytest.raises(services.AccreditationError):
        services.open_intake(user=officer, opens_on=today, announcement_kk="", announcement_ru="x")
    with pytest.raises(PermissionDenied):
        services.open_intake(
            user=member("heads", "head"), opens_on=today, announcement_kk="x", announcement_ru="y"
        )
    intake = services.open_intake(
        user=officer, opens_on=today, announcement_kk="Басталды", announcement_ru="Начат"
    )
    assert intake.closes_on == services.intake_closes_on(today)
    assert intake.is_open()
    assert actions(intake) == ["accreditation.open_intake"]
    with pytest.raises(services.AccreditationError):  # overlapping
        services.open_intake(user=officer, opens_on=today, announcement_kk="x", announcement_ru="y")


def test_a_transferred_day_off_moves_the_intake_end(officer):
    opens = datetime.date(2026, 6, 1)
    before = services.intake_closes_on(opens)
    CalendarDay.objects.create(date=datetime.date(2026, 6, 3), is_working=False)
    assert services.intake_closes_on(opens) == before + datetime.timedelta(days=1)


# Applications ------------------------------------------------------------------------------


def test_permanent_only_during_an_open_intake():
    with pytest.raises(services.AccreditationError) as error:
        services.apply(kind="permanent", data=data(), language="kk")
    assert error.value.code == "no_intake"
    IntakeFactory(
        opens_on=timezone.localdate() - datetime.timedelta(days=30),
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    with pytest.raises(services.AccreditationError):
        services.apply(kind="permanent", data=data(), language="kk")
    assert not Application.objects.exists()


def test_review_due_three_working_days_or_ten_for_a_strategic_object():
    friday = datetime.date(2026, 3, 20)
    IntakeFactory(opens_on=friday, closes_on=friday + datetime.timedelta(days=20))
    application, created = services.apply(
        kind="permanent", data=data(), language="kk", now=at(friday)
    )
    assert created
    # Nauryz and the weekend: 26, 27, 30 March.
    assert application.review_due == datetime.date(2026, 3, 30)
    assert application.review_due == WorkingCalendar.load().add_working_days(friday, 3)
    config = AccreditationSettings.load()
    config.strategic_object = True
    config.save()
    strategic, _ = services.apply(kind="permanent", data=data(), language="kk", now=at(friday))
    assert strategic.review_due == WorkingCalendar.load().add_working_days(friday, 10)


def test_numbers_come_from_the_one_numbering_scheme():
    IntakeFactory()
    first, _ = services.apply(kind="permanent", data=data(), language="kk")
    second, _ = services.apply(kind="permanent", data=data(OTHER_IIN), language="kk")
    year = timezone.localdate().year
    assert first.number == f"АКК-{year}-000001"
    assert second.number == f"АКК-{year}-000002"


def test_the_same_submission_is_registered_once():
    IntakeFactory()
    token = "7f0c4d4e-2a2b-4c5e-8f00-000000000001"
    first, created = services.apply(
        kind="permanent", data=data(), language="kk", submission_token=token
    )
    again, created_again = services.apply(
        kind="permanent", data=data(), language="kk", submission_token=token
    )
    assert created and not created_again and again.pk == first.pk


def test_an_outlet_with_the_same_bin_is_reused():
    IntakeFactory()
    services.apply(kind="permanent", data=data(), language="kk")
    services.apply(kind="permanent", data=data(OTHER_IIN), language="ru")
    assert Application.objects.values("outlet").distinct().count() == 1


def _briefing(starts: datetime.datetime):
    index = BriefingIndexPageFactory(parent=kk_home())
    return BriefingPageFactory(
        parent=index, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )


def test_temporary_accreditation_at_least_one_working_day_before_the_event():
    # The event is on Monday 30 March 2026; the last day to apply is Friday 27 March.
    briefing = _briefing(at(datetime.date(2026, 3, 30), 11))
    assert services.temporary_deadline(briefing) == datetime.date(2026, 3, 27)
    application, _ = services.apply(
        kind="temporary",
        data=data(),
        language="kk",
        briefing=briefing,
        now=at(datetime.date(2026, 3, 27), 17),
    )
    assert application.review_due == datetime.date(2026, 3, 27)
    for late in (datetime.date(2026, 3, 28), datetime.date(2026, 3, 30)):
        with pytest.raises(services.AccreditationError) as error:
            services.apply(
                kind="temporary", data=data(), language="kk", briefing=briefing, now=at(late)
            )
        assert error.value.code == "too_late"


def test_a_cancelled_event_takes_no_applications():
    briefing = _briefing(timezone.now() + datetime.timedelta(days=14))
    assert briefing in services.temporary_events()
    type(briefing).objects.filter(pk=briefing.pk).update(cancelled=True)
    assert briefing not in services.temporary_events()


# Decisions ---------------------------------------------------------------------------------


def test_each_journalist_is_decided_separately_and_a_refusal_names_its_ground(officer):
    IntakeFactory()
    application, _ = services.apply(
        kind="permanent", data=data(VALID_IIN, OTHER_IIN), language="kk"
    )
    first, second = application.journalists.order_by("pk")
    accreditation = services.approve(first, user=officer)
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING
    with pytest.raises(services.AccreditationError):
        services.refuse(second, user=officer, ground="")
    services.refuse(second, user=officer, ground=RefusalGround.NOT_IN_REGISTER, note="Not found")
    application.refresh_from_db()
    second.refresh_from_db()
    assert application.status == Application.Status.DECIDED
    assert second.refusal_ground == RefusalGround.NOT_IN_REGISTER
    assert accreditation.card_number == f"КАР-{timezone.localdate().year}-000001"
    assert accreditation.iin == VALID_IIN and accreditation.photo.name == first.photo.name
    assert actions(first) == ["accreditation.approve"]
    assert actions(second) == ["accreditation.refuse"]
    with pytest.raises(services.AccreditationError):  # already decided
        services.approve(second, user=officer)


def test_the_decision_is_mailed_to_the_outlet(
    officer, mailoutbox, django_capture_on_commit_callbacks
):
    IntakeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        application, _ = services.apply(kind="permanent", data=data(), language="ru")
    assert application.number in mailoutbox[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(application.journalists.get(), user=officer)
    assert mailoutbox[-1].to == ["editor@qazaqtimes.example.kz"]
    assert Accreditation.objects.get().card_number in mailoutbox[-1].body


def test_only_officers_decide():
    journalist = ApplicationJournalistFactory()
    for user in (member("heads", "head"), member("editors", "editor"), None):
        with pytest.raises(PermissionDenied):
            services.approve(journalist, user=user)
        with pytest.raises(PermissionDenied):
            services.refuse(journalist, user=user, ground=RefusalGround.DOCUMENTS)


def test_permanent_accreditation_lasts_twelve_months(officer):
    journalist = ApplicationJournalistFactory()
    day = datetime.date(2026, 4, 15)
    accreditation = services.approve(journalist, user=officer, now=at(day))
    assert accreditation.valid_from == day
    assert accreditation.valid_until == datetime.date(2027, 4, 14)
    assert accreditation.state(datetime.date(2027, 4, 14)) == "active"
    assert accreditation.state(datetime.date(2027, 4, 15)) == "expired"
    assert services.permanent_valid_until(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 27)


def test_temporary_accreditation_is_valid_for_the_event(officer):
    starts = timezone.now() + datetime.timedelta(days=10)
    briefing = _briefing(starts)
    journalist = ApplicationJournalistFactory(
        application=ApplicationFactory(kind="temporary", intake=None, briefing=briefing)
    )
    accreditation = services.approve(journalist, user=officer)
    assert (
        accreditation.valid_from == accreditation.valid_until == timezone.localtime(starts).date()
    )
    assert accreditation.briefing_id == briefing.pk


# Foreign media -----------------------------------------------------------------------------


def test_foreign_media_are_refused_with_the_mfa_note(officer):
    IntakeFactory()
    application, _ = services.apply(kind="permanent", data=data(foreign=True), language="kk")
    journalist = application.journalists.get()
    assert journalist.decision == ApplicationJournalist.Decision.REFUSED
    assert journalist.refusal_ground == RefusalGround.FOREIGN_MEDIA
    assert journalist.refusal_note == str(services.MFA_NOTE)
    assert application.status == Application.Status.DECIDED
    # Even an application that reached the officer cannot be approved for a foreign outlet.
    pending = ApplicationJournalistFactory(
        application=ApplicationFactory(outlet=OutletFactory(is_foreign=True, bin=""))
    )
    with pytest.raises(services.AccreditationError) as error:
        services.approve(pending, user=officer)
    assert error.value.code == "foreign"


# Deprivation and the six-month bar -----------------------------------------------------------


def test_deprivation_needs_a_statutory_ground_and_the_permission(officer):
    accreditation = AccreditationFactory()
    with pytest.raises(services.AccreditationError):
        services.deprive(accreditation, user=officer, ground="dislike")
    with pytest.raises(PermissionDenied):
        services.deprive(accreditation, user=member("heads", "head"), ground="rules_breach")
    day = datetime.date(2026, 5, 10)
    services.deprive(
        accreditation, user=officer, ground="court_defamation", note="Court No 2-123", now=at(day)
    )
    accreditation.refresh_from_db()
    assert accreditation.state() == "deprived"
    assert accreditation.deprivation_ground == "court_defamation"
    assert accreditation.barred_until == datetime.date(2026, 11, 10)
    assert actions(accreditation) == ["accreditation.deprive"]
    with pytest.raises(services.AccreditationError):
        services.deprive(accreditation, user=officer, ground="rules_breach")


def test_the_six_month_bar_follows_the_iin_whichever_outlet_applies(officer):
    accreditation = AccreditationFactory(iin=VALID_IIN)
    services.deprive(accreditation, user=officer, ground="rules_breach")
    bar = Accreditation.objects.get().barred_until
    assert services.barred_until(VALID_IIN) == bar
    assert services.barred_until(OTHER_IIN) is None
    IntakeFactory()
    other_outlet = data(VALID_IIN, OTHER_IIN, bin="040140000018")
    application, _ = services.apply(kind="permanent", data=other_outlet, language="kk")
    barred, free = application.journalists.order_by("pk")
    assert barred.refusal_ground == RefusalGround.DEPRIVATION_BAR
    assert free.decision == ApplicationJournalist.Decision.PENDING
    # An application received before the deprivation cannot be approved during the bar.
    waiting = ApplicationJournalistFactory(iin=VALID_IIN)
    with pytest.raises(services.AccreditationError) as error:
        services.approve(waiting, user=officer)
    assert error.value.code == "barred"
    # After the bar, the journalist may be accredited again.
    after = bar + datetime.timedelta(days=1)
    assert services.barred_until(VALID_IIN, after) is None
    assert services.approve(waiting, user=officer, now=at(after)).is_valid(after)
