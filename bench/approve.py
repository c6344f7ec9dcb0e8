"""Time the press secretary's Approve on the server, up to the publication of kk and ru.

Run: ``.venv/bin/python bench/approve.py [--pages 5] [--terms 10000] [--via editor|dashboard]
[--inline-tasks] [--sql] [--profile]``

Creates a temporary SQLite database, or uses ``DATABASE_URL``: a PostgreSQL database there is
dropped and created again, so its name must start with ``test_`` or ``bench``. With
``REDIS_URL`` the cache and django-q2's queue are Redis (only this bench's own keys and
queued jobs are deleted, never the whole database). The moderation settings require kk and ru, as in production.

Each measured page is a kk news item as an editor writes it: 20 body blocks (paragraphs,
headings, quotes, images, tables and one attached 20-page PDF), with a ru translation draft
made in wagtail-localize; the stop-list holds ``--terms`` terms (10,000 by default). The editor
submits it to the "News" workflow (the restricted-information check passes it to the press
secretary), the press secretary opens the editor, and the bench times the Approve request from
request to response through Django's test ``Client``, as the server runs it: the task
approval, Wagtail's finish action (``workflows.guard.publish_approved``: scan again, clear,
publish kk, then ru with it), the signals and the notifications.

``--via editor`` (default) posts what the editor's Approve button posts: the whole edit form
plus ``action-workflow-action`` (Wagtail's ``workflow-action.js``, "editor" mode);
``--via dashboard`` posts to ``wagtailadmin_pages:workflow_action``, as Wagtail's "Awaiting
your review" panel does. Background work (search and reference index updates, e-mail) is
queued on django-q2 as in production (the jobs are left unrun and purged at the end);
``--inline-tasks`` runs it inside the request instead, as the test settings do.

Figures:

* ``cold``: the first approval in the process, with the stop-list automaton not built and no
  document text cached (the PDF is parsed), as after a deploy or a stop-list change;
* ``warm``: median and 90th percentile over ``--pages`` pages, each freshly submitted, with the
  automaton built and the PDF text cached, but the revisions not yet scanned in this process
  (the approval reaches another worker than the submission did);
* ``same worker``: the same, when the submission's scan results are still memoised here.

Also prints the CPU time of the request, its SQL statements and the time spent waiting for
them, and its round trips to Redis. ``--sql`` lists the statements of the warm approvals by the
code that made them; ``--profile`` profiles the warm approvals with pyinstrument (not a project
dependency: ``.venv/bin/pip install pyinstrument``), which slows them down. Exits non-zero if
the warm median exceeds ``BUDGET_MS``, or at once if an approval does not publish kk and ru or
saves a revision of its own. Figures depend on the machine and its load.
"""

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import harness

BASE_DIR = Path(__file__).resolve().parent.parent
BUDGET_MS = 300
BLOCKS = 20
PDF_PAGES = 20


# ---------------------------------------------------------------------------
# The site and the pages

PARAGRAPH = (
    '<p data-block-key="p{n}a">Министрлік <b>цифрлық қызметтердің</b> жаңа топтамасын іске '
    "қосты. Азаматтар енді өтінішті <i>онлайн</i> беріп, оның барысын жеке кабинетте бақылай "
    "алады. Қызмет {n}-өңірде сынақтан өтті, өтініштерді қарау мерзімі орта есеппен 3 күнге "
    'қысқарды.</p><p data-block-key="p{n}b">Бағдарлама аясында мемлекеттік қызметтердің '
    "үштен екісі электрондық форматқа көшірілді, ал қағаз анықтамалар саны екі есе азайды.</p>"
)


def pdf_page(document: int, page: int) -> str:
    """About 2.5 KB of ASCII text, as in a scanned regulation."""
    line = (
        f"Regulation {document}-{page}: the applicant submits the request through the portal; "
        "the department reviews it within three working days."
    )
    return "\n".join(f"{number + 1}. {line}" for number in range(18))


def png_bytes(color: str) -> bytes:
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), color).save(buffer, "PNG")
    return buffer.getvalue()


class Site:
    """Users, images, the kk and ru news indexes and the stop-list shared by every page."""

    def __init__(self, terms: int):
        from django.core.files.base import ContentFile
        from django.core.files.images import ImageFile

        from wagtail.images import get_image_model
        from wagtail.models import Locale

        from scanner import make_stop_list

        from press_pages.models import HomePage, NewsIndexPage
        from tests.workflows.moderation import member
        from workflows.models import ModerationSettings, StopListTerm

        moderation = ModerationSettings.load()
        moderation.required_locales = ["kk", "ru"]
        moderation.save()

        StopListTerm.objects.bulk_create(
            StopListTerm(
                phrase=term.phrase,
                language=term.language,
                severity=term.severity,
                legal_basis=f"Сот шешімі № {number}",
            )
            for number, term in enumerate(make_stop_list(terms, random.Random(2026)))
        )
        self.editor = member("editors", "bench-editor")
        self.secretary = member("press_secretaries", "bench-secretary")
        image_model = get_image_model()
        self.images = [
            image_model.objects.create(
                title=f"Сурет {number}",
                description=f"Баспасөз залы, {number}-сурет",
                file=ImageFile(ContentFile(png_bytes(color), name=f"photo-{number}.png")),
            )
            for number, color in enumerate(("#3d6e8f", "#9fb8c9", "#c0a060"))
        ]
        self.ru = Locale.objects.get(language_code="ru")
        home = HomePage.objects.get(locale__language_code="kk")
        self.index = home.add_child(instance=NewsIndexPage(title="Жаңалықтар", slug="bench-news"))
        self.index.save_revision().publish()
        ru_index = self.index.copy_for_translation(self.ru, copy_parents=True)
        for page in [*ru_index.get_ancestors().filter(depth__gt=1).specific(), ru_index]:
            if not page.live:
                page.save_revision().publish()
        self.pages = 0

    def body(self, number: int, document) -> list:
        table = {
            "data": [["Өңір", "Өтініштер", "Мерзім"]]
            + [[f"Өңір {row}", f"{row * 137}", f"{row % 5 + 1} күн"] for row in range(6)],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_header_choice": "both",
            "table_caption": "Өтініштер саны",
        }
        kinds = ["paragraph", "heading", "paragraph", "quote", "paragraph", "image", "table"]
        body = []
        for position in range(BLOCKS - 1):
            kind = kinds[position % len(kinds)]
            if kind == "paragraph":
                body.append(("paragraph", PARAGRAPH.format(n=f"{number}x{position}")))
            elif kind == "heading":
                body.append(("heading", {"text": f"Бөлім {position}", "level": "h2"}))
            elif kind == "quote":
                body.append(
                    ("quote", {"quote": "Ашықтық – сенімнің негізі.", "attribution": "Министр"})
                )
            elif kind == "image":
                image = self.images[position % len(self.images)]
                body.append(
                    (
                        "image",
                        {
                            "image": {"image": image, "alt_text": "Министр", "decorative": False},
                            "caption": f"Таныстыру, {position}",
                        },
                    )
                )
            else:
                body.append(("table", table))
        body.insert(BLOCKS // 2, ("document", {"document": document, "label": document.title}))
        return body

    def submitted_page(self):
        """A kk news draft with its ru translation draft, submitted by the editor."""
        from django.core.files.base import ContentFile

        from wagtail.documents import get_document_model
        from wagtail.models import WorkflowState
        from wagtail_localize.models import StringTranslation, Translation
        from wagtail_localize.operations import TranslationCreator

        from press_pages.models import NewsPage
        from tests.workflows.moderation import submit
        from tests.workflows.pdf_builder import build_pdf
        from workflows.models import PressSecretaryApprovalTask

        self.pages += 1
        number = self.pages
        document = get_document_model().objects.create(
            title=f"Қызмет ережесі {number}",
            file=ContentFile(
                build_pdf([pdf_page(number, page) for page in range(PDF_PAGES)]),
                name=f"rules-{number}.pdf",
            ),
        )
        page = self.index.add_child(
            instance=NewsPage(
                title=f"Министрлік жаңа цифрлық қызметтерді іске қосты ({number})",
                slug=f"bench-news-{number}",
                live=False,
                seo_title="Жаңа цифрлық қызметтер",
                search_description="Өтінішті онлайн беру",
                lead="Министрлік жаңа цифрлық қызметтерді іске қосты.",
                hero_image=self.images[0],
                hero_image_alt="Министр",
                body=self.body(number, document),
                owner=self.editor,
            )
        )
        page.save_revision(user=self.editor)

        # The translator's ru draft, made and filled in wagtail-localize.
        TranslationCreator(self.editor, [self.ru]).create_translations(page)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=self.ru
        )
        StringTranslation.objects.bulk_create(
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=self.ru,
                context_id=segment.context_id,
                data=f"[ru] {segment.string.data}",
            )
            for segment in translation.source.stringsegment_set.select_related("string")
        )
        translation.save_target(user=self.editor, publish=False)

        state = submit(page, self.editor)
        state.refresh_from_db()
        task = state.current_task_state.task.specific if state.current_task_state else None
        if state.status != WorkflowState.STATUS_IN_PROGRESS or not isinstance(
            task, PressSecretaryApprovalTask
        ):
            comment = state.current_task_state.comment if state.current_task_state else ""
            raise SystemExit(f"submission of {page} ended {state.status}: {comment}")
        return page, document


# ---------------------------------------------------------------------------
# What the browser posts


def block_data(block, value, prefix: str) -> dict:
    """The form fields Wagtail's StreamField JavaScript submits for ``value`` of ``block``."""
    from wagtail import blocks
    from wagtail.images.blocks import ImageBlock

    data = {}
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = str(len(value))
        for index, child in enumerate(value):
            data[f"{prefix}-{index}-type"] = child.block_type
            data[f"{prefix}-{index}-id"] = child.id or ""
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data.update(block_data(child.block, child.value, f"{prefix}-{index}-value"))
    elif isinstance(block, blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(value))
        for index, child in enumerate(value.bound_blocks):
            data[f"{prefix}-{index}-id"] = child.id or ""
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data.update(block_data(block.child_block, child.value, f"{prefix}-{index}-value"))
    elif isinstance(block, ImageBlock):
        struct = block._image_to_struct_value(value)
        for name, child_block in block.child_blocks.items():
            data.update(block_data(child_block, struct.get(name), f"{prefix}-{name}"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            data.update(block_data(child_block, value.get(name), f"{prefix}-{name}"))
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock)):
        data[prefix] = value if value is not None else ""
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = str(value.pk) if value is not None else ""
    else:
        # Widgets whose JavaScript keeps structured state (tables) submit it as JSON.
        state = block.get_form_state(value)
        if state is None:
            state = ""
        data[prefix] = state if isinstance(state, str) else json.dumps(state)
    return data


def form_data(form) -> dict:
    """What the browser posts back for an unchanged ``form`` and its inline formsets."""
    from django.forms import CheckboxInput

    from wagtail.blocks.base import BlockField

    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field, BlockField):
            data.update(block_data(field.block, value, bound.html_name))
        elif isinstance(field.widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        else:
            formatted = field.widget.format_value(value)
            data[bound.html_name] = "" if formatted is None else formatted
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = management[name].value()
        for child in formset.forms:
            data.update(form_data(child))
    return data


def approve_request(page, user, via: str) -> tuple[str, dict]:
    """URL and POST data of the press secretary's Approve, as the admin UI sends it."""
    from django.urls import reverse

    if via == "dashboard":
        task_state = page.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
        )
        return url, {}
    revision = page.get_latest_revision()
    draft = revision.as_object()
    form_class = draft.get_edit_handler().get_form_class()
    form = form_class(instance=draft, for_user=user, parent_page=draft.get_parent())
    data = form_data(form)
    # A fresh copy, as the view loads it: building the data may normalise values in place.
    fresh = revision.as_object()
    bound = form_class(data, instance=fresh, for_user=user, parent_page=fresh.get_parent())
    if not bound.is_valid() or bound.has_changed():
        errors = {
            name: [getattr(e, "as_json_data", lambda e=e: e.messages)() for e in field_errors]
            for name, field_errors in bound.errors.as_data().items()
        }
        raise SystemExit(
            f"the edit form data does not round-trip: errors {errors!r}, "
            f"changed {bound.changed_data!r}"
        )
    data.update(
        {
            "loaded_revision_id": str(revision.pk),
            "loaded_revision_created_at": revision.created_at.isoformat(),
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
        }
    )
    return reverse("wagtailadmin_pages:edit", args=[page.pk]), data


# ---------------------------------------------------------------------------
# Measurements


def forget_scans(document=None) -> None:
    """Empty this process's memo of scan results; with ``document``, its cached text too."""
    from django.core.cache import cache

    from workflows.documents import _document_cache_key
    from workflows.guard import clear_scan_cache

    clear_scan_cache()
    if document is not None:
        cache.delete(_document_cache_key(document))


def forget_bench_cache_keys() -> None:
    """Delete this bench's keys from Redis (its own ``CACHE_KEY_PREFIX``), e.g. a previous run's."""
    from django.conf import settings
    from django.core.cache import cache

    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        return
    client = cache._cache.get_client(write=True)
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


def forget_stop_list() -> None:
    """Make the next scan build the stop-list automaton again, as a new process would."""
    import workflows.scanning

    workflows.scanning._stop_list_memo = None


class SQLTimer:
    """Counts the SQL statements of a request and the time spent waiting for them.

    With ``where``, also counts each statement by the code that made it: the innermost frame
    outside Django and the innermost frame of the project's own apps.
    """

    APPS = tuple(f"{BASE_DIR}/{app}/" for app in ("cms", "press_pages", "workflows"))

    def __init__(self, where: bool = False):
        self.count = 0
        self.seconds = 0.0
        self.where = Counter() if where else None
        self.where_seconds = Counter()

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            self.seconds += elapsed
            self.count += 1
            if self.where is not None:
                key = (self.callers(), re.sub(r"\s+", " ", sql)[:100])
                self.where[key] += 1
                self.where_seconds[key] += elapsed

    def callers(self) -> str:
        library = project = None
        frame = sys._getframe(2)
        while frame is not None and project is None:
            name = frame.f_code.co_filename
            here = f"{Path(name).name}:{frame.f_lineno} {frame.f_code.co_name}"
            if name.startswith(self.APPS):
                project = here
            elif library is None and "/django/" not in name and name != __file__:
                library = here
            frame = frame.f_back
        return f"{library} < {project}" if library != project else str(project)


class RedisCounter:
    """Counts the round trips to Redis (cache and queue) while it is active."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __enter__(self):
        from redis.connection import AbstractConnection

        original = AbstractConnection.send_packed_command
        counter = self

        def send_packed_command(connection, command, check_health=True):
            counter.count += 1
            return original(connection, command, check_health)

        self.original = original
        AbstractConnection.send_packed_command = send_packed_command
        return self

    def __exit__(self, *exc_info):
        from redis.connection import AbstractConnection

        AbstractConnection.send_packed_command = self.original


class Approval:
    """One timed Approve request and what it did."""

    def __init__(
        self, site: Site, via: str, *, cold=False, same_worker=False, profiler=None, sql=False
    ):
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        page, document = site.submitted_page()
        revisions = page.revisions.count()
        client = Client()
        client.force_login(site.secretary)
        editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        if editor.status_code != 200 or b'data-workflow-action-name="approve"' not in (
            editor.content
        ):
            raise SystemExit(f"the editor of {page} offers the press secretary no Approve button")
        url, data = approve_request(page, site.secretary, via)
        if cold:
            forget_stop_list()
            forget_scans(document)
        elif not same_worker:
            forget_scans()

        self.sql = sql = SQLTimer(where=sql)
        if profiler is not None:
            profiler.start()
        with connection.execute_wrapper(sql), RedisCounter() as redis_calls:
            started, cpu = time.perf_counter(), time.process_time()
            response = client.post(url, data)
            self.ms = (time.perf_counter() - started) * 1000
            self.cpu_ms = (time.process_time() - cpu) * 1000
        if profiler is not None:
            profiler.stop()
        self.queries, self.sql_ms = sql.count, sql.seconds * 1000
        self.redis_calls = redis_calls.count
        self.check(page, response, revisions)

    def check(self, page, response, revisions: int) -> None:
        from django.contrib.messages import get_messages

        from wagtail.models import WorkflowState

        page.refresh_from_db()
        ru = page.get_translation(self.ru_locale(page))
        state = WorkflowState.objects.filter(
            base_content_type=page.get_base_content_type(), object_id=str(page.pk)
        ).latest("created_at")
        problems = []
        if response.status_code != 302:
            problems.append(f"answered {response.status_code}")
        if state.status != WorkflowState.STATUS_APPROVED:
            problems.append(f"workflow {state.status}")
        if not (page.live and ru.live):
            problems.append(f"kk live={page.live}, ru live={ru.live}")
        if page.revisions.count() != revisions:
            problems.append("the approval saved a revision of its own")
        if problems:
            messages = [str(m) for m in get_messages(response.wsgi_request)]
            raise SystemExit(f"approval of {page}: {'; '.join(problems)} {messages}")

    @staticmethod
    def ru_locale(page):
        from wagtail.models import Locale

        return Locale.objects.get(language_code="ru")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def one_off_costs(site: Site) -> tuple[float, float]:
    """What the cold approval does on top of a warm one: build the automaton, read the PDF."""
    from wagtail.documents import get_document_model

    from workflows.documents import document_text
    from workflows.scanning import current_stop_list

    forget_stop_list()
    started = time.perf_counter()
    current_stop_list()
    automaton_ms = (time.perf_counter() - started) * 1000
    document = get_document_model().objects.order_by("-pk").first()
    forget_scans(document)
    started = time.perf_counter()
    document_text(document)
    return automaton_ms, (time.perf_counter() - started) * 1000


def print_statements(approvals) -> None:
    """The statements of the approvals, per approval, grouped by the code that made them."""
    where, seconds = Counter(), Counter()
    for approval in approvals:
        where.update(approval.sql.where)
        seconds.update(approval.sql.where_seconds)
    per_caller, per_caller_seconds = Counter(), Counter()
    for key, count in where.items():
        per_caller[key[0]] += count
        per_caller_seconds[key[0]] += seconds[key]
    runs = len(approvals)
    print("\nSQL per approval by caller (library frame < project frame): statements, ms")
    for callers, count in per_caller.most_common(25):
        print(f"  {count / runs:6.1f} {per_caller_seconds[callers] * 1000 / runs:7.1f}  {callers}")
    print("slowest statements per approval: count, ms")
    for key, total in seconds.most_common(12):
        print(f"  {where[key] / runs:6.1f} {total * 1000 / runs:7.1f}  {key[1]}\n{'':17}{key[0]}")


def require_empty_queue() -> None:
    """Refuse a queue that holds jobs: the bench purges it at the end, so it must be its own."""
    from django_q.brokers import get_broker

    waiting = get_broker().queue_size() or 0
    if waiting:
        raise SystemExit(
            f"django-q2's queue already holds {waiting} jobs, which this bench would purge: "
            "give it a Redis database of its own (REDIS_URL=redis://127.0.0.1:6379/<n>)"
        )


def purge_queue() -> int:
    """Drop the jobs the approvals queued on django-q2 (nothing runs them here)."""
    from django_q.brokers import get_broker

    broker = get_broker()
    queued = broker.queue_size() or 0
    broker.purge_queue()
    return queued


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5, help="warm approvals (median, p90)")
    parser.add_argument("--terms", type=int, default=10_000, help="stop-list terms")
    parser.add_argument("--via", choices=("editor", "dashboard"), default="editor")
    parser.add_argument(
        "--inline-tasks", action="store_true", help="run background work inside the request"
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile the warm approvals (pyinstrument)"
    )
    parser.add_argument(
        "--sql", action="store_true", help="list the SQL statements of the warm approvals"
    )
    args = parser.parse_args()
    if args.pages < 5:
        parser.error("--pages must be at least 5")

    with tempfile.TemporaryDirectory(prefix="baspasoz-bench-") as database_dir:
        harness.configure(database_dir, "approve")
        import shutil

        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import override_settings

        if connection.vendor == "postgresql":
            harness.recreate_postgres_database()
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
        call_command("migrate", verbosity=0, interactive=False)
        require_empty_queue()
        forget_bench_cache_keys()

        production_like = override_settings(
            TASKS={"default": {"BACKEND": "agency.queue.DjangoQ2TaskBackend"}},
            EMAIL_BACKEND="agency.outbox.OutboxEmailBackend",
        )
        if not args.inline_tasks:
            production_like.enable()
        try:
            site = Site(args.terms)
            profile = None
            if args.profile:
                from pyinstrument import Profiler

                profile = Profiler(interval=0.001)
            cold = Approval(site, args.via, cold=True)
            warm, same = [], []
            for _page in range(args.pages):  # interleaved, so a busy spell hits both alike
                warm.append(Approval(site, args.via, profiler=profile, sql=args.sql))
                same.append(Approval(site, args.via, same_worker=True))
            automaton_ms, pdf_ms = one_off_costs(site)
            queued = purge_queue()
        finally:
            forget_bench_cache_keys()
            if not args.inline_tasks:
                production_like.disable()
            # Both made by the test settings in this process.
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
            shutil.rmtree(settings.STATIC_ROOT, ignore_errors=True)
        if connection.vendor == "postgresql":
            connection.close()

    def summary(approvals):
        times = [a.ms for a in approvals]
        return (
            statistics.median(times),
            percentile(times, 0.9),
            statistics.median(a.cpu_ms for a in approvals),
            statistics.median(a.sql_ms for a in approvals),
            sorted({a.queries for a in approvals}),
            statistics.median(a.redis_calls for a in approvals),
        )

    warm_ms, warm_p90, warm_cpu, warm_sql, warm_queries, warm_redis = summary(warm)
    same_ms, same_p90, same_cpu, _same_sql, same_queries, _same_redis = summary(same)
    counts = "/".join(str(count) for count in warm_queries)
    background = "inline" if args.inline_tasks else f"queued ({queued} jobs purged)"
    print(
        f"approve (server, via {args.via}): warm median {warm_ms:.0f} ms, p90 {warm_p90:.0f} ms, "
        f"cold {cold.ms:.0f} ms, {counts} queries"
    )
    print(
        f"  warm: CPU {warm_cpu:.0f} ms, SQL {warm_sql:.0f} ms, {warm_redis:.0f} Redis calls "
        f"(median); cold: CPU "
        f"{cold.cpu_ms:.0f} ms, SQL {cold.sql_ms:.0f} ms, {cold.queries} queries"
    )
    print(
        f"  same worker (scan memoised at submission): median {same_ms:.0f} ms, "
        f"p90 {same_p90:.0f} ms, CPU {same_cpu:.0f} ms, "
        f"{'/'.join(str(c) for c in same_queries)} queries"
    )
    print(
        f"  one-off costs in cold: stop-list automaton {automaton_ms:.0f} ms, "
        f"PDF text {pdf_ms:.0f} ms"
    )
    print(
        f"  {args.pages} pages per figure; {BLOCKS} blocks, 1×{PDF_PAGES}-page PDF, kk + ru, "
        f"{args.terms} stop-list terms; background work {background}"
    )
    if args.sql:
        print_statements(warm)
    if profile is not None:
        print(
            f"\nprofile of the {args.pages} warm approvals (times summed, with the profiler's cost):"
        )
        print(profile.output_text(unicode=True, color=False, show_all=False))
    if warm_ms > BUDGET_MS:
        print(f"FAIL: the warm median exceeds {BUDGET_MS} ms")
        return 1
    print(f"OK: under {BUDGET_MS} ms warm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
