"""The bench's table: printed, and written to bench/results/latest.{json,md}."""
import json
from pathlib import Path

from . import rounds

RESULTS = Path(__file__).resolve().parent / "results"


def _fmt(value, suffix=""):
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}{suffix}"
    return f"{value}{suffix}"


def target_status(value, limit, higher_is_better=False) -> str:
    if value is None:
        return "—"
    met = value >= limit if higher_is_better else value <= limit
    return "ok" if met else "MISSED"


def markdown(results: dict) -> str:
    meta = results["meta"]
    lines = [
        "# Paris 16 Shopping — benchmark",
        "",
        f"Run {meta['started']} on {meta['cpus']} CPU(s), {meta['duration_s']} s, "
        f"git {meta['git']}, {meta.get('postgres') or 'PostgreSQL'}. Every ratio is ours ÷ reference, both measured in this run, "
        "requests alternating between servers. Our features detected: "
        f"{', '.join(meta['features']) or 'none yet'}.",
        "",
        "## Stock Saleor 2.10.1 vs ours (demo district, one request at a time)",
        "",
        "| request | ours median / p95 (ms) | stock median / p95 (ms) | ratio median | ratio p95 | DB queries ours / stock | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["comparisons"]:
        lines.append(
            f"| {row['request']} | {_fmt(row['ours']['median_ms'])} / {_fmt(row['ours']['p95_ms'])} "
            f"| {_fmt(row['stock']['median_ms'])} / {_fmt(row['stock']['p95_ms'])} "
            f"| {_fmt(row['ratio_median'])} | {_fmt(row['ratio_p95'])} "
            f"| {_fmt(row['queries']['ours'])} / {_fmt(row['queries']['stock'])} "
            f"| {row.get('target', '')} |"
        )
    for note in results.get("notes", []):
        lines.append(f"\n> {note}")
    cache = results.get("cache")
    if cache:
        lines += [
            "",
            "## Anonymous read cache (catalogue listing, demo district)",
            "",
            "| server | latency median / p95 (ms) | throughput (req/s, wrk "
            f"{cache['connections']} connections) | ÷ stock |",
            "| --- | --- | --- | --- |",
        ]
        for name in ("stock", "ours", "ours_cached"):
            lines.append(
                f"| {LABELS[name]} | {_fmt(cache['latency'][name]['median_ms'])} / "
                f"{_fmt(cache['latency'][name]['p95_ms'])} | {_fmt(cache['throughput'][name]['rps'])} "
                f"| {_fmt(cache['throughput_ratio'][name])} |"
            )
        lines.append(
            f"\nTarget: cached listing ≥ 5× stock throughput — "
            f"{target_status(cache['throughput_ratio']['ours_cached'], 5, True)}."
        )
    scale = results.get("scale")
    if scale:
        lines += [
            "",
            "## Demo district vs ten times larger (four servers alternating)",
            "",
            f"Demo: {scale['demo_products']} products; ×10: {scale['x10_products']} products.",
            "",
            "| request | ours demo / ×10 p95 (ms) | ours ratio p95 | stock demo / ×10 p95 (ms) | stock ratio p95 | DB queries ours demo / ×10 | target |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for row in scale["rows"]:
            ours, stock = row["ours"], row.get("stock")
            stock_cells = (
                f"{_fmt(stock['demo']['p95_ms'])} / {_fmt(stock['x10']['p95_ms'])} "
                f"| {_fmt(stock['ratio_p95'])}" if stock else "— | —"
            )
            lines.append(
                f"| {row['request']} | {_fmt(ours['demo']['p95_ms'])} / {_fmt(ours['x10']['p95_ms'])} "
                f"| {_fmt(ours['ratio_p95'])} | {stock_cells} "
                f"| {_fmt(row['queries']['demo'])} / {_fmt(row['queries']['x10'])} "
                f"| {row.get('target', '')} |"
            )
        lines += [
            "",
            "| request | ours demo median / ×10 median (ms) | stock demo median / ×10 median (ms) |",
            "| --- | --- | --- |",
        ]
        for row in scale["rows"]:
            ours, stock = row["ours"], row.get("stock")
            lines.append(
                f"| {row['request']} | {_fmt(ours['demo']['median_ms'])} / "
                f"{_fmt(ours['x10']['median_ms'])} | "
                + (f"{_fmt(stock['demo']['median_ms'])} / {_fmt(stock['x10']['median_ms'])} |"
                   if stock else "— |")
            )
        if scale.get("search_targets"):
            lines += ["", "Search targets:", "", "| measure | value | target | |",
                      "| --- | --- | --- | --- |"]
            for what, value, limit, status in scale["search_targets"]:
                lines.append(f"| {what} | {_fmt(value)} | ≤ {_fmt(limit)} | {status} |")
    load = results.get("load")
    if load:
        lines += [
            "",
            "## Load: residents' visits (wrk, browse/search/basket, 1 visit in 4 checks out)",
            "",
            "Throughput at which p95 stays under 500 ms (connections stepped "
            f"{load['connection_steps']}, {load['seconds']} s each), and error rate.",
            "",
            "| district | server | req/s at p95 < 500 ms | ÷ stock | at connections | p95 (ms) | errors there | worst errors | p95 at 1 connection (ms) | orders |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for district, servers in load["districts"].items():
            stock_rps = servers["stock"]["rps_at_p95_under_500ms"]
            for name, result in servers.items():
                ratio = round(result["rps_at_p95_under_500ms"] / stock_rps, 2) if stock_rps else None
                lines.append(
                    f"| {district} | {LABELS[name]} | {_fmt(result['rps_at_p95_under_500ms'])} "
                    f"| {_fmt(ratio)} | {_fmt(result['connections'])} | {_fmt(result['p95_ms'])} "
                    f"| {_pct(result['error_rate'])} | {_pct(result['max_error_rate'])} "
                    f"| {_fmt(result['steps'][0]['p95_ms'] if result['steps'] else None)} "
                    f"| {sum(s['orders'] for s in result['steps'])} |"
                )
        districts = load["districts"]
        if "demo" in districts and "x10" in districts:
            for name in ("ours", "ours_cached"):
                demo_rps = districts["demo"][name]["rps_at_p95_under_500ms"]
                x10_rps = districts["x10"][name]["rps_at_p95_under_500ms"]
                value = round(x10_rps / demo_rps, 2) if demo_rps else None
                lines.append(
                    f"\nCapacity ×10 ÷ demo, {LABELS[name]}: {_fmt(value)} "
                    f"(target ≥ 0.8: {target_status(value, 0.8, True)})."
                )
        for district, servers in load["districts"].items():
            if not any(r["rps_at_p95_under_500ms"] for r in servers.values()):
                lines.append(
                    f"\n> {district}: p95 is over 500 ms already with one resident, for stock "
                    "Saleor too: the mix's searches alone take longer (see the search row of "
                    "the district table)."
                )
    storefront = results.get("storefront")
    if storefront:
        lines += ["", "## Storefront pages (bench/storefront_pages.py, in-process, demo district)", ""]
        if "error" in storefront:
            lines.append(f"Not measured: `{storefront['error'].strip().splitlines()[-1]}`")
        else:
            lines += [
                "| page | cold: API calls / DB queries | warm p50 / p90 (ms) | warm DB queries |",
                "| --- | --- | --- | --- |",
            ]
            for name, page in storefront.items():
                lines.append(
                    f"| {name} | {page['cold_api_calls']} / {page['cold_db_queries']} "
                    f"| {page['p50_ms']} / {page['p90_ms']} | {page['warm_db_queries']} |"
                )
    courier_rounds = results.get("rounds")
    if courier_rounds:
        lines += ["", "## Courier rounds (bench/rounds.py, generated slots of the demo district)", "",
                  rounds.markdown(courier_rounds)]
    lines += ["", "Reproduce: `make bench`; figures in bench/results/latest.json."]
    return "\n".join(lines) + "\n"


LABELS = {"stock": "stock Saleor", "ours": "ours, no cache", "ours_cached": "ours + read cache"}


def _pct(value):
    return "—" if value is None else f"{value * 100:.1f} %"


def write(results: dict) -> str:
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = markdown(results)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / "latest.md").write_text(text)
    return text
