"""Staff sign-in: the second factor before the admin, lockout, administrators' reset and
unlock (written to the audit log), and the idle limit of staff sessions."""

import datetime
import json
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from wagtail.admin.localization import get_available_admin_languages
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry
from wagtail.users.models import UserProfile

import django_otp_webauthn
import polib
import pytest
from axes.models import AccessAttempt
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from agency.staff_auth import factors
from agency.staff_auth.passkeys import relying_party_id
from tests.signin import current_code, fresh_code, staff_login, totp_device

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-2026"
ADMIN = "/admin/"


def colleague(username="officer", **extra):
    """A member of staff: may use the admin, nothing more."""
    user = get_user_model().objects.create_user(username, f"{username}@example.kz", PASSWORD)
    group, _created = Group.objects.get_or_create(name="Admin users")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    for name, value in extra.items():
        setattr(user, name, value)
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the assertions read English messages
    profile.save()
    return user


def administrator(username="root"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.kz", PASSWORD)


def next_of(response) -> str:
    return parse_qs(urlsplit(response["Location"]).query)["next"][0]


def sign_in(client, username, password=PASSWORD, **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        headers=headers,
    )


# --- the gate -------------------------------------------------------------------------------


def test_password_alone_leads_to_enrolment_and_back(client):
    user = colleague()
    client.force_login(user)
    response = client.get("/admin/pages/?q=x")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff_auth_enrol"))
    assert next_of(response) == "/admin/pages/?q=x"


def test_a_user_with_a_factor_is_sent_to_verify(client):
    user = colleague()
    totp_device(user)
    client.force_login(user)
    response = client.get(ADMIN)
    assert response["Location"].startswith(reverse("staff_auth_verify"))


def test_public_pages_and_sign_out_are_not_gated(client):
    client.force_login(colleague())
    assert client.get("/healthz").status_code == 200
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert client.get(ADMIN)["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_icons_load_on_the_enrolment_page(client):
    """The admin's pages fetch the icon sprite into the page: it must not be the redirect to
    enrolment, or the enrolment page would show inside itself."""
    client.force_login(colleague())
    response = client.get(reverse("wagtailadmin_sprite"))
    assert response.status_code == 200
    assert b"<svg" in response.content


def test_staff_login_passes_both_steps(client):
    staff_login(client, colleague())
    assert client.get(ADMIN).status_code == 200


def test_private_files_are_served_only_under_the_admin():
    """Every view that hands out a private file (agency.private_files) is an admin URL, so the
    second factor guards it."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                view = pattern.callback
                for _depth in range(10):
                    view = getattr(view, "__wrapped__", view)
                module = sys.modules.get(getattr(view, "__module__", ""), None)
                if module is not None and hasattr(module, "private_file_response"):
                    found.append(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns, "")
    assert found, "no private file views found"
    assert all(route.startswith("admin/") for route in found), found


# --- enrolment --------------------------------------------------------------------------------


def test_enrolment_with_an_authenticator_app(client):
    user = colleague()
    client.force_login(user)
    url = f"{reverse('staff_auth_enrol')}?next=/admin/account/"
    page = client.get(url)
    assert page.status_code == 200
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert factors.grouped(factors.secret_base32(device)) in page.content.decode()
    assert "no-store" in page["Cache-Control"]

    wrong = client.post(url, {"code": "000000" if current_code(device) != "000000" else "111111"})
    assert wrong.status_code == 400
    assert client.get(ADMIN).status_code == 302

    done = client.post(url, {"code": fresh_code(device)})
    assert done["Location"].startswith(reverse("staff_auth_security"))
    device.refresh_from_db()
    assert device.confirmed
    codes_page = client.get(done["Location"]).content.decode()
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == factors.RECOVERY_CODE_COUNT
    assert all(code in codes_page for code in codes)
    # Shown once only.
    again = client.get(reverse("staff_auth_security")).content.decode()
    assert not any(code in again for code in codes)
    assert client.get("/admin/account/").status_code == 200
    assert ModelLogEntry.objects.filter(action="agency.second_factor_enrol").exists()


def test_enrolment_refuses_bad_input_without_error(client):
    client.force_login(colleague())
    url = reverse("staff_auth_enrol")
    for code in ["", "x" * 500, "12 34 5\x00"]:
        assert client.post(url, {"code": code}).status_code == 400


# --- verification -----------------------------------------------------------------------------


def test_verify_with_the_app(client):
    user = colleague()
    device = totp_device(user)
    client.force_login(user)
    response = client.post(
        f"{reverse('staff_auth_verify')}?next=/admin/account/", {"code": current_code(device)}
    )
    assert response["Location"] == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200


def test_a_wrong_code_is_refused(client):
    user = colleague()
    device = totp_device(user)
    client.force_login(user)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    response = client.post(reverse("staff_auth_verify"), {"code": wrong})
    assert response.status_code == 400
    assert "not right" in response.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_a_used_app_code_is_not_accepted_again(client):
    user = colleague()
    device = totp_device(user)
    code = current_code(device)
    client.force_login(user)
    assert client.post(reverse("staff_auth_verify"), {"code": code}).status_code == 302
    client.logout()
    client.force_login(user)
    assert client.post(reverse("staff_auth_verify"), {"code": code}).status_code == 400


def test_a_recovery_code_works_once(client):
    user = colleague()
    totp_device(user)
    code = factors.issue_recovery_codes(user)[0]
    client.force_login(user)
    response = client.post(reverse("staff_auth_verify"), {"code": code.upper()}, follow=True)
    assert response.status_code == 200
    assert f"{factors.RECOVERY_CODE_COUNT - 1} codes are left" in response.content.decode()
    assert ModelLogEntry.objects.filter(action="agency.recovery_code_used").count() == 1
    client.logout()
    client.force_login(user)
    assert client.post(reverse("staff_auth_verify"), {"code": code}).status_code == 400


def test_verification_does_not_redirect_off_site(client):
    user = colleague()
    device = totp_device(user)
    client.force_login(user)
    response = client.post(
        f"{reverse('staff_auth_verify')}?next=https://evil.example/", {"code": fresh_code(device)}
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_new_recovery_codes_replace_the_old(client):
    user = colleague()
    old = factors.issue_recovery_codes(user)
    staff_login(client, user)
    page = client.post(reverse("staff_auth_security"), follow=True).content.decode()
    new = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert not set(old) & set(new)
    assert all(code in page for code in new)


def test_passkey_registration_options_are_bound_to_the_admin_host(client):
    """WebAuthn works server-side: the begin step of registering a passkey gives the browser
    options for this host as relying party."""
    client.force_login(colleague())
    response = client.post(
        reverse("otp_webauthn:credential-registration-begin"), content_type="application/json"
    )
    assert response.status_code == 200
    options = response.json()
    assert options["rp"]["id"] == "testserver"
    assert options["user"]["name"] == "officer"


def test_relying_party_is_the_host_without_port(rf):
    assert relying_party_id(rf.get("/", HTTP_HOST="localhost:8000")) == "localhost"


# --- lockout ----------------------------------------------------------------------------------


def test_an_account_locks_after_failures_from_any_address(client, settings):
    settings.PROXY_COUNT = 1
    colleague()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "officer", "wrong", x_forwarded_for=f"10.0.0.{n}")
        assert response.status_code == 200
    sign_in(client, "officer", "wrong", x_forwarded_for="10.0.1.1")
    locked = sign_in(client, "officer", x_forwarded_for="10.0.2.2", accept_language="ru")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Вход заблокирован" in text
    assert "_auth_user_id" not in client.session


def test_an_address_locks_after_failures_for_any_account(client, settings):
    colleague()
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{n}", "wrong")
    locked = sign_in(client, "officer", accept_language="kk")
    assert locked.status_code == 429
    assert "Кіру бұғатталды" in locked.content.decode()


def test_the_lockout_ends_after_the_cool_off(client, settings):
    colleague()
    for _n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "officer", "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(hours=1))
    assert sign_in(client, "officer").status_code == 302


def test_a_sign_in_without_a_connection_address_is_counted_without_one(client):
    """A request made by code has no valid address: it is recorded without one (PostgreSQL
    refuses a non-address in the column)."""
    colleague()
    client.post(
        reverse("wagtailadmin_login"),
        {"username": "officer", "password": "wrong"},
        REMOTE_ADDR="",
    )
    assert AccessAttempt.objects.get().ip_address is None


def test_the_client_address_follows_proxy_count(client, settings):
    settings.PROXY_COUNT = 1
    colleague()
    sign_in(client, "officer", "wrong", x_forwarded_for="203.0.113.9, 198.51.100.7")
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"


def test_an_administrator_unlocks_and_it_is_logged(client, settings):
    colleague()
    for _n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "officer", "wrong")
    root = administrator()
    staff_login(client, root)
    listing = client.get(reverse("staff_auth_signins"))
    assert listing.status_code == 200
    assert "officer" in listing.content.decode()
    attempt = AccessAttempt.objects.get()
    client.post(reverse("staff_auth_unlock", args=[attempt.pk]))
    assert not AccessAttempt.objects.exists()
    entry = ModelLogEntry.objects.get(action="agency.signin_unlock")
    assert entry.user == root
    assert entry.data["username"] == "officer"
    client.logout()
    assert sign_in(client, "officer").status_code == 302


def test_a_colleague_may_not_unlock_or_reset(client):
    user = colleague()
    staff_login(client, user)
    assert client.get(reverse("staff_auth_signins")).status_code == 403
    other = colleague("other")
    assert client.post(reverse("staff_auth_reset", args=[other.pk])).status_code == 403
    assert client.post(reverse("staff_auth_unlock", args=[999])).status_code == 403


# --- reset ------------------------------------------------------------------------------------


def test_an_administrator_resets_a_colleagues_factors_and_it_is_logged(client):
    user = colleague()
    totp_device(user)
    factors.issue_recovery_codes(user)
    root = administrator()
    staff_login(client, root)
    assert client.get(reverse("staff_auth_reset", args=[user.pk])).status_code == 200
    client.post(reverse("staff_auth_reset", args=[user.pk]))
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    entry = ModelLogEntry.objects.get(action="agency.second_factor_reset")
    assert (entry.user, entry.object_id) == (root, str(user.pk))
    other = client.__class__()
    other.force_login(user)
    assert other.get(ADMIN)["Location"].startswith(reverse("staff_auth_enrol"))


def test_only_a_superuser_resets_a_superuser(client):
    editor_of_users = colleague("hr")
    editor_of_users.user_permissions.add(Permission.objects.get(codename="change_user"))
    root = administrator()
    staff_login(client, editor_of_users)
    assert client.post(reverse("staff_auth_reset", args=[root.pk])).status_code == 403
    assert client.get(reverse("staff_auth_signins")).status_code == 200


def test_the_user_listing_offers_the_reset(client):
    colleague()
    staff_login(client, administrator())
    page = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert (
        reverse("staff_auth_reset", args=[get_user_model().objects.get(username="officer").pk])
        in page
    )


# --- idle sessions ----------------------------------------------------------------------------


def test_a_staff_session_expires_after_the_idle_time(client, settings):
    settings.STAFF_IDLE_MINUTES = 5
    staff_login(client, colleague())
    client.get(ADMIN)
    assert client.session.get_expiry_age() == 300
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(ADMIN)
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_activity_keeps_the_session_alive(client, settings):
    settings.STAFF_IDLE_MINUTES = 5
    staff_login(client, colleague())
    client.get(ADMIN)
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(seconds=30))
    client.get(ADMIN)
    assert Session.objects.get().expire_date > timezone.now() + datetime.timedelta(minutes=4)


def test_visitors_sessions_are_untouched(client, settings):
    client.get("/healthz")
    assert "_session_expiry" not in client.session


# --- outside the admin --------------------------------------------------------------------


def restricted_document():
    """A document in a collection that only signed-in people may open."""
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Ішкі құжаттар")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Ішкі есеп", collection=collection, file=ContentFile(b"%PDF-1.4\n", name="ishki.pdf")
    )
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def test_a_session_without_its_second_factor_is_anonymous_outside_the_admin(client):
    url = restricted_document()
    client.force_login(colleague())
    response = client.get(url)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("staff_auth_verify")
    assert next_of(response) == url
    # Anonymous visitors take the same way, through the admin's sign-in first.
    client.logout()
    verify = client.get(client.get(url)["Location"])
    assert urlsplit(verify["Location"]).path == reverse("wagtailadmin_login")


def test_a_session_past_its_second_factor_opens_what_signed_in_people_may(client):
    url = restricted_document()
    staff_login(client, colleague())
    assert client.get(url).status_code == 200


# --- the passkey scripts' messages ------------------------------------------------------------


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_passkey_scripts_speak_the_admin_language(client, language):
    """django-otp-webauthn's scripts ship their messages in five languages, neither Kazakh nor
    Russian; the project's catalogue gives every one of them."""
    shipped = Path(django_otp_webauthn.__file__).parent / "locale" / "de" / "LC_MESSAGES"
    messages = [entry.msgid for entry in polib.pofile(str(shipped / "djangojs.po"))]
    ours = polib.pofile(
        str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "djangojs.po")
    )
    translated = {entry.msgid for entry in ours.translated_entries()}
    assert set(messages) <= translated, set(messages) - translated

    user = colleague()
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    client.force_login(user)
    catalogue = client.get(reverse("otp_webauthn:js-i18n-catalog")).content.decode()
    # The catalogue is JavaScript with the texts escaped as JSON strings.
    assert json.dumps(ours.find("Verify with Passkey").msgstr)[1:-1] in catalogue


# --- the admin's language -------------------------------------------------------------------


def test_a_new_account_works_in_kazakh_whatever_its_browser_says(client):
    user = get_user_model().objects.create_user("newcomer", "newcomer@example.kz", PASSWORD)
    user.groups.add(Group.objects.get_or_create(name="Admin users")[0])
    user.groups.first().permissions.add(Permission.objects.get(codename="access_admin"))
    assert UserProfile.get_for_user(user).preferred_language == "kk"
    staff_login(client, user)

    response = client.get(ADMIN, headers={"accept-language": "ru,en;q=0.8"})

    assert response.status_code == 200
    text = response.content.decode()
    assert '<html lang="kk"' in text
    with translation.override("kk"):
        dashboard = translation.gettext("Dashboard")
    assert dashboard != "Dashboard" and dashboard in text


def test_staff_may_choose_russian_or_english(client):
    assert [code for code, _name in get_available_admin_languages()] == ["kk", "ru", "en"]
