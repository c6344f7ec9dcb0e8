"""Generate synthetic requests for load tests and benchmarks (never on a production database).

``python manage.py generate_requests [--count 100000] [--seed 1] [--days 730]`` bulk-creates
requests received over the last ``--days`` days, of every kind, with clocks from the deadline
engine, registration numbers that continue each kind's counter, units and executors (created
when missing: ``load-unit-N`` and ``load-executor-N`` in the Request officers group), and a
realistic mix of states: old cases mostly closed, a few left open and overdue, recent ones open.
The requesters are invented (``@example.kz`` addresses, no IINs). No timeline events are written.
"""

import datetime
import random
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from agency import numbering
from citizen_requests import deadlines
from citizen_requests.kinds import (
    REFUSAL_GROUNDS,
    Channel,
    RequesterType,
    RequestKind,
    Status,
)
from citizen_requests.models import CitizenRequest, Unit

KIND_WEIGHTS = {
    RequestKind.INFORMATION: 50,
    RequestKind.APPEAL: 30,
    RequestKind.MEDIA: 15,
    RequestKind.CLARIFICATION: 5,
}
SUBJECTS = [
    "Бюджеттің орындалуы туралы",
    "О порядке получения государственной услуги",
    "Мемлекеттік сатып алу жоспары",
    "О ремонте дороги в селе",
    "Әлеуметтік көмек туралы",
    "Разъяснение официального сообщения",
    "Accreditation for the press conference",
]
NAMES = ["Асқар", "Айгүл", "Ерлан", "Динара", "Иван", "Мария", "Нұрлан", "Сауле"]
SURNAMES = ["Ахметов", "Серікова", "Петров", "Қасымова", "Омаров", "Ким", "Жұмабаев"]
LANGUAGES = ["kk"] * 6 + ["ru"] * 4 + ["en"]


class Command(BaseCommand):
    help = "Create N synthetic requests (default 100,000) with bulk_create, for load tests."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--days", type=int, default=730, help="Spread over this many days.")
        parser.add_argument("--units", type=int, default=12)
        parser.add_argument("--executors", type=int, default=25)
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args, count, seed, days, units, executors, batch_size, **options):
        if count < 0 or days < 1:
            raise CommandError("--count must be ≥ 0 and --days ≥ 1.")
        started = time.monotonic()
        rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        unit_list = self.units(units)
        executor_list = self.executors(executors)
        calendar = deadlines.RequestCalendar.load()
        clocks: dict = {}
        now = timezone.now()
        today = timezone.localdate()
        digest = CitizenRequest.tracking_digest_for(CitizenRequest.new_tracking_code())
        kinds = list(KIND_WEIGHTS)
        weights = list(KIND_WEIGHTS.values())

        drafts = []
        for _i in range(count):
            kind = rng.choices(kinds, weights)[0]
            received_at = now - datetime.timedelta(seconds=rng.randrange(days * 86400))
            received_on = timezone.localdate(received_at)
            key = (kind, received_on)
            if key not in clocks:
                clocks[key] = deadlines.compute(kind, received_at, calendar=calendar)
            clock = clocks[key]
            drafts.append((kind, received_at, clock))
        drafts.sort(key=lambda d: d[1])

        with transaction.atomic():
            counters = {}
            rows = []
            for kind, received_at, clock in drafts:
                year = timezone.localdate(received_at).year
                if (kind, year) not in counters:
                    counters[(kind, year)] = numbering.lock(kind, year)
                counter = counters[(kind, year)]
                counter.last += 1
                rows.append(
                    self.build(
                        rng,
                        kind,
                        year,
                        counter.last,
                        received_at,
                        clock,
                        today,
                        digest,
                        unit_list,
                        executor_list,
                    )
                )
                if len(rows) >= batch_size:
                    CitizenRequest.objects.bulk_create(rows, batch_size=batch_size)
                    rows = []
            CitizenRequest.objects.bulk_create(rows, batch_size=batch_size)
            for counter in counters.values():
                counter.save(update_fields=["last"])
        elapsed = time.monotonic() - started
        self.stdout.write(f"Created {count} requests in {elapsed:.1f} s.")

    def build(
        self, rng, kind, year, sequence, received_at, clock, today, digest, units, executors
    ) -> CitizenRequest:
        age = (today - clock.registered_on).days
        status = Status.REGISTERED
        closed_at = answered_at = refused_at = forwarded_at = None
        refusal_ground = ""
        forwarded_to = ""
        overdue_open = rng.random() < 0.03
        if clock.answer_due < today and not overdue_open:
            roll = rng.random()
            due = datetime.datetime.combine(clock.answer_due, datetime.time(12), received_at.tzinfo)
            closed_at = min(
                received_at + (due - received_at) * rng.uniform(0.2, 1.1),
                timezone.now(),
            )
            grounds = REFUSAL_GROUNDS[RequestKind(kind)]
            if roll < 0.08 and grounds:
                status, refused_at = Status.REFUSED, closed_at
                refusal_ground = rng.choice(grounds).value
            elif roll < 0.14 and clock.forward_due:
                status, forwarded_at = Status.FORWARDED, closed_at
                forwarded_to = "Қаржы министрлігі"
            else:
                status, answered_at = Status.ANSWERED, closed_at
        elif age > 1 or overdue_open:
            status = Status.IN_PROGRESS
        assigned = status != Status.REGISTERED
        name = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"
        return CitizenRequest(
            kind=kind,
            number=numbering.format_number(kind, year, sequence),
            year=year,
            sequence=sequence,
            status=status,
            language=rng.choice(LANGUAGES),
            requester_type=RequesterType.INDIVIDUAL,
            full_name=name,
            email=f"load-{year}-{kind}-{sequence}@example.kz",
            channel=Channel.POST if rng.random() < 0.1 else Channel.EMAIL,
            postal_address="Астана",
            subject=rng.choice(SUBJECTS),
            text="Сынақ үшін жасалған өтініш. Тестовый запрос.",
            consent_at=received_at,
            received_at=received_at,
            registered_on=clock.registered_on,
            answer_due=clock.answer_due,
            forward_due=clock.forward_due,
            refusal_due=clock.refusal_due,
            unit=rng.choice(units) if assigned else None,
            executor=rng.choice(executors) if assigned else None,
            forwarded_at=forwarded_at,
            forwarded_to=forwarded_to,
            refused_at=refused_at,
            refusal_ground=refusal_ground,
            refusal_motivation="Сынақ." if refused_at else "",
            answered_at=answered_at,
            closed_at=closed_at,
            tracking_digest=digest,
        )

    def units(self, n: int) -> list[Unit]:
        existing = list(Unit.objects.filter(active=True))
        for i in range(len(existing), n):
            existing.append(Unit.objects.get_or_create(name=f"load-unit-{i + 1}")[0])
        return existing[: max(n, 1)] if existing else []

    def executors(self, n: int) -> list:
        User = get_user_model()
        group = Group.objects.get(name="Request officers")
        users = list(group.user_set.filter(is_active=True)[:n])
        for i in range(len(users), n):
            user, created = User.objects.get_or_create(
                username=f"load-executor-{i + 1}",
                defaults={"email": f"load-executor-{i + 1}@example.kz", "first_name": "Load"},
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            user.groups.add(group)
            users.append(user)
        return users
