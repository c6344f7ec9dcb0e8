"""``/healthz``: what a load balancer or uptime monitor sees.

Failures are real: the cache and the queue broker are pointed at a Redis port
where nothing listens.
"""

from django.conf import settings
from django.test import override_settings

import pytest
from django_q.tasks import async_task

DEAD_REDIS = "redis://127.0.0.1:1/0"

pytestmark = pytest.mark.django_db


def test_all_up_answers_200_with_every_component(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["components"]) == {"database", "cache", "queue"}
    assert all(c["status"] == "ok" for c in body["components"].values())
    queue = body["components"]["queue"]
    assert queue["broker"] == ("redis" if "redis" in settings.Q_CLUSTER else "orm")
    assert queue["pending"] == 0


def test_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/healthz")


def test_answers_head_and_refuses_post(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_cache_down_answers_503_naming_the_cache(client):
    dead_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": DEAD_REDIS,
        }
    }
    # override_settings(CACHES=...) makes Django rebuild django.core.cache.caches.
    with override_settings(CACHES=dead_cache):
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["components"]["cache"] == {"status": "down", "error": "ConnectionError"}
    assert body["components"]["database"]["status"] == "ok"
    assert body["components"]["queue"]["status"] == "ok"


def test_queue_down_answers_503_naming_the_queue(client):
    dead_broker = {**settings.Q_CLUSTER, "redis": DEAD_REDIS}
    dead_broker.pop("orm", None)
    with override_settings(Q_CLUSTER=dead_broker):
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["components"]["queue"] == {"status": "down", "error": "ConnectionError"}
    assert body["components"]["cache"]["status"] == "ok"


def test_queue_counts_jobs_waiting_on_the_broker(client, broker):
    async_task("math.floor", 1.5)
    response = client.get("/healthz")

    assert response.json()["components"]["queue"]["pending"] == 1
