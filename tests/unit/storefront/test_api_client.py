"""The storefront's API client: one request per call, anonymous reads cached, errors surfaced."""
import pytest

from storefront_theme import api


@pytest.fixture
def calls(monkeypatch):
    """A stand-in for the HTTP hop that records what the storefront sends."""
    sent = []

    def transport(url, body, headers):
        sent.append((url, body, headers))
        if "boom" in body["query"]:
            return {"data": None, "errors": [{"message": "Cannot query field"}]}
        return {"data": {"echo": body["variables"]}}

    monkeypatch.setattr(api, "transport", transport)
    api.reset_stats()
    return sent


def test_execute_sends_the_token_and_counts_the_call(calls, settings):
    settings.STOREFRONT_API_URL = "http://api.example/graphql/"
    assert api.execute("{ echo }", {"a": 1}, token="t0k") == {"echo": {"a": 1}}
    assert calls == [("http://api.example/graphql/", {"query": "{ echo }", "variables": {"a": 1}},
                      {"Authorization": "JWT t0k"})]
    assert api.stats()[0] == 1


def test_graphql_errors_become_api_unavailable(calls):
    with pytest.raises(api.ApiUnavailable):
        api.execute("{ boom }")


def test_cached_reads_ask_the_api_once_per_query_and_variables(calls):
    from django.core.cache import cache

    cache.clear()
    first = api.cached("{ echo }", {"q": "pain"})
    again = api.cached("{ echo }", {"q": "pain"})
    other = api.cached("{ echo }", {"q": "fromage"})
    assert first == again and other != first
    assert len(calls) == 2
    assert all("Authorization" not in headers for _url, _body, headers in calls)


def test_cache_keys_differ_per_api_address(calls, settings):
    from django.core.cache import cache

    cache.clear()
    api.cached("{ echo }")
    settings.STOREFRONT_API_URL = "http://other-host/graphql/"
    api.cached("{ echo }")
    assert len(calls) == 2


def test_edges_of_a_null_connection_is_empty():
    assert api.edges(None) == []
    assert api.edges({"edges": [{"node": 1}, {"node": 2}]}) == [1, 2]


def test_partial_answers_are_used_only_when_asked(monkeypatch):
    answer = {"data": {"product": {"name": "Baguette", "pricing": None}},
              "errors": [{"message": "price failed", "path": ["product", "pricing"]}]}
    monkeypatch.setattr(api, "transport", lambda url, body, headers: answer)
    with pytest.raises(api.ApiUnavailable):
        api.execute("{ product { name pricing } }")
    assert api.execute("{ product { name pricing } }", partial=True) == answer["data"]


def test_a_failed_query_is_never_partial(monkeypatch):
    monkeypatch.setattr(api, "transport", lambda url, body, headers: {"data": None, "errors": [{"message": "x"}]})
    with pytest.raises(api.ApiUnavailable):
        api.execute("{ x }", partial=True)
