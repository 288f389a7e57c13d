"""Dependencies point one way (.importlinter, ARCHITECTURE.md): `make test` fails otherwise."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("plugins", "storefront_theme", "saleor_config")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(where / ".importlinter")],
        cwd=where, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_every_import_goes_the_agreed_way():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr


def copy_of_the_code(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("*.html", "*.css", "*.js", "*.png", "__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def add_import(module: Path, line: str) -> None:
    module.write_text(module.read_text() + f"\n{line}\n")


def test_a_wrong_way_import_breaks_the_layers(tmp_path):
    code = copy_of_the_code(tmp_path)
    # local_merchants asking grouped_delivery, as orders/services.py did before.
    add_import(code / "plugins/local_merchants/orders/services.py",
               "from plugins.grouped_delivery.services.basket import delivery_method_of")

    result = lint_imports(code)

    assert result.returncode != 0
    assert "kernel <- local_merchants <- grouped_delivery BROKEN" in result.stdout


def test_the_storefront_may_not_import_a_plugin_even_indirectly(tmp_path):
    code = copy_of_the_code(tmp_path)
    # The kernel's formatting is allowed; reaching Saleor through the kernel is not.
    add_import(code / "plugins/kernel/french.py", "from plugins.kernel import graphql")
    add_import(code / "storefront_theme/listing.py", "from plugins.local_merchants import hooks")

    result = lint_imports(code)

    assert "The storefront is a client of the API: no plugin, no Saleor BROKEN" in result.stdout
    assert "The kernel is pure Python but its GraphQL helpers BROKEN" in result.stdout


def test_grouped_delivery_and_search_may_not_reach_local_merchants_internals(tmp_path):
    code = copy_of_the_code(tmp_path)
    add_import(code / "plugins/search/signals.py", "from plugins.local_merchants.models import Merchant")
    add_import(code / "plugins/grouped_delivery/services/basket.py",
               "from plugins.local_merchants.orders.models import MerchantOrder")

    report = " ".join(lint_imports(code).stdout.split())  # long lines are wrapped

    assert "Plugins above local_merchants import only its public modules BROKEN" in report
    assert "plugins.search.signals -> plugins.local_merchants.models" in report
    assert "plugins.grouped_delivery.services.basket -> plugins.local_merchants.orders.models" in report


def test_local_merchants_may_not_import_search(tmp_path):
    code = copy_of_the_code(tmp_path)
    # As its shop list's filter did before search added its own.
    add_import(code / "plugins/local_merchants/graphql/filters.py", "from plugins.search import matching")

    result = lint_imports(code)

    assert "Search builds on local_merchants, never the other way BROKEN" in result.stdout
