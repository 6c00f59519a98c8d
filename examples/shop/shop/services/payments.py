"""Payment provider webhooks: verify the signature, then move the order along.

The provider signs each webhook with HMAC-SHA256 over "<timestamp>.<raw body>" using the
shared webhook secret, and sends "t=<unix seconds>,v1=<hex digest>" in X-Payment-Signature.
"""

from __future__ import annotations

import hashlib
import hmac
import time

import psycopg

from shop.repositories import orders

SIGNATURE_HEADER = "X-Payment-Signature"


class InvalidSignature(Exception):
    pass


def verify_signature(
    payload: bytes, header: str, secret: str, tolerance_seconds: int, now: float | None = None
) -> None:
    """Raises InvalidSignature unless header is a fresh, valid signature of payload."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
        signature = fields["v1"]
    except (KeyError, ValueError) as e:
        raise InvalidSignature("malformed signature header") from e
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance_seconds:
        raise InvalidSignature("signature timestamp outside the tolerance window")
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256
    ).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise InvalidSignature("signature does not match")


def handle_event(conn: psycopg.Connection, event: dict) -> str:
    """Applies a verified event; returns what happened, for the log."""
    kind = event.get("type")
    order_id = int(event["data"]["order_reference"])
    if kind == "payment.succeeded":
        return "paid" if orders.mark_paid(conn, order_id) else "ignored: order not pending"
    if kind == "payment.refunded":
        return "cancelled" if orders.cancel(conn, order_id) else "ignored: order not cancellable"
    return f"ignored: event type {kind}"
