"""Orders and their lines."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import psycopg

from shop.models import Order, OrderItem


def get(conn: psycopg.Connection, order_id: int) -> Order | None:
    """The order with its customer and its lines, or None."""
    row = conn.execute(
        """
        SELECT o.id, o.customer_id, c.name AS customer_name, c.email AS customer_email,
               o.status, o.ordered_at, o.shipped_at
        FROM orders o
        JOIN customers c ON c.id = o.customer_id
        WHERE o.id = %s
        """,
        (order_id,),
    ).fetchone()
    if row is None:
        return None
    items = conn.execute(
        """
        SELECT i.line_no, i.product_id, p.sku, p.name AS product_name, i.quantity, i.unit_price
        FROM order_items i
        JOIN products p ON p.id = i.product_id
        WHERE i.order_id = %s
        ORDER BY i.line_no
        """,
        (order_id,),
    ).fetchall()
    return Order(**row, items=[OrderItem(**item) for item in items])


def create(
    conn: psycopg.Connection, customer_id: int, lines: Sequence[tuple[int, int, Decimal]]
) -> int:
    """Inserts a pending order; lines are (product_id, quantity, unit_price). Returns the id."""
    order_id = conn.execute(
        "INSERT INTO orders (customer_id, status, ordered_at) VALUES (%s, 'pending', now()) "
        "RETURNING id",
        (customer_id,),
    ).fetchone()["id"]
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) "
            "VALUES (%s, %s, %s, %s, %s)",
            [
                (order_id, line_no, product_id, quantity, unit_price)
                for line_no, (product_id, quantity, unit_price) in enumerate(lines, start=1)
            ],
        )
    return order_id


def list_for_customer(conn: psycopg.Connection, customer_id: int, limit: int = 50) -> list[dict]:
    return conn.execute(
        """
        SELECT o.id, o.status, o.ordered_at, o.shipped_at,
               sum(i.quantity * i.unit_price) AS total
        FROM orders o
        JOIN order_items i ON i.order_id = o.id
        WHERE o.customer_id = %s
        GROUP BY o.id
        ORDER BY o.ordered_at DESC
        LIMIT %s
        """,
        (customer_id, limit),
    ).fetchall()


def mark_paid(conn: psycopg.Connection, order_id: int) -> bool:
    """pending -> paid. False when the order is not pending (already paid, or cancelled)."""
    cur = conn.execute(
        "UPDATE orders SET status = 'paid' WHERE id = %s AND status = 'pending'", (order_id,)
    )
    return cur.rowcount == 1


def mark_shipped(conn: psycopg.Connection, order_id: int) -> bool:
    """paid -> shipped, stamping shipped_at. False when the order is not paid."""
    cur = conn.execute(
        "UPDATE orders SET status = 'shipped', shipped_at = now() "
        "WHERE id = %s AND status = 'paid'",
        (order_id,),
    )
    return cur.rowcount == 1


def cancel(conn: psycopg.Connection, order_id: int) -> bool:
    """pending or paid -> cancelled (refunds go through the payment provider). Shipped orders
    cannot be cancelled."""
    cur = conn.execute(
        "UPDATE orders SET status = 'cancelled' WHERE id = %s AND status IN ('pending', 'paid')",
        (order_id,),
    )
    return cur.rowcount == 1
