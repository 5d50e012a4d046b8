"""The import graph of src/tidings: every module imports, no loops, and no import from a higher floor."""
from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import tidings

SRC = Path(tidings.__file__).resolve().parent

# Floors, lowest first: a module may import its own floor or lower ones, never a higher one.
FLOORS = (
    ("errors", "settings", "items", "record", "timelimit", "data"),
    ("clean", "readers", "extract", "fast_components"),
    ("pipeline",),
    ("store", "scale", "evaluate", "export", "corpus"),
    ("ingest", "watch"),
    ("web", "cli"),
)
_FLOOR = {name: level for level, names in enumerate(FLOORS) for name in names}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(["tidings", *parts])] = path
    return out


def _imports(name: str, path: Path, known: set[str], *, top_level_only: bool) -> set[str]:
    """The tidings modules `name` imports (relative imports resolved; `from pkg import mod` counted as mod)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m in known and m != name}


def _graph(top_level_only: bool) -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, set(modules), top_level_only=top_level_only) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def _is_parent_package(a: str, b: str) -> bool:
    """A package's __init__ importing its own submodules (or a submodule importing a sibling through the
    package) is how packages are built, not a loop between parts of the program."""
    return b.startswith(a + ".") or a.startswith(b + ".")


def test_every_module_imports():
    failed = []
    for info in pkgutil.walk_packages(tidings.__path__, "tidings."):
        if info.name.startswith("tidings.web") or info.name.endswith(".__main__"):
            try:
                importlib.import_module(info.name)
            except ImportError as exc:  # the web extra may be absent
                if "fastapi" in str(exc) or "starlette" in str(exc) or "uvicorn" in str(exc):
                    continue
                failed.append(f"{info.name}: {exc}")
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # noqa: BLE001 - report every module that fails
            failed.append(f"{info.name}: {type(exc).__name__}: {exc}")
    assert not failed, failed


# No exemptions: WebError lives in web/errors.py and list_articles in corpus/queries.py.
_EXEMPT_ALL_IMPORTS: tuple[str, ...] = ()


@pytest.mark.parametrize("top_level_only", [True, False], ids=["module-level", "all imports"])
def test_no_import_loops(top_level_only):
    graph = _graph(top_level_only)
    graph = {a: {b for b in deps if not _is_parent_package(a, b)} for a, deps in graph.items()}
    if not top_level_only:
        graph = {a: {b for b in deps if not (_EXEMPT_ALL_IMPORTS and a.startswith(_EXEMPT_ALL_IMPORTS)
                                             and b.startswith(_EXEMPT_ALL_IMPORTS))}
                 for a, deps in graph.items()}
    assert _cycle(graph) is None, "import loop: " + " -> ".join(_cycle(graph))


def test_the_cycle_finder_finds_a_loop():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def _floor(module: str) -> int | None:
    parts = module.split(".")
    return _FLOOR.get(parts[1]) if len(parts) > 1 else None


def test_no_import_from_a_higher_floor():
    bad = []
    for name, deps in _graph(top_level_only=False).items():
        mine = _floor(name)
        if mine is None:
            continue
        for dep in deps:
            theirs = _floor(dep)
            if theirs is not None and theirs > mine:
                bad.append(f"{name} imports {dep}")
    assert not bad, bad


def test_every_top_level_module_has_a_floor():
    names = {m.split(".")[1] for m in _modules() if m.count(".") >= 1}
    assert names - set(_FLOOR) - {"__main__"} == set()


def test_extract_is_reached_from_the_pipeline_by_plain_imports():
    """The stages are direct function references, every one from a module under tidings.extract."""
    from tidings import pipeline
    from tidings.extract import STAGES

    assert pipeline.STAGES is STAGES
    for stage in STAGES:
        assert callable(stage.func) and stage.func.__module__.startswith("tidings.extract."), stage
    assert "tidings.extract" in _graph(top_level_only=True)["tidings.pipeline"]
    assert "importlib" not in (SRC / "pipeline.py").read_text(encoding="utf-8")
