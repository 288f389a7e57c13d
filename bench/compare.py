"""Latency over real HTTP, the same requests alternating between servers.

Servers are visited in a rotating order on every round, so that a slow moment of this
shared machine hits each of them alike; one request at a time (no self-contention).
"""
import random
import time

import requests

from . import flows, queries
from .stats import summary


class HTTPClient:
    def __init__(self, api_url: str):
        self.api_url = api_url
        self.session = requests.Session()
        self.timings = []   # (label, seconds)

    def execute(self, label: str, query: str, variables: dict) -> dict:
        started = time.perf_counter()
        response = self.session.post(
            self.api_url, json={"query": query, "variables": variables}, timeout=60
        )
        elapsed = time.perf_counter() - started
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise AssertionError(f"{label}: {response.status_code} {str(body.get('errors'))[:300]}")
        self.timings.append((label, elapsed))
        return body["data"]


def _rotations(names: list, rounds: int):
    for index in range(rounds):
        shift = index % len(names)
        yield names[shift:] + names[:shift]


def read_latencies(servers: dict, request_for, rounds: int, warmup: int = 3) -> dict:
    """servers: name -> api url; request_for(name, round) -> (query, variables)."""
    clients = {name: HTTPClient(url) for name, url in servers.items()}
    samples = {name: [] for name in servers}
    for round_index, order in enumerate(_rotations(list(servers), rounds + warmup)):
        for name in order:
            client = clients[name]
            client.execute("read", *request_for(name, round_index))
            if round_index >= warmup:
                samples[name].append(client.timings[-1][1])
    return {name: summary(values) for name, values in samples.items()}


def checkout_latencies(servers: dict, features: dict, shops: list, shop_count: int,
                       rounds: int, deadline: float) -> dict:
    """Whole checkouts, alternating; per step latency distributions per server."""
    rng = random.Random(shop_count)
    clients = {name: HTTPClient(url) for name, url in servers.items()}
    errors = {name: [] for name in servers}
    completed = {name: 0 for name in servers}
    for index, (lines, order) in enumerate(zip(
        flows.baskets(shops, shop_count, rounds, rng), _rotations(list(servers), rounds)
    )):
        if time.time() > deadline:
            break
        for name in order:
            client = clients[name]
            before = len(client.timings)
            try:
                flows.checkout(client.execute, lines, features[name],
                               f"bench-{name}-{shop_count}-{index}@paris16.example", rng)
                completed[name] += 1
                client.timings.append(("flow", sum(t for _, t in client.timings[before:])))
            except (flows.FlowError, AssertionError, requests.RequestException) as error:
                errors[name].append(str(error)[:300])
                del client.timings[before:]   # a failed flow's steps are not comparable
    result = {}
    for name, client in clients.items():
        steps = {}
        for label, seconds in client.timings:
            steps.setdefault(label, []).append(seconds)
        result[name] = {
            "steps": {label: summary(values) for label, values in steps.items()},
            "completed": completed[name],
            "errors": errors[name][:3],
            "error_count": len(errors[name]),
        }
    return result
