"""The house rules, read from the source with `ast` (README "How it is built"):

- `parsers` imports nothing of ours; `site_builder` imports only `parsers` (and itself);
- `gateway.domain` sees no store, mail, use case, CLI, SQL or socket module;
- nothing imports `gateway.cli` (but the CLI itself and `python -m gateway`);
- SQL is written only in `gateway.store`;
- no import cycle between modules — the graph counts imports inside functions too;
- no import of our own modules inside a function (a hidden cycle, or a hidden cost), but of the
  modules that bring an optional heavy dependency (imapclient, aiosmtplib).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("gateway", "parsers", "site_builder", "templates")
OURS = set(PACKAGES)

# Importing these from inside a function is allowed: they load an optional heavy dependency.
LAZY_ALLOWED = {"gateway.mail.sources.imap", "gateway.mail.sinks.smtp"}
# The one known cycle, the parsers engineer's to remove (issue 8): it is allowed only while it
# exists; delete this allowance with the cycle.
ALLOWED_CYCLES = {frozenset({"parsers.machine", "parsers.mime"})}

DOMAIN_FORBIDDEN = ("gateway.store", "gateway.mail", "gateway.app", "gateway.cli", "site_builder", "sqlite3",
                    "sqlite_utils", "socket", "ssl", "smtplib", "imaplib", "imapclient", "aiosmtplib", "jinja2")
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|BEGIN|COMMIT|ROLLBACK)\b")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module (a submodule when `from pkg import submodule`)
    line: int
    in_function: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            out[_module_name(path)] = path
    return out


SOURCES = _sources()


def _is_module(name: str) -> bool:
    return name in SOURCES


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str, path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.Import):
                out.extend(Import(module, a.name, child.lineno, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = _resolve(module, path, child)
                if base == "__future__":
                    continue
                for a in child.names:
                    sub = f"{base}.{a.name}"
                    out.append(Import(module, sub if _is_module(sub) else base, child.lineno, in_function))
            visit(child, inner)

    visit(tree, False)
    return out


ALL = [imp for module, path in SOURCES.items() for imp in _imports(module, path)]


def _top(name: str) -> str:
    return name.split(".")[0]


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _where(imp: Import) -> str:
    return f"{SOURCES[imp.module].relative_to(ROOT)}:{imp.line}: {imp.module} imports {imp.target}"


def test_the_sources_are_found() -> None:
    assert {"gateway.domain.compliance", "gateway.store.db", "gateway.cli", "parsers.models",
            "site_builder.theme", "site_builder.paths"} <= set(SOURCES)
    assert len(ALL) > 100


def test_parsers_import_nothing_of_ours() -> None:
    bad = [_where(i) for i in ALL if _under(i.module, "parsers") and _top(i.target) in OURS - {"parsers"}]
    assert not bad, "\n".join(bad)


def test_site_builder_imports_only_parsers_and_itself() -> None:
    bad = [_where(i) for i in ALL if _under(i.module, "site_builder")
           and _top(i.target) in OURS - {"parsers", "site_builder"}]
    assert not bad, "\n".join(bad)


def test_domain_rules_see_no_store_mail_sql_or_sockets() -> None:
    bad = [_where(i) for i in ALL if _under(i.module, "gateway.domain")
           and any(_under(i.target, f) for f in DOMAIN_FORBIDDEN)]
    assert not bad, "\n".join(bad)


def test_nothing_imports_the_cli() -> None:
    bad = [_where(i) for i in ALL if _under(i.target, "gateway.cli")
           and not _under(i.module, "gateway.cli") and i.module != "gateway.__main__"]
    assert not bad, "\n".join(bad)


def test_config_and_errors_are_the_foundation() -> None:
    """gateway.config and gateway.errors, which every layer imports, import nothing of ours."""
    bad = [_where(i) for i in ALL if i.module in ("gateway.config", "gateway.errors") and _top(i.target) in OURS
           and i.target not in ("gateway.errors",)]
    assert not bad, "\n".join(bad)


def test_sql_is_written_only_in_the_store() -> None:
    bad = []
    for module, path in SOURCES.items():
        if _under(module, "gateway.store"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and SQL.match(node.value)):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    assert not bad, "\n".join(bad)


def test_no_import_of_our_modules_inside_a_function() -> None:
    bad = [_where(i) for i in ALL if i.in_function and _top(i.target) in OURS and i.target not in LAZY_ALLOWED
           and not _under(i.module, "parsers")]  # parsers/ is its engineer's (issue 9 work in progress)
    assert not bad, "\n".join(bad)


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), imports in functions included."""
    graph: dict[str, set[str]] = {m: set() for m in SOURCES}
    for i in ALL:
        if i.target in SOURCES and i.target != i.module:
            graph[i.module].add(i.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def test_no_import_cycle_between_modules() -> None:
    cycles = [c for c in _cycles() if frozenset(c) not in ALLOWED_CYCLES]
    assert not cycles, "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_the_cycle_check_finds_a_cycle() -> None:
    """The check itself: two modules importing each other (one inside a function) are a cycle."""
    global ALL
    saved = ALL
    try:
        ALL = [*saved, Import("gateway.config", "gateway.app.service", 1, True)]
        assert any({"gateway.config", "gateway.app.service"} <= set(c) for c in _cycles())
    finally:
        ALL = saved


def test_the_site_builder_package_loads_no_builder() -> None:
    """The gateway imports site_builder.paths and .theme on its ingest path: the package itself
    must not pull in the page builder."""
    assert not [i for i in ALL if i.module == "site_builder"]
