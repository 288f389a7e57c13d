"""Print which of our top-level packages imports which (static, from the source).

Used to draw the dependency graph in ARCHITECTURE.md: `python -m ops.depgraph`.
Each edge lists the importing files, so a wrong-way import is easy to find.
"""
import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "plugins.kernel",
    "plugins.local_merchants",
    "plugins.grouped_delivery",
    "plugins.search",
    "plugins.api_guard",
    "plugins.cached_reads",
    "plugins.read_cache",
    "plugins.french_vat",
    "storefront_theme",
    "saleor_config",
]


def owner(module):
    """The package of PACKAGES a dotted module name belongs to, or None."""
    for package in PACKAGES:
        if module == package or module.startswith(package + "."):
            return package
    if module == "saleor" or module.startswith("saleor."):
        return "saleor"
    return None


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path):
    """Absolute names of the modules a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(), str(path))
    package = module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module
            yield prefix
            for alias in node.names:
                yield f"{prefix}.{alias.name}"


def graph():
    edges = defaultdict(set)
    for top in ("plugins", "storefront_theme", "saleor_config"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            source = owner(module_name(path))
            if source is None:
                continue
            for module in imported_modules(path):
                target = owner(module)
                if target and target != source:
                    edges[source, target].add(str(path.relative_to(ROOT)))
    return edges


def main():
    verbose = "-v" in sys.argv
    for (source, target), files in sorted(graph().items()):
        print(f"{source} -> {target}  ({len(files)} files)")
        if verbose:
            for name in sorted(files):
                print(f"    {name}")


if __name__ == "__main__":
    main()
