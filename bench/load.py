"""Load with wrk (bench/lua/resident.lua): residents' visits against each server,
stepping the number of concurrent residents, servers alternating at every step.

Only 127.0.0.1 targets; every run of wrk is bounded in time (and by a timeout).
"""
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from . import queries
from .queries import Features

SCRIPT = Path(__file__).resolve().parent / "lua" / "resident.lua"
P95_LIMIT_MS = 500
MAX_ERROR_RATE = 0.01

# A visit: two listings, three product pages, a search, a basket; one visit in four
# goes on to check out. About 85 % of requests are reads.
VISIT = ["listing", "product", "search", "product", "listing", "product", "basket"]
CHECKOUT_SHARE = 0.25


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(text: str) -> str:
    return f"[==[{text}]==]"


def _body(query: str, variables_template: str) -> str:
    """A JSON body with string.format placeholders in its variables only."""
    return '{"query": %s, "variables": %s}' % (
        json.dumps(query).replace("%", "%%"), variables_template
    )


def write_data_file(directory: Path, name: str, features: Features, dataset: dict,
                    visit=VISIT, checkout_share=CHECKOUT_SHARE) -> Path:
    address = json.dumps(queries.RESIDENT_ADDRESS).replace("%", "%%")
    checkout_steps = ["address", "billing", "method"]
    if features.delivery_slots:
        checkout_steps += ["slots", "slot"]
    checkout_steps += ["pay", "complete"]
    listing_query, listing_variables = queries.listing(features)
    entries = {
        "listing": _body(listing_query, json.dumps(listing_variables)),
        "product": _body(queries.product_page(features, "")[0], '{"id": "%s"}'),
        "search": _body(queries.search(features, "")[0], '{"first": 24, "term": "%s"}'),
        "basket": _body(queries.CHECKOUT_CREATE,
                        '{"input": {"email": "bench-load-%d@paris16.example", "lines": [%s]}}'),
        "address": _body(queries.shipping_address_update(features), '{"c": "%s", "a": ' + address + "}"),
        "billing": _body(queries.BILLING_ADDRESS_UPDATE, '{"c": "%s", "a": ' + address + "}"),
        "method": _body(queries.SHIPPING_METHOD_UPDATE, '{"c": "%s", "m": "%s"}'),
        "slots": _body(queries.DELIVERY_SLOTS, '{"c": "%s"}'),
        "slot": _body(queries.DELIVERY_SLOT_UPDATE, '{"c": "%s", "s": "%s"}'),
        "pay": _body(queries.PAYMENT_CREATE, '{"c": "%s"}'),
        "complete": _body(queries.CHECKOUT_COMPLETE, '{"c": "%s"}'),
    }

    def lua_list(values):
        return "{" + ", ".join(_lua_string(v) for v in values) + "}"

    lines = ["return {", f"  checkout_share = {checkout_share},",
             f"  visit = {lua_list(visit)},",
             f"  checkout_steps = {lua_list(checkout_steps)},"]
    lines += [f"  {key} = {_lua_string(value)}," for key, value in entries.items()]
    lines += [
        f"  variants = {lua_list(dataset['variants'])},",
        f"  products = {lua_list(dataset['products'])},",
        # JSON-escaped without quotes: they are pasted inside a JSON string.
        f"  terms = {lua_list(json.dumps(t)[1:-1] for t in dataset['terms'])},",
        "}",
    ]
    path = directory / f"{name}.lua"
    path.write_text("\n".join(lines))
    return path


def run_wrk(api_url: str, data_file: Path, connections: int, seconds: int) -> dict:
    assert api_url.startswith("http://127.0.0.1:"), "load only ever targets this machine"
    command = [
        "wrk", f"-t{connections}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s",
        "-s", str(SCRIPT), api_url, "--", str(data_file),
    ]
    output = subprocess.run(command, capture_output=True, timeout=seconds + 60).stdout.decode()
    line = next((l for l in output.splitlines() if l.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result:\n{output[-2000:]}")
    raw = json.loads(line[len("BENCH_JSON "):])
    requests_done = max(raw["requests"], 1)
    failures = raw["socket_errors"] + raw["timeouts"] + raw["app_errors"]
    return {
        "connections": connections,
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "error_rate": round(min(failures / requests_done, 1.0), 4),
        "requests": raw["requests"],
        "orders": raw["orders"],
    }


def capacity(steps: list) -> dict:
    """The best throughput whose p95 stays under the limit with (almost) no errors."""
    good = [s for s in steps if s["p95_ms"] < P95_LIMIT_MS and s["error_rate"] <= MAX_ERROR_RATE]
    best = max(good, key=lambda s: s["rps"]) if good else None
    return {
        "rps_at_p95_under_500ms": best["rps"] if best else 0.0,
        "connections": best["connections"] if best else None,
        "p95_ms": best["p95_ms"] if best else None,
        "error_rate": best["error_rate"] if best else None,
        "max_error_rate": max((s["error_rate"] for s in steps), default=None),
    }


def step_load(servers: dict, data_files: dict, connection_steps: list, seconds: int,
              deadline: float) -> dict:
    """servers: name -> api url. Steps up until a server's p95 passes the limit."""
    steps = {name: [] for name in servers}
    saturated = set()
    for connections in connection_steps:
        for name, url in servers.items():
            if name in saturated or time.time() + seconds > deadline:
                continue
            result = run_wrk(url, data_files[name], connections, seconds)
            steps[name].append(result)
            if result["p95_ms"] >= P95_LIMIT_MS:
                saturated.add(name)
    return {name: {"steps": s, **capacity(s)} for name, s in steps.items()}


def fixed_load(servers: dict, data_files: dict, connections: int, seconds: int,
               rounds: int) -> dict:
    """Throughput at a fixed concurrency, servers alternating, `rounds` times each."""
    runs = {name: [] for name in servers}
    names = list(servers)
    for index in range(rounds):
        order = names[index % len(names):] + names[:index % len(names)]
        for name in order:
            runs[name].append(run_wrk(servers[name], data_files[name], connections, seconds))
    return {
        name: {
            "rps": round(statistics.median(r["rps"] for r in results), 1),
            "p95_ms": round(statistics.median(r["p95_ms"] for r in results), 1),
            "error_rate": max(r["error_rate"] for r in results),
            "runs": results,
        }
        for name, results in runs.items()
    }


def data_directory() -> Path:
    return Path(tempfile.mkdtemp(prefix="p16-bench-"))
