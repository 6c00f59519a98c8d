"""The product catalogue."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import psycopg
from psycopg.types.json import Jsonb

from shop.models import Product

_COLUMNS = "id, sku, name, category, price, attributes, active"


def get(conn: psycopg.Connection, product_id: int) -> Product | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM products WHERE id = %s", (product_id,)).fetchone()
    return Product(**row) if row else None


def get_many_for_checkout(conn: psycopg.Connection, ids: Iterable[int]) -> dict[int, Product]:
    """Locks the rows FOR SHARE so their price cannot change before the order commits."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM products WHERE id = ANY(%s) ORDER BY id FOR SHARE",
        (list(ids),),
    ).fetchall()
    return {row["id"]: Product(**row) for row in rows}


def list_page(
    conn: psycopg.Connection,
    *,
    category: str | None = None,
    include_inactive: bool = False,
    after_id: int = 0,
    limit: int = 50,
) -> list[Product]:
    conditions = ["id > %s"]
    params: list[object] = [after_id]
    if category:
        conditions.append("category = %s")
        params.append(category)
    if not include_inactive:
        conditions.append("active")
    params.append(limit)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM products WHERE {' AND '.join(conditions)} ORDER BY id LIMIT %s",
        params,
    ).fetchall()
    return [Product(**row) for row in rows]


def create(
    conn: psycopg.Connection,
    *,
    sku: str,
    name: str,
    category: str,
    price: Decimal,
    attributes: dict | None = None,
) -> Product:
    row = conn.execute(
        f"""
        INSERT INTO products (sku, name, category, price, attributes)
        VALUES (%s, %s, %s, %s, %s)
        RETURNING {_COLUMNS}
        """,
        (sku, name, category, price, Jsonb(attributes or {})),
    ).fetchone()
    return Product(**row)


def set_price(conn: psycopg.Connection, product_id: int, price: Decimal) -> bool:
    """Changes the list price. Past orders keep the price paid in order_items.unit_price."""
    cur = conn.execute("UPDATE products SET price = %s WHERE id = %s", (price, product_id))
    return cur.rowcount == 1


def set_active(conn: psycopg.Connection, product_id: int, active: bool) -> bool:
    cur = conn.execute("UPDATE products SET active = %s WHERE id = %s", (active, product_id))
    return cur.rowcount == 1
