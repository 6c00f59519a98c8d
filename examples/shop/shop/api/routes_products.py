"""/products: the catalogue and list price changes."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal, InvalidOperation

from flask import Blueprint, abort, request

from shop import db
from shop.repositories import products

bp = Blueprint("products", __name__, url_prefix="/products")

MAX_PAGE = 200


@bp.get("")
def list_products():
    limit = min(request.args.get("limit", 50, type=int), MAX_PAGE)
    with db.connection() as conn:
        page = products.list_page(
            conn,
            category=request.args.get("category"),
            include_inactive=request.args.get("include_inactive") == "true",
            after_id=request.args.get("after", 0, type=int),
            limit=limit,
        )
    next_after = page[-1].id if len(page) == limit else None
    return {"products": page, "next_after": next_after}


@bp.get("/<int:product_id>")
def get_product(product_id: int):
    with db.connection() as conn:
        product = products.get(conn, product_id)
    if product is None:
        abort(404, f"product {product_id} does not exist")
    return asdict(product)


@bp.put("/<int:product_id>/price")
def change_price(product_id: int):
    body = request.get_json(silent=True) or {}
    try:
        price = Decimal(str(body["price"]))
    except (KeyError, InvalidOperation):
        abort(400, 'body must be {"price": "<amount in EUR>"}')
    if price < 0 or price != price.quantize(Decimal("0.01")):
        abort(400, "price must be a non-negative amount with at most 2 decimals")
    with db.connection() as conn:
        if not products.set_price(conn, product_id, price):
            abort(404, f"product {product_id} does not exist")
        product = products.get(conn, product_id)
    return asdict(product)
