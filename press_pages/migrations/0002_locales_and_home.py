"""Create the kk, ru and en locales and make a kk ``HomePage`` the site root.

Replaces Wagtail's placeholder "Welcome" page, as Wagtail's project template
does, so a freshly migrated database already serves a home page.
"""

from django.db import migrations

LANGUAGES = ["kk", "ru", "en"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("press_pages.HomePage")

    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    kk = Locale.objects.get(language_code="kk")

    if HomePage.objects.exists():
        return
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="press_pages")
    root = Page.objects.get(depth=1)
    path = f"{root.path}{(root.numchild + 1):04d}"
    while Page.objects.filter(path=path).exists():
        root.numchild += 1
        path = f"{root.path}{(root.numchild + 1):04d}"
    home = HomePage.objects.create(
        title="Басты бет",
        draft_title="Басты бет",
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=kk,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page_id = home.pk
        site.save(update_fields=["root_page"])
    else:
        Site.objects.create(
            hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("press_pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
