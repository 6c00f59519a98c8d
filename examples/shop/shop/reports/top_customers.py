"""The customers who spent the most, for the marketing newsletter (#11)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import psycopg

from shop.reports import REVENUE_STATUSES


@dataclass(frozen=True)
class TopCustomer:
    customer_id: int
    full_name: str
    email: str
    country: str
    orders: int
    spent: Decimal
    last_order_at: datetime


def top_customers(conn: psycopg.Connection, since: date, limit: int = 10) -> list[TopCustomer]:
    """Customers by money spent on paid or shipped orders since the given day (UTC)."""
    rows = conn.execute(
        """
        SELECT c.id AS customer_id, c.full_name, c.email, c.country,
               count(*) AS orders, sum(t.total) AS spent, max(t.ordered_at) AS last_order_at
        FROM order_totals t
        JOIN customers c ON c.id = t.customer_id
        WHERE t.status = ANY(%(statuses)s)
          AND t.ordered_at >= %(since)s::timestamp AT TIME ZONE 'UTC'
        GROUP BY c.id
        ORDER BY spent DESC, c.id
        LIMIT %(limit)s
        """,
        {"statuses": list(REVENUE_STATUSES), "since": since, "limit": limit},
    ).fetchall()
    return [TopCustomer(**row) for row in rows]
