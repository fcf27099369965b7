"""The search engine has one front door: outside search/, the site imports only
search.service, and search.registry to declare its page types (docs/decisions.md,
issue 25). bench/ measures the engine's internals, and tests test them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_THE_SITE = {"search", "tests", "bench", "node_modules", "var"}
ENTRY_POINTS = {"search.service", "search.registry"}


def search_modules_imported(path):
    """The search modules a file imports, at module level or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "search":
                yield from (f"search.{alias.name}" for alias in node.names)
            elif node.module.startswith("search."):
                yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.split(".")[0] == "search")


def test_the_site_reaches_search_only_through_its_service_and_registry():
    folders = [
        folder
        for folder in ROOT.iterdir()
        if folder.is_dir() and folder.name not in NOT_THE_SITE and not folder.name.startswith(".")
    ]
    reached = {
        f"{path.relative_to(ROOT)}: {module}"
        for folder in folders
        for path in folder.rglob("*.py")
        for module in search_modules_imported(path)
        if module not in ENTRY_POINTS
    }
    assert reached == set()
