"""The layers of docs/architecture.md, read from the code as a newcomer would follow it:
no app imports, loads the template tags of, includes or extends the templates of, or
names the URLs of an app above it, and the search engine's functions stay short
enough to read at once. The app graph tool sees Python imports only; templates and
URL names are where upward reaches used to hide (issue 25)."""

import ast
import re
from pathlib import Path

import pytest
from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent

# Each app's layer, low to high; an app may use only apps of a lower number. Apps of
# one number do not know each other (experts and alerts; the aggregating pages).
LAYERS = {
    "taxonomy": 0,
    "core": 1,
    "editorial": 2,
    "searchstats": 2,
    "search": 3,
    "cases": 4,
    "experts": 5,
    "alerts": 5,
    "searchweb": 6,
    "cities": 7,
    "insights": 7,
    "members": 7,
    "shortlists": 8,
    "home": 8,
    "demo": 9,
    "operations": 9,
}
# The site shell (site/, the project templates at the top of templates/ and in
# templates/includes/) wires every app together: it may name anything, and every app
# renders into it. Template folders named after something other than their app:
TEMPLATE_OWNERS = {"account": "members", "allauth": "members", "wagtail_localize": "editorial"}
MOST_COMPLEX = 12  # radon's cyclomatic complexity, for every function of the search engine

TAG_LIBRARIES = {path.stem: app for app in LAYERS for path in (ROOT / app).glob("templatetags/*.py")}
URL_NAMESPACES = {
    match.group(1): path.parent.name
    for path in ROOT.glob("*/*urls.py")
    if path.parent.name in LAYERS
    for match in [re.search(r'^app_name = "(\w+)"', path.read_text(), re.M)]
    if match
}
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
TEMPLATE_NAME = re.compile(r"{%\s*(?:include|extends)\s+[\"']([\w-]+)/")
URL_NAME = re.compile(r"""{%\s*url\s+["'](\w+):""")
REVERSED = re.compile(r"""\b(?:reverse|reverse_lazy|redirect)\(\s*["'](\w+):""")


def upward(source, target):
    return target in LAYERS and source != target and LAYERS[target] >= LAYERS[source]


def python_files(app):
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def imported_apps(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def template_owner(path):
    folder = path.relative_to(ROOT / "templates").parts[0]
    return TEMPLATE_OWNERS.get(folder, folder)


def named_in_template(text):
    for libraries in LOAD.findall(text):
        for library in libraries.split():
            yield f"template tags {library}", TAG_LIBRARIES.get(library)
    for folder in TEMPLATE_NAME.findall(text):
        yield f"template {folder}/...", TEMPLATE_OWNERS.get(folder, folder)
    for namespace in URL_NAME.findall(text):
        yield f"URL {namespace}:...", URL_NAMESPACES.get(namespace)


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps == set(LAYERS)


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_an_app_imports_and_names_the_urls_only_of_apps_below_it(app):
    reaches = []
    for path in python_files(app):
        reaches += [f"{path.relative_to(ROOT)} imports {name}" for name in imported_apps(path) if upward(app, name)]
        for namespace in REVERSED.findall(path.read_text()):
            if upward(app, URL_NAMESPACES.get(namespace)):
                reaches.append(f"{path.relative_to(ROOT)} names URL {namespace}:...")
    assert reaches == []


def test_a_template_uses_only_its_own_apps_and_the_apps_below_it():
    reaches = []
    for path in (ROOT / "templates").rglob("*.html"):
        owner = template_owner(path)
        if owner not in LAYERS:  # the site shell
            continue
        text = path.read_text()
        reaches += [
            f"{path.relative_to(ROOT)} uses {what} of {target}"
            for what, target in named_in_template(text)
            if upward(owner, target)
        ]
    assert reaches == []


def test_the_check_sees_an_upward_reach():
    """The rule is not vacuous: a case template loading the home page's tags, or the
    engine naming the search page's URL, is caught."""
    assert any(upward("cases", target) for _what, target in named_in_template("{% load i18n footer_tags %}"))
    assert any(upward("alerts", target) for _what, target in named_in_template("{% url 'search:search' %}"))
    assert upward("search", URL_NAMESPACES["search"])


def functions(blocks):
    """radon's blocks, a class's methods in place of the class (whose figure sums them)."""
    for block in blocks:
        if hasattr(block, "methods"):
            yield from functions(block.methods)
        else:
            yield block


def test_no_function_of_the_search_engine_is_too_complex_to_read_at_once():
    too_complex = [
        f"{path.relative_to(ROOT)}:{block.lineno} {block.name} ({block.complexity})"
        for path in python_files("search")
        for block in functions(cc_visit(path.read_text()))
        if block.complexity > MOST_COMPLEX
    ]
    assert too_complex == []
