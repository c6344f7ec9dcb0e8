"""Insert many pages under one parent quickly, for benchmark-sized demos."""

from django.db.models import F

from wagtail.models import Page

from workflows.mixins import is_guarded


def append_child_pages(parent: Page, pages: list[Page]) -> None:
    """Append unsaved specific ``pages`` as the last children of ``parent``.

    ``Page.add_child`` costs several queries and signal handlers per page.
    Here the ``Page`` rows go in with one bulk insert; each specific row (say
    ``NewsPage``) follows with a raw save, because Django cannot bulk-create
    multi-table children. A raw save writes only the child table and fires no
    search or reference indexing, which the caller does in bulk if it wants.

    The pages must have their own fields and the ``Page`` fields a page needs
    (``live``, ``content_type``, ``locale``…); the tree position (``path``,
    ``depth``, ``url_path``) is set here.

    A raw save skips ``Page.save`` and with it the publication guard, so
    moderated page types (news, briefings, answers) may only go in as drafts:
    they go live afterwards through their workflow.
    """
    live = [page for page in pages if page.live and is_guarded(page)]
    if live:
        raise ValueError(
            f"{live[0]!r} and {len(live) - 1} more: moderated pages are inserted as drafts "
            "and go live through their workflow."
        )
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, parent.depth + 1, position + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [
            Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
            for page in pages
        ]
    )
    for page, row in zip(pages, rows, strict=True):
        page.pk = page.id = row.pk
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
