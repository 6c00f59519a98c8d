"""/customers: registration, lookup, listing and a customer's orders."""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, abort, request

from shop import db
from shop.repositories import customers, orders

bp = Blueprint("customers", __name__, url_prefix="/customers")

MAX_PAGE = 200


@bp.get("")
def list_customers():
    limit = min(request.args.get("limit", 50, type=int), MAX_PAGE)
    with db.connection() as conn:
        page = customers.list_page(
            conn,
            name_contains=request.args.get("q"),
            after_id=request.args.get("after", 0, type=int),
            limit=limit,
        )
    next_after = page[-1].id if len(page) == limit else None
    return {"customers": page, "next_after": next_after}


@bp.get("/<int:customer_id>")
def get_customer(customer_id: int):
    with db.connection() as conn:
        customer = customers.get(conn, customer_id)
    if customer is None:
        abort(404, f"customer {customer_id} does not exist")
    return asdict(customer)


@bp.post("")
def register_customer():
    body = request.get_json(silent=True) or {}
    email = (body.get("email") or "").strip()
    name = (body.get("name") or "").strip()
    country = (body.get("country") or "").strip()
    if "@" not in email:
        abort(400, "email is missing or invalid")
    if not name:
        abort(400, "name is required")
    if len(country) != 2 or not country.isalpha():
        abort(400, "country must be an ISO 3166-1 alpha-2 code such as DE")
    with db.connection() as conn:
        if customers.get_by_email(conn, email) is not None:
            abort(409, f"a customer with email {email} already exists")
        customer = customers.create(conn, email=email, name=name, country=country)
    return asdict(customer), 201


@bp.get("/<int:customer_id>/orders")
def customer_orders(customer_id: int):
    with db.connection() as conn:
        if customers.get(conn, customer_id) is None:
            abort(404, f"customer {customer_id} does not exist")
        rows = orders.list_for_customer(conn, customer_id)
    return {"orders": rows}
