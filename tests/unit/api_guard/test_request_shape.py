"""What a request body must look like before anything is parsed (pure)."""
import pytest

from plugins.api_guard.request_shape import MAX_BATCH, batch_problem, entry_problem, params_problem


def nested(levels):
    return [nested(levels - 1)] if levels else 1


@pytest.mark.parametrize("body, ok", [
    ({"query": "{ shop { name } }"}, True),
    ([{"query": "{ shop { name } }"}], True),
    ([], True),
    ([{}] * MAX_BATCH, True),
    ([{}] * (MAX_BATCH + 1), False),
    ("{ shop { name } }", False),
    (12, False),
    (1.5, False),
    (None, False),
    (True, False),
])
def test_batch(body, ok):
    assert (batch_problem(body) is None) is ok


@pytest.mark.parametrize("entry, ok", [
    ({"query": "x"}, True), ("x", False), (3, False), (None, False), ([{}], False),
])
def test_entry(entry, ok):
    assert (entry_problem(entry) is None) is ok


@pytest.mark.parametrize("query, variables, operation, ok", [
    ("{ shop { name } }", None, None, True),
    ("{ shop { name } }", {"a": 1}, "Shop", True),
    (None, None, None, False),
    ("", None, None, False),
    ("   ", None, None, False),
    (["{ shop { name } }"], None, None, False),
    ({"query": "x"}, None, None, False),
    ("{ shop { name } }", "{}", None, False),
    ("{ shop { name } }", [], None, False),
    ("{ shop { name } }", 3, None, False),
    ("{ shop { name } }", None, 3, False),
    ("{ shop { name } }", None, ["A"], False),
    ("{ shop\x00 { name } }", None, None, False),
    ("{ shop { name } }", {"q": "a\x00b"}, None, False),
    ("{ shop { name } }", {"input": {"lines": [{"note": "\x00"}]}}, None, False),
    ("{ shop { name } }", {"k\x00": 1}, None, False),
    ("{ shop { name } }", None, "A\x00", False),
    ("{ shop { name } }", {"deep": nested(200)}, None, False),  # no variable of ours is that deep
])
def test_params(query, variables, operation, ok):
    problem = params_problem(query, variables, operation)
    assert (problem is None) is ok
    if problem:
        assert problem.endswith(".")
