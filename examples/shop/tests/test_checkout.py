from decimal import Decimal

import pytest

from shop.repositories import orders, products
from shop.services.checkout import CartLine, CheckoutError, checkout


def test_checkout_creates_a_pending_order_at_list_prices(conn, make_customer, make_product):
    customer = make_customer()
    mug, lamp = make_product("12.50"), make_product("30.00")

    result = checkout(conn, customer.id, [CartLine(mug.id, 2), CartLine(lamp.id, 1)])

    order = orders.get(conn, result.order_id)
    assert order.status == "pending"
    assert order.customer_id == customer.id
    assert [(i.line_no, i.product_id, i.quantity, i.unit_price) for i in order.items] == [
        (1, mug.id, 2, Decimal("12.50")),
        (2, lamp.id, 1, Decimal("30.00")),
    ]
    assert result.net_total == order.total == Decimal("55.00")
    assert result.billing_country == customer.country


def test_checkout_merges_repeated_products_into_one_line(conn, make_customer, make_product):
    customer, mug = make_customer(), make_product("4.00")

    result = checkout(conn, customer.id, [CartLine(mug.id, 1), CartLine(mug.id, 2)])

    assert [(i.product_id, i.quantity) for i in orders.get(conn, result.order_id).items] == [
        (mug.id, 3)
    ]


def test_later_price_changes_do_not_touch_the_order(conn, make_customer, make_product):
    customer, mug = make_customer(), make_product("8.00")
    result = checkout(conn, customer.id, [CartLine(mug.id, 1)])

    products.set_price(conn, mug.id, Decimal("9.50"))

    assert orders.get(conn, result.order_id).items[0].unit_price == Decimal("8.00")


@pytest.mark.parametrize(
    "cart, message",
    [
        ([], "the cart is empty"),
        ([CartLine(999_999, 1)], "unknown products: 999999"),
    ],
)
def test_checkout_rejects_bad_carts(conn, make_customer, cart, message):
    with pytest.raises(CheckoutError, match=message):
        checkout(conn, make_customer().id, cart)


def test_checkout_rejects_inactive_products(conn, make_customer, make_product):
    retired = make_product(active=False)

    with pytest.raises(CheckoutError, match=f"no longer sold: {retired.sku}"):
        checkout(conn, make_customer().id, [CartLine(retired.id, 1)])


def test_checkout_rejects_unknown_customers(conn, make_product):
    with pytest.raises(CheckoutError, match="customer 424242 does not exist"):
        checkout(conn, 424242, [CartLine(make_product().id, 1)])
