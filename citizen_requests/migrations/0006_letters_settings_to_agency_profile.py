"""The operator's BIN and the default signatory move from the request settings to the agency
profile (every language's profile gets the values that were set; blanks stay blank)."""

from django.db import migrations

FIELDS = {
    "operator_bin": "bin",
    "signatory_name": "signatory_name",
    "signatory_position": "signatory_position",
}


def forwards(apps, schema_editor):
    RequestSettings = apps.get_model("citizen_requests", "RequestSettings")
    AgencyProfile = apps.get_model("agency", "AgencyProfile")
    settings = RequestSettings.objects.first()
    if settings is None:
        return
    for old, new in FIELDS.items():
        value = getattr(settings, old)
        if value:
            AgencyProfile.objects.filter(**{new: ""}).update(**{new: value})


def backwards(apps, schema_editor):
    RequestSettings = apps.get_model("citizen_requests", "RequestSettings")
    AgencyProfile = apps.get_model("agency", "AgencyProfile")
    Locale = apps.get_model("wagtailcore", "Locale")
    settings = RequestSettings.objects.first()
    default = Locale.objects.order_by("pk").first()
    profile = AgencyProfile.objects.filter(locale=default).first() or AgencyProfile.objects.first()
    if settings is None or profile is None:
        return
    for old, new in FIELDS.items():
        setattr(settings, old, getattr(profile, new))
    settings.save()


class Migration(migrations.Migration):
    dependencies = [
        ("citizen_requests", "0005_move_models_to_agency"),
        ("agency", "0002_register_series_and_profile_letters"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("requestsettings", "operator_bin"),
        migrations.RemoveField("requestsettings", "signatory_name"),
        migrations.RemoveField("requestsettings", "signatory_position"),
    ]
