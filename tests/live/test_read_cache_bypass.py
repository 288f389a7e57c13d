"""The anonymous read cache can be neither bypassed nor poisoned (real gunicorn, Redis).

A write sent any way Saleor's view accepts (a batch, `application/graphql`, a form, a
multipart upload, a named operation) invalidates it; an answer that depends on the
address the client called, on a cookie or on credentials is never served to another.
`productBulkPublish` is the write used: Saleor runs it as one `UPDATE` that sends no
Django signal, so only the API path can invalidate after it.
"""
import json
import threading
import time

import pytest
import requests

from tests.live.test_read_cache import OPERATOR

pytestmark = [pytest.mark.live, pytest.mark.django_db]

WATCH = "query Watch($id: ID!) { product(id: $id) { id name } }"
FIRST_PRODUCT = "{ products(first: 1, sortBy: {field: NAME, direction: DESC}) { edges { node { id } } } }"
PUBLISH = 'productBulkPublish(ids: ["%s"], isPublished: %s) { count productErrors { code } }'
DOMAIN = "{ shop { domain { url } } }"


def _post(server, **kwargs) -> requests.Response:
    response = requests.post(server.api_url, timeout=60, **kwargs)
    assert response.status_code == 200, response.text[:500]
    return response


def _batch_first(server, token, mutation):
    return _post(server, headers={"Authorization": f"JWT {token}"},
                 json=[{"query": f"mutation {{ {mutation} }}"}, {"query": "{ shop { name } }"}])


def _batch_second(server, token, mutation):
    return _post(server, headers={"Authorization": f"JWT {token}"},
                 json=[{"query": "{ shop { name } }"}, {"query": f"mutation {{ {mutation} }}"}])


def _graphql_body(server, token, mutation):
    return _post(server, data=f"mutation {{ {mutation} }}".encode(),
                 headers={"Authorization": f"JWT {token}", "Content-Type": "application/graphql"})


def _form(server, token, mutation):
    return _post(server, headers={"Authorization": f"JWT {token}"},
                 data={"query": f"mutation {{ {mutation} }}"})


def _multipart(server, token, mutation):
    operations = json.dumps({"query": f"mutation {{ {mutation} }}", "variables": {}})
    return _post(server, headers={"Authorization": f"JWT {token}"},
                 files={"operations": (None, operations), "map": (None, "{}")})


def _named_operation(server, token, mutation):
    return _post(server, headers={"Authorization": f"JWT {token}"}, json={
        "query": f"query Read {{ shop {{ name }} }} mutation Write {{ {mutation} }}",
        "operationName": "Write",
    })


@pytest.fixture
def watched(site_server):
    """An anonymous product read, served from the cache, and the operator's token."""
    if not site_server.celery:
        pytest.skip("no Redis: the read cache is off")
    operator = site_server.login(OPERATOR)
    product_id = site_server.client().data(FIRST_PRODUCT)["products"]["edges"][0]["node"]["id"]
    variables = {"id": product_id}
    _post(site_server, json={"query": WATCH, "variables": variables})
    hit = _post(site_server, json={"query": WATCH, "variables": variables})
    assert hit.headers.get("X-Read-Cache") == "hit" and hit.json()["data"]["product"]
    yield product_id, operator
    operator.data(f"mutation {{ {PUBLISH % (product_id, 'true')} }}")


@pytest.mark.parametrize("send", [
    _batch_first, _batch_second, _graphql_body, _form, _multipart, _named_operation,
])
def test_a_write_sent_any_way_invalidates_the_cache(site_server, watched, send):
    product_id, operator = watched
    answer = send(site_server, operator.token, PUBLISH % (product_id, "false"))
    assert '"count": 1' in answer.text.replace('"count":1', '"count": 1'), answer.text[:500]
    read = _post(site_server, json={"query": WATCH, "variables": {"id": product_id}})
    assert read.json()["data"]["product"] is None, "an unpublished product is still served"


@pytest.mark.parametrize("headers, url", [
    ({"X-Forwarded-Proto": "https"}, "https://127.0.0.1:{port}/"),
    ({}, "http://127.0.0.1:{port}/"),
    ({"Host": "localhost:{port}"}, "http://localhost:{port}/"),
    ({"Host": "localhost:{port}", "X-Forwarded-Proto": "https"}, "https://localhost:{port}/"),
])
def test_the_address_the_client_called_is_part_of_the_key(site_server, headers, url):
    if not site_server.celery:
        pytest.skip("no Redis: the read cache is off")
    port = site_server.url.rsplit(":", 1)[1]
    # Every variant asked first, so each later answer could come from another's entry.
    for other in ({"X-Forwarded-Proto": "https"}, {}, {"Host": f"localhost:{port}"}):
        _post(site_server, json={"query": DOMAIN}, headers=other)
    headers = {name: value.format(port=port) for name, value in headers.items()}
    for _ in range(2):
        answer = _post(site_server, json={"query": DOMAIN}, headers=headers)
        assert answer.json()["data"]["shop"]["domain"]["url"] == url.format(port=port)


@pytest.mark.parametrize("kwargs", [
    {"cookies": {"sessionid": "a-resident"}},
    {"cookies": {"JWT": "x"}},
    {"headers": {"Authorization": "Bearer an-app-token"}},
    {"headers": {"Authorization": "JWT not-a-token"}},
])
def test_requests_with_credentials_or_cookies_are_never_cached(site_server, kwargs):
    if not site_server.celery:
        pytest.skip("no Redis: the read cache is off")
    query = "{ products(first: 2) { edges { node { name } } } }"
    _post(site_server, json={"query": query})  # the anonymous entry exists
    for _ in range(2):
        answer = requests.post(site_server.api_url, json={"query": query}, timeout=60, **kwargs)
        assert "X-Read-Cache" not in answer.headers


def test_a_batch_of_reads_and_a_get_are_never_served_from_the_cache(site_server):
    if not site_server.celery:
        pytest.skip("no Redis: the read cache is off")
    for _ in range(2):
        batch = _post(site_server, json=[{"query": DOMAIN}, {"query": DOMAIN}])
        assert "X-Read-Cache" not in batch.headers and len(batch.json()) == 2
        get = requests.get(site_server.api_url, params={"query": DOMAIN}, timeout=60)
        assert "X-Read-Cache" not in get.headers


def test_a_hit_carries_the_same_headers_as_the_api(site_server):
    if not site_server.celery:
        pytest.skip("no Redis: the read cache is off")
    query = "{ categories(first: 3) { edges { node { name } } } }"
    first = _post(site_server, json={"query": query})
    hit = _post(site_server, json={"query": query})
    assert hit.headers.get("X-Read-Cache") == "hit"
    for name in ("Content-Type", "Access-Control-Allow-Origin", "Access-Control-Allow-Methods",
                 "Access-Control-Allow-Headers"):
        assert hit.headers.get(name) == first.headers.get(name), name
    assert hit.json() == first.json()


def test_no_read_started_after_a_batched_write_answers_shows_the_old_catalogue(site_server, watched):
    """Residents keep reading from several threads (gunicorn: 3 workers × 4 threads)
    while the operator unpublishes in a batch: every read sent after the operator got
    the answer shows the change, including those racing with the write."""
    product_id, operator = watched
    variables = {"id": product_id}
    reads, stop = [], threading.Event()

    def resident():
        session = requests.Session()
        while not stop.is_set():
            sent = time.monotonic()
            answer = session.post(site_server.api_url, json={"query": WATCH, "variables": variables},
                                  timeout=60).json()
            reads.append((sent, answer["data"]["product"] is not None))

    threads = [threading.Thread(target=resident) for _ in range(6)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)
        _batch_second(site_server, operator.token, PUBLISH % (product_id, "false"))
        answered = time.monotonic()
        time.sleep(1.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    before = [shown for sent, shown in reads if sent < answered]
    after = [shown for sent, shown in reads if sent > answered]
    assert any(before) and len(after) > 10, (len(before), len(after))
    assert not any(after), f"{sum(after)} of {len(after)} reads after the write showed the old product"
