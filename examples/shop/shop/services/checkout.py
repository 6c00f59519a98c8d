"""Checkout: turns a cart into a pending order at today's list prices.

The price of each product is copied into order_items.unit_price, so the order keeps what the
customer agreed to pay even when the catalogue price changes later.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import psycopg

from shop.repositories import customers, orders, products
from shop.services.pricing import subtotal

MAX_LINES = 50


class CheckoutError(Exception):
    """The cart cannot be ordered; the message says why and is safe to show the customer."""


@dataclass(frozen=True)
class CartLine:
    product_id: int
    quantity: int


@dataclass(frozen=True)
class CheckoutResult:
    order_id: int
    net_total: Decimal
    billing_country: str


def checkout(
    conn: psycopg.Connection, customer_id: int, cart: Sequence[CartLine]
) -> CheckoutResult:
    """Creates a pending order in the caller's transaction; payment marks it paid later."""
    quantities = _merge(cart)
    customer = customers.get(conn, customer_id)
    if customer is None:
        raise CheckoutError(f"customer {customer_id} does not exist")

    catalogue = products.get_many_for_checkout(conn, quantities)
    missing = sorted(set(quantities) - set(catalogue))
    if missing:
        raise CheckoutError(f"unknown products: {', '.join(map(str, missing))}")
    inactive = sorted(p.sku for p in catalogue.values() if not p.active)
    if inactive:
        raise CheckoutError(f"no longer sold: {', '.join(inactive)}")

    lines = [
        (product_id, quantity, catalogue[product_id].price)
        for product_id, quantity in quantities.items()
    ]
    order_id = orders.create(conn, customer.id, lines)
    return CheckoutResult(
        order_id=order_id,
        net_total=subtotal((quantity, price) for _, quantity, price in lines),
        billing_country=customer.country,
    )


def _merge(cart: Sequence[CartLine]) -> Counter[int]:
    """One line per product, in the order the products first appear in the cart."""
    if not cart:
        raise CheckoutError("the cart is empty")
    quantities: Counter[int] = Counter()
    for line in cart:
        if line.quantity <= 0:
            raise CheckoutError(f"quantity for product {line.product_id} must be at least 1")
        quantities[line.product_id] += line.quantity
    if len(quantities) > MAX_LINES:
        raise CheckoutError(f"an order can have at most {MAX_LINES} different products")
    return quantities
