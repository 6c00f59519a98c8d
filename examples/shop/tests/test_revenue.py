"""Regression tests for #16: revenue must be the price paid, not today's list price."""

from datetime import date
from decimal import Decimal

from shop.reports.revenue import revenue_by_category, revenue_by_month
from shop.repositories import orders, products
from shop.services.checkout import CartLine, checkout


def _paid_order(conn, customer, *lines):
    result = checkout(conn, customer.id, [CartLine(p.id, q) for p, q in lines])
    orders.mark_paid(conn, result.order_id)
    return result.order_id


# Wide enough for any test run; the tests only ever create orders "now".
START, END = date(2000, 1, 1), date(2100, 1, 1)


def test_revenue_uses_the_price_paid_after_a_price_change(conn, make_customer, make_product):
    customer = make_customer()
    kettle = make_product("40.00", category="kitchen")
    _paid_order(conn, customer, (kettle, 3))

    products.set_price(conn, kettle.id, Decimal("55.00"))

    [month] = revenue_by_month(conn, START, END)
    assert (month.orders, month.units, month.revenue) == (1, 3, Decimal("120.00"))
    [row] = revenue_by_category(conn, START, END)
    assert (row.category, row.revenue) == ("kitchen", Decimal("120.00"))


def test_pending_and_cancelled_orders_are_not_revenue(conn, make_customer, make_product):
    customer, pen = make_customer(), make_product("2.00", category="office")
    checkout(conn, customer.id, [CartLine(pen.id, 5)])
    cancelled = _paid_order(conn, customer, (pen, 1))
    orders.cancel(conn, cancelled)
    _paid_order(conn, customer, (pen, 2))

    assert [(m.orders, m.revenue) for m in revenue_by_month(conn, START, END)] == [
        (1, Decimal("4.00"))
    ]
