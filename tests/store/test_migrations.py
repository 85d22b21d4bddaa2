from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from borderwatch.store import Store
from borderwatch.store._schema import metadata


def test_migrations_build_exactly_the_declared_schema(db_url: str) -> None:
    """A change to _schema.py without its migration fails here (run `make migration` before release)."""
    Store(db_url).close()
    with create_engine(db_url).connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []
