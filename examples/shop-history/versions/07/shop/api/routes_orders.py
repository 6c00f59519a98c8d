"""/orders: checkout, lookup and status changes; /payments/webhook from the provider."""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, abort, current_app, request

from shop import db
from shop.repositories import orders
from shop.services import payments, pricing
from shop.services.checkout import CartLine, CheckoutError, checkout

bp = Blueprint("orders", __name__)


@bp.post("/orders")
def create_order():
    body = request.get_json(silent=True) or {}
    try:
        customer_id = int(body["customer_id"])
        cart = [CartLine(int(line["product_id"]), int(line["quantity"])) for line in body["lines"]]
    except (KeyError, TypeError, ValueError):
        abort(400, 'body must be {"customer_id": 1, "lines": [{"product_id": 2, "quantity": 1}]}')
    with db.connection() as conn:
        try:
            result = checkout(conn, customer_id, cart)
        except CheckoutError as e:
            abort(422, str(e))
    return {
        "order_id": result.order_id,
        "status": "pending",
        "currency": "EUR",
        "net_total": result.net_total,
        "vat": pricing.vat(result.net_total, result.billing_country),
        "gross_total": pricing.gross(result.net_total, result.billing_country),
    }, 201


@bp.get("/orders/<int:order_id>")
def get_order(order_id: int):
    with db.connection() as conn:
        order = orders.get(conn, order_id)
    if order is None:
        abort(404, f"order {order_id} does not exist")
    return {**asdict(order), "total": order.total}


@bp.post("/orders/<int:order_id>/ship")
def ship_order(order_id: int):
    with db.connection() as conn:
        if not orders.mark_shipped(conn, order_id):
            abort(409, f"order {order_id} does not exist or is not paid")
    return {"order_id": order_id, "status": "shipped"}


@bp.post("/orders/<int:order_id>/cancel")
def cancel_order(order_id: int):
    with db.connection() as conn:
        if not orders.cancel(conn, order_id):
            abort(409, f"order {order_id} does not exist or has already shipped")
    return {"order_id": order_id, "status": "cancelled"}


@bp.post("/payments/webhook")
def payment_webhook():
    settings = current_app.extensions["shop.settings"]
    try:
        payments.verify_signature(
            request.get_data(),
            request.headers.get(payments.SIGNATURE_HEADER, ""),
            settings.payment_webhook_secret,
            settings.payment_webhook_tolerance_seconds,
        )
    except payments.InvalidSignature as e:
        current_app.logger.warning("rejected payment webhook: %s", e)
        abort(400, "invalid signature")
    with db.connection() as conn:
        outcome = payments.handle_event(conn, request.get_json())
    current_app.logger.info("payment webhook: %s", outcome)
    return {"result": outcome}
