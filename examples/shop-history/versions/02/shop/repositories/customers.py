"""Customers: lookup, keyset-paginated listing, registration."""

from __future__ import annotations

import psycopg

from shop.models import Customer

_COLUMNS = "id, email, name, country, created_at"


def get(conn: psycopg.Connection, customer_id: int) -> Customer | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM customers WHERE id = %s", (customer_id,)).fetchone()
    return Customer(**row) if row else None


def get_by_email(conn: psycopg.Connection, email: str) -> Customer | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM customers WHERE email = %s", (email.strip().lower(),)
    ).fetchone()
    return Customer(**row) if row else None


def list_page(
    conn: psycopg.Connection,
    *,
    name_contains: str | None = None,
    after_id: int = 0,
    limit: int = 50,
) -> list[Customer]:
    """Customers with id > after_id, oldest first; name_contains matches anywhere in the name."""
    if name_contains:
        rows = conn.execute(
            f"""
            SELECT {_COLUMNS} FROM customers
            WHERE id > %s AND name ILIKE '%%' || %s || '%%'
            ORDER BY id LIMIT %s
            """,
            (after_id, name_contains, limit),
        ).fetchall()
    else:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM customers WHERE id > %s ORDER BY id LIMIT %s",
            (after_id, limit),
        ).fetchall()
    return [Customer(**row) for row in rows]


def create(conn: psycopg.Connection, *, email: str, name: str, country: str) -> Customer:
    row = conn.execute(
        f"""
        INSERT INTO customers (email, name, country, created_at)
        VALUES (%s, %s, %s, now())
        RETURNING {_COLUMNS}
        """,
        (email.strip().lower(), name.strip(), country.upper()),
    ).fetchone()
    return Customer(**row)
