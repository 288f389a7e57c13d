"""The stock Saleor Dashboard 2.10.1's requests, recorded in tests/live/dashboard/: the
documents as the dashboard sends them, and pages.json saying which each page sends and
with what variables ("{own_order}"-style placeholders, filled per test)."""
import json
from pathlib import Path

RECORDED = Path(__file__).resolve().parent / "live" / "dashboard"


def document(name: str) -> str:
    return (RECORDED / f"{name}.graphql").read_text()


def pages() -> dict:
    """Page -> its recorded requests (keys starting with "_" are notes, not pages)."""
    return {page: requests for page, requests in json.loads(
        (RECORDED / "pages.json").read_text()).items() if not page.startswith("_")}


def fill(value, names: dict):
    """The recorded variables with "{own_order}"-style placeholders replaced."""
    if isinstance(value, dict):
        return {key: fill(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [fill(item, names) for item in value]
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return names[value[1:-1]]
    return value
