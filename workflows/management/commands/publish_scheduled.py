"""Wagtail's ``publish_scheduled``, except that one blocked page does not stop the others.

The django-q2 schedule (``cms/migrations/0002_schedule_publish_scheduled.py``) runs this command
every minute. The publication guard refuses a scheduled revision that was never cleared, or
whose content now matches a blocking stop-list term; Wagtail's own command would stop at that
exception and leave every page after it unpublished. Here each publication runs in its own
transaction: a refused one is rolled back, its schedule is cancelled (so it is not retried every
minute), the refusal is written to the page's audit log, and the run goes on.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.management.commands import publish_scheduled
from wagtail.models import Revision

from workflows.guard import PublicationBlocked


class Command(publish_scheduled.Command):
    help = "Publish and unpublish scheduled pages and snippets; blocked pages are skipped."

    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)
        self.unpublish_expired()
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).order_by(
            "approved_go_live_at"
        )
        for revision in list(due):
            try:
                with transaction.atomic():
                    revision.publish(log_action="wagtail.publish.scheduled")
            except PublicationBlocked as blocked:
                self.cancel(revision, blocked)

    def unpublish_expired(self):
        """Step 1 of Wagtail's command, unchanged: unpublish what has expired."""
        models = [publish_scheduled.Page]
        models += [
            model
            for model in publish_scheduled.apps.get_models()
            if issubclass(model, publish_scheduled.DraftStateMixin)
            and not issubclass(model, publish_scheduled.Page)
        ]
        for model in models:
            expired = model.objects.filter(live=True, expire_at__lt=timezone.now())
            for obj in list(expired.order_by("expire_at")):
                obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")

    def cancel(self, revision, blocked: PublicationBlocked):
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        page = revision.content_object
        log(
            instance=page,
            action="workflows.publication_blocked",
            revision=revision,
            data={"comment": blocked.message, "scheduled": True},
        )
        self.stderr.write(f"Not published: {blocked.message}")
