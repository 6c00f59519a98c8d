"""Checkout: turns a cart into a pending order at today's list prices.

The price of each product is copied into order_items.unit_price, so the order keeps what the
customer agreed to pay even when the catalogue price changes later.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import psycopg

from shop.models import Product
from shop.repositories import customers, orders, products
from shop.services.pricing import subtotal

MAX_LINES = 50

# Product rows change rarely, and checkout reads the same popular products over and over.
PRODUCT_CACHE_SECONDS = 300
_product_cache: dict[int, tuple[float, Product]] = {}


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

    catalogue = _cached_products(conn, quantities)
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


def _cached_products(conn: psycopg.Connection, ids) -> dict[int, Product]:
    now = time.monotonic()
    found = {
        product_id: entry[1]
        for product_id in ids
        if (entry := _product_cache.get(product_id)) and now - entry[0] < PRODUCT_CACHE_SECONDS
    }
    missing = [product_id for product_id in ids if product_id not in found]
    if missing:
        fresh = products.get_many_for_checkout(conn, missing)
        _product_cache.update((product_id, (now, p)) for product_id, p in fresh.items())
        found.update(fresh)
    return found


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
