from datetime import UTC, datetime, timedelta

from shop.repositories import orders
from shop.services.checkout import CartLine, checkout


def test_search_filters_by_status_and_customer(conn, make_customer, make_product):
    ada, alan = make_customer("Ada Lovelace"), make_customer("Alan Turing", country="GB")
    mug = make_product("5.00")
    pending = checkout(conn, ada.id, [CartLine(mug.id, 1)]).order_id
    paid = checkout(conn, ada.id, [CartLine(mug.id, 2)]).order_id
    orders.mark_paid(conn, paid)
    other = checkout(conn, alan.id, [CartLine(mug.id, 1)]).order_id

    assert [o.order_id for o in orders.search(conn, status="paid")] == [paid]
    assert [o.order_id for o in orders.search(conn, customer_id=ada.id)] == [pending, paid]
    assert [o.order_id for o in orders.search(conn, status="pending")] == [pending, other]
    [summary] = orders.search(conn, status="paid", customer_id=ada.id)
    assert (summary.total, summary.lines) == (10, 1)


def test_search_by_date_range_and_keyset_pages(conn, make_customer, make_product):
    customer, mug = make_customer(), make_product()
    ids = [checkout(conn, customer.id, [CartLine(mug.id, 1)]).order_id for _ in range(3)]
    now = datetime.now(UTC)

    assert orders.search(conn, ordered_before=now - timedelta(days=1)) == []
    first = orders.search(conn, ordered_from=now - timedelta(hours=1), limit=2)
    rest = orders.search(conn, after_id=first[-1].order_id, limit=2)
    assert [o.order_id for o in first + rest] == ids
