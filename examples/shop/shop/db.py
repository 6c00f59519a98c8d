"""The PostgreSQL connection pool shared by the API and the CLI.

Connections return rows as dicts. ``connection()`` commits when the block ends normally and
rolls back when it raises, so a request is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from shop.config import DatabaseSettings

_pool: ConnectionPool | None = None


def init_pool(settings: DatabaseSettings) -> ConnectionPool:
    global _pool
    if _pool is None:
        _pool = ConnectionPool(
            settings.conninfo(),
            min_size=settings.pool_min_size,
            max_size=settings.pool_max_size,
            kwargs={"row_factory": dict_row, "application_name": "shop"},
            name="shop",
            open=True,
        )
    return _pool


def close_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.close()
        _pool = None


@contextmanager
def connection() -> Iterator[psycopg.Connection]:
    if _pool is None:
        raise RuntimeError("init_pool() has not been called")
    with _pool.connection() as conn:
        yield conn
