"""The install: every package the code imports is a pinned direct dependency, and CI runs the README's lines."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "tidings"
# Modules imported only by code that runs under an extra: module -> the extra that provides it.
EXTRA_ONLY = {"ray": "ray", "pytest": "test"}  # ray: the Ray engine; pytest: store/testing.py helpers
# Imported at run time by a dependency through an extra that old pips skip (jusText asks for lxml[html_clean]).
INDIRECT = {"lxml_html_clean"}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _name(requirement: str) -> str:
    return re.split(r"[\s\[=<>!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "tidings"}


def test_every_imported_package_is_a_pinned_direct_dependency():
    project = _pyproject()["project"]
    direct = project["dependencies"]
    assert all("==" in r for r in direct), [r for r in direct if "==" not in r]
    declared = {_name(r) for r in direct}
    extras = {extra: {_name(r) for r in reqs} for extra, reqs in project["optional-dependencies"].items()}
    dists = metadata.packages_distributions()
    missing = []
    for module in sorted(_imported_modules() | INDIRECT):
        names = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        where = extras.get(EXTRA_ONLY[module], set()) if module in EXTRA_ONLY else declared
        if not names & where:
            missing.append(f"{module} ({', '.join(sorted(names))})")
    assert not missing, "imported but not declared in pyproject.toml: " + "; ".join(missing)


def test_lxml_html_clean_is_importable_for_html_pages():
    import lxml.html.clean  # noqa: F401  (fails with "now a separate project" when lxml_html_clean is missing)


def _readme_bash_lines() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return [m.group(1) for m in re.finditer(r"^```bash\n(.+?)\n", text, re.MULTILINE)]


def test_ci_runs_the_readme_setup_and_test_lines_verbatim():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    setup, tests = _readme_bash_lines()[:2]
    assert setup.startswith("python3 -m venv .venv") and "pip install" in setup
    # CI must not install anything on its own: no pip upgrade, no second pip install.
    assert not re.search(r"^\s*(pip|python3? -m pip)\b", ci, re.MULTILINE), "CI installs packages itself"
    assert 'eval "$setup_line"' in ci and 'eval "$test_line"' in ci
    # The same extraction CI uses gives exactly the README's lines.
    func = re.search(r"^readme_block\(\) \{.*\}$", ci, re.MULTILINE).group()
    out = subprocess.run(["bash", "-c", f"{func}\nreadme_block 1; readme_block 2"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == [setup, tests]
