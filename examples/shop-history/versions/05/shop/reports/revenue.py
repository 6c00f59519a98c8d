"""Revenue by month, overall and per product category (#7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import psycopg

from shop.reports import REVENUE_STATUSES


@dataclass(frozen=True)
class MonthRevenue:
    month: date
    orders: int
    units: int
    revenue: Decimal


@dataclass(frozen=True)
class CategoryRevenue:
    month: date
    category: str
    units: int
    revenue: Decimal


def revenue_by_month(conn: psycopg.Connection, start: date, end: date) -> list[MonthRevenue]:
    """Months (UTC) in [start, end), oldest first."""
    rows = conn.execute(
        """
        SELECT date_trunc('month', o.ordered_at AT TIME ZONE 'UTC')::date AS month,
               count(DISTINCT o.id) AS orders,
               sum(i.quantity) AS units,
               sum(i.quantity * p.price) AS revenue
        FROM orders o
        JOIN order_items i ON i.order_id = o.id
        JOIN products p ON p.id = i.product_id
        WHERE o.status = ANY(%(statuses)s)
          AND o.ordered_at >= %(start)s::timestamp AT TIME ZONE 'UTC'
          AND o.ordered_at < %(end)s::timestamp AT TIME ZONE 'UTC'
        GROUP BY 1
        ORDER BY 1
        """,
        {"statuses": list(REVENUE_STATUSES), "start": start, "end": end},
    ).fetchall()
    return [MonthRevenue(**row) for row in rows]


def revenue_by_category(conn: psycopg.Connection, start: date, end: date) -> list[CategoryRevenue]:
    """Per month (UTC) and category in [start, end)."""
    rows = conn.execute(
        """
        SELECT date_trunc('month', o.ordered_at AT TIME ZONE 'UTC')::date AS month,
               p.category,
               sum(i.quantity) AS units,
               sum(i.quantity * p.price) AS revenue
        FROM orders o
        JOIN order_items i ON i.order_id = o.id
        JOIN products p ON p.id = i.product_id
        WHERE o.status = ANY(%(statuses)s)
          AND o.ordered_at >= %(start)s::timestamp AT TIME ZONE 'UTC'
          AND o.ordered_at < %(end)s::timestamp AT TIME ZONE 'UTC'
        GROUP BY 1, 2
        ORDER BY 1, revenue DESC
        """,
        {"statuses": list(REVENUE_STATUSES), "start": start, "end": end},
    ).fetchall()
    return [CategoryRevenue(**row) for row in rows]
