"""What the code imports is what requirements*.in declare, no more and no less.

requirements.in is production's set (`make install`): whatever code outside tests/ imports must
be there, or a production install fails at import time. Tests may also use requirements-dev.in.
A declared package nothing uses is dead weight in every install and every security update.
Import names map to distributions through importlib.metadata, as installed by the dev lock.
"""

import ast
import re
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_PARTY = {"elearning", "courses", "media", "search", "settings", "tests", "manage"}
# Declared packages that no code imports or names, each used by a declared package through an
# optional part of it that needs them.
USED_INDIRECTLY = {
    "flask": "moto's ThreadedMotoServer (tests/object_storage.py) serves with it",
    "flask-cors": "moto's ThreadedMotoServer (tests/object_storage.py) serves with it",
}
# Places that run a package's command (console script) rather than importing it.
COMMAND_FILES = ("Makefile", ".ci/run")
DOTTED_NAME = re.compile(r"^[A-Za-z_]\w*(\.\w+)*$")


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared(filename):
    names = set()
    for line in (ROOT / filename).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.add(_canonical(re.match(r"[A-Za-z0-9._-]+", line).group()))
    return names


@cache
def _sources():
    """Every Python file of the project: (is it under tests/, its syntax tree)."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if any(part.startswith(".") or part in {"var", "node_modules"} for part in parts):
            continue
        found.append((parts[0] == "tests", ast.parse(path.read_text(), filename=str(path))))
    return found


def _imported(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def _third_party(names):
    return {name for name in names if name not in FIRST_PARTY | set(sys.stdlib_module_names)}


@cache
def _provided():
    return metadata.packages_distributions()


def _distributions(import_names):
    """Distribution of each import name; None where nothing installed provides it."""
    provided = _provided()
    return {
        name: {_canonical(dist) for dist in provided[name]} if name in provided else None
        for name in import_names
    }


def _imports(*, in_tests):
    names = set()
    for under_tests, tree in _sources():
        if under_tests == in_tests:
            names |= set(_imported(tree))
    return _third_party(names)


def _named_in_strings():
    """Modules named in strings (INSTALLED_APPS, MIDDLEWARE, storage and cache backends...)."""
    names = set()
    for _, tree in _sources():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and DOTTED_NAME.match(node.value)
            ):
                names.add(node.value.split(".")[0])
    return _third_party(names)


def _run_as_commands():
    text = "\n".join((ROOT / name).read_text() for name in COMMAND_FILES if (ROOT / name).exists())
    commands = set(re.findall(r"[\w.-]+", text))
    strings = {
        node.value
        for _, tree in _sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    used = set()
    for dist in metadata.distributions():
        name = _canonical(dist.metadata["Name"])
        for entry_point in dist.entry_points:
            # A pytest-* package is there to be a plugin; others (locust) merely bring one.
            if (entry_point.group == "pytest11" and name.startswith("pytest-")) or (
                entry_point.group == "console_scripts" and entry_point.name in commands | strings
            ):
                used.add(name)
    return used


def test_production_code_imports_only_what_requirements_in_declares():
    production = _declared("requirements.in")
    missing = {
        name: dists
        for name, dists in _distributions(_imports(in_tests=False)).items()
        if dists is None or not dists & production
    }
    assert not missing, f"imported outside tests/ but not declared in requirements.in: {missing}"


def test_tests_import_only_what_the_two_requirements_files_declare():
    declared = _declared("requirements.in") | _declared("requirements-dev.in")
    missing = {
        name: dists
        for name, dists in _distributions(_imports(in_tests=True)).items()
        if dists is None or not dists & declared
    }
    assert not missing, f"imported by tests but declared in no requirements*.in: {missing}"


def test_every_declared_package_is_used():
    declared = _declared("requirements.in") | _declared("requirements-dev.in")
    referenced = _imports(in_tests=False) | _imports(in_tests=True) | _named_in_strings()
    used = set().union(*(dists for dists in _distributions(referenced).values() if dists))
    used |= _run_as_commands() | set(USED_INDIRECTLY)
    assert not declared - used, f"declared in requirements*.in but unused: {declared - used}"


def test_the_indirect_uses_are_still_declared():
    declared = _declared("requirements.in") | _declared("requirements-dev.in")
    assert set(USED_INDIRECTLY) <= declared


def test_production_declares_no_test_tool():
    production = _declared("requirements.in")
    development = _declared("requirements-dev.in")
    assert not production & development, "declared in both requirements files"
    assert not {"pytest", "playwright", "moto", "flask", "ruff"} & production
