"""Test fixtures.

Database tests need SHOP_TEST_DATABASE_URL, pointing at a database the tests may wipe, e.g.
postgresql://shop@localhost/shop_test. The schema is rebuilt from db/migrations once per run,
and every test runs in a transaction that is rolled back afterwards.
"""

from __future__ import annotations

import itertools
import os
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from psycopg.rows import dict_row

from shop.repositories import customers, products

MIGRATIONS = Path(__file__).resolve().parent.parent / "db" / "migrations"


def migration_files() -> list[Path]:
    """V1__x.sql, V2__y.sql, ... in version order (V10 after V9)."""
    return sorted(MIGRATIONS.glob("V*__*.sql"), key=lambda p: int(p.name[1:].split("__")[0]))


@pytest.fixture(scope="session")
def database_url() -> str:
    url = os.environ.get("SHOP_TEST_DATABASE_URL")
    if not url:
        pytest.skip("SHOP_TEST_DATABASE_URL is not set")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
        for path in migration_files():
            conn.execute(path.read_text())
    return url


@pytest.fixture
def conn(database_url: str):
    with psycopg.connect(database_url, row_factory=dict_row) as conn:
        yield conn
        conn.rollback()


@pytest.fixture
def make_customer(conn):
    counter = itertools.count(1)

    def make(name: str = "Ada Lovelace", country: str = "GB"):
        n = next(counter)
        return customers.create(conn, email=f"test{n}@example.com", name=name, country=country)

    return make


@pytest.fixture
def make_product(conn):
    counter = itertools.count(1)

    def make(price: str = "10.00", category: str = "kitchen", active: bool = True):
        n = next(counter)
        product = products.create(
            conn,
            sku=f"TEST-{n:05d}",
            name=f"Test product {n}",
            category=category,
            price=Decimal(price),
        )
        if not active:
            products.set_active(conn, product.id, False)
        return products.get(conn, product.id)

    return make
