"""Settings fail closed, and the environment switches services as documented.

Settings modules are read once per process, so each variant is loaded in a
fresh Python process with a clean environment.
"""

import json
import subprocess
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

import pytest

from cms import env

REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "WAGTAILADMIN_BASE_URL"]
PRINT_SERVICES = """
import json
import django
from django.conf import settings
django.setup()
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"]["LOCATION"],
    "q_cluster": settings.Q_CLUSTER,
    "debug": settings.DEBUG,
}))
"""


def run_python(args: list[str], settings_module: str, **variables: str):
    """Run the project's Python with only the given environment variables."""
    environment = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": settings_module}
    environment.update(variables)
    return subprocess.run(  # noqa: S603 (fixed arguments from this module)
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_environment(tmp_path) -> dict[str, str]:
    return {
        "SECRET_KEY": "x" * 20 + "-a-long-random-enough-value-for-the-deploy-check-" + "y" * 20,
        "ALLOWED_HOSTS": "press.example.kz",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://press.example.kz",
    }


class TestProductionSettings:
    def test_refuse_to_start_naming_every_missing_variable(self):
        result = run_python(["-c", "import django; django.setup()"], "cms.settings.production")

        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        last_line = result.stderr.strip().splitlines()[-1]
        for name in REQUIRED:
            assert name in last_line

    @pytest.mark.parametrize("present", REQUIRED)
    def test_name_only_what_is_missing(self, present, tmp_path):
        variables = {present: production_environment(tmp_path)[present]}
        result = run_python(
            ["-c", "import django; django.setup()"], "cms.settings.production", **variables
        )

        assert result.returncode != 0
        last_line = result.stderr.strip().splitlines()[-1]
        assert present not in last_line
        for name in set(REQUIRED) - {present}:
            assert name in last_line

    def test_blank_values_count_as_missing(self):
        blank = dict.fromkeys(REQUIRED, "  ")
        result = run_python(
            ["-c", "import django; django.setup()"], "cms.settings.production", **blank
        )

        assert result.returncode != 0
        assert all(name in result.stderr for name in REQUIRED)

    def test_pass_the_deploy_checks_when_configured(self, tmp_path):
        result = run_python(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            "cms.settings.production",
            **production_environment(tmp_path),
        )

        assert result.returncode == 0, result.stderr
        assert "no issues" in result.stdout

    def test_are_production_like(self, tmp_path):
        result = run_python(
            ["-c", PRINT_SERVICES], "cms.settings.production", **production_environment(tmp_path)
        )

        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["debug"] is False


class TestRedisUrl:
    def test_without_it_cache_is_local_memory_and_queue_uses_the_database(self):
        result = run_python(["-c", PRINT_SERVICES], "cms.settings.test")

        assert result.returncode == 0, result.stderr
        services = json.loads(result.stdout)
        assert services["cache"] == "django.core.cache.backends.locmem.LocMemCache"
        assert services["q_cluster"]["orm"] == "default"
        assert "redis" not in services["q_cluster"]

    def test_switches_cache_and_queue_broker_to_redis(self):
        url = "redis://redis.internal:6379/2"
        result = run_python(["-c", PRINT_SERVICES], "cms.settings.test", REDIS_URL=url)

        assert result.returncode == 0, result.stderr
        services = json.loads(result.stdout)
        assert services["cache"] == "agency.redis_cache.TolerantRedisCache"
        assert services["cache_location"] == url
        assert services["q_cluster"]["redis"] == url
        assert "orm" not in services["q_cluster"]


class TestEnvReaders:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [("1", True), ("true", True), (" Yes ", True), ("ON", True)]
        + [("0", False), ("false", False), ("no", False), ("off", False), ("", False)],
    )
    def test_get_bool(self, monkeypatch, raw, expected):
        monkeypatch.setenv("BASPASOZ_FLAG", raw)
        assert env.get_bool("BASPASOZ_FLAG", default=not expected) is expected

    def test_get_bool_default(self, monkeypatch):
        monkeypatch.delenv("BASPASOZ_FLAG", raising=False)
        assert env.get_bool("BASPASOZ_FLAG", default=True) is True

    @pytest.mark.parametrize("raw", ["maybe", "2", "yes please"])
    def test_get_bool_malformed(self, monkeypatch, raw):
        monkeypatch.setenv("BASPASOZ_FLAG", raw)
        with pytest.raises(ImproperlyConfigured, match="BASPASOZ_FLAG"):
            env.get_bool("BASPASOZ_FLAG")

    def test_get_int(self, monkeypatch):
        monkeypatch.setenv("BASPASOZ_NUMBER", " 42 ")
        assert env.get_int("BASPASOZ_NUMBER", 7) == 42
        monkeypatch.setenv("BASPASOZ_NUMBER", "")
        assert env.get_int("BASPASOZ_NUMBER", 7) == 7
        monkeypatch.delenv("BASPASOZ_NUMBER")
        assert env.get_int("BASPASOZ_NUMBER", 7) == 7

    @pytest.mark.parametrize("raw", ["4.5", "ten", "0x10"])
    def test_get_int_malformed(self, monkeypatch, raw):
        monkeypatch.setenv("BASPASOZ_NUMBER", raw)
        with pytest.raises(ImproperlyConfigured, match="BASPASOZ_NUMBER"):
            env.get_int("BASPASOZ_NUMBER", 7)

    def test_get_list(self, monkeypatch):
        monkeypatch.setenv("BASPASOZ_HOSTS", " press.example.kz, ,www.press.example.kz ,")
        assert env.get_list("BASPASOZ_HOSTS") == ["press.example.kz", "www.press.example.kz"]
        monkeypatch.setenv("BASPASOZ_HOSTS", "")
        assert env.get_list("BASPASOZ_HOSTS", ["default"]) == []
        monkeypatch.delenv("BASPASOZ_HOSTS")
        assert env.get_list("BASPASOZ_HOSTS", ["default"]) == ["default"]

    def test_get_str_strips(self, monkeypatch):
        monkeypatch.setenv("BASPASOZ_TEXT", "  value \n")
        assert env.get_str("BASPASOZ_TEXT") == "value"

    def test_require_names_every_missing_variable(self, monkeypatch):
        monkeypatch.setenv("BASPASOZ_SET", "yes")
        monkeypatch.setenv("BASPASOZ_BLANK", " ")
        monkeypatch.delenv("BASPASOZ_UNSET", raising=False)
        with pytest.raises(ImproperlyConfigured) as error:
            env.require("BASPASOZ_SET", "BASPASOZ_BLANK", "BASPASOZ_UNSET")
        assert "BASPASOZ_BLANK, BASPASOZ_UNSET" in str(error.value)
        assert "BASPASOZ_SET" not in str(error.value)
