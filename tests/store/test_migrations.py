from tidings.store import open_store
from tidings.store.base import _migrations, _statements


def test_migration_files_are_numbered_and_dialect_specific():
    duck = _migrations("duckdb")
    pg = _migrations("postgres")
    assert [v for v, _, _ in duck] == sorted({v for v, _, _ in duck})
    assert duck[0][:2] == (1, "initial") and pg[0][:2] == (1, "initial")
    assert {v for v, _, _ in duck} < {v for v, _, _ in pg}  # 0002_indexes is PostgreSQL only
    assert all(stmt.upper().startswith("CREATE") for _, _, sql in pg for stmt in _statements(sql))


def test_reopen_does_not_reapply(tmp_path):
    path = tmp_path / "m.duckdb"
    with open_store(path) as s:
        applied = s.query("SELECT version, applied_at FROM schema_migrations ORDER BY version")
    with open_store(path) as s:
        assert s.query("SELECT version, applied_at FROM schema_migrations ORDER BY version") == applied


def test_read_only_open(tmp_path):
    path = tmp_path / "ro.duckdb"
    with open_store(path) as s:
        s.write_articles([])
    with open_store(path, read_only=True) as s:
        assert s.count("articles") == 0 and s.schema_version == max(v for v, _, _ in _migrations("duckdb"))
