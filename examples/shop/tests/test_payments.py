import hashlib
import hmac

import pytest

from shop.services.payments import InvalidSignature, verify_signature

SECRET = "test-webhook-secret"
BODY = b'{"type": "payment.succeeded", "data": {"order_reference": "42"}}'
NOW = 1_740_000_000


def _header(timestamp: int, body: bytes = BODY, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def test_accepts_a_fresh_valid_signature():
    verify_signature(BODY, _header(NOW - 10), SECRET, tolerance_seconds=300, now=NOW)


@pytest.mark.parametrize(
    "header, reason",
    [
        (_header(NOW, body=b"{}"), "does not match"),
        (_header(NOW, secret="other"), "does not match"),
        (_header(NOW - 301), "outside the tolerance window"),
        ("v1=abc", "malformed"),
        ("", "malformed"),
    ],
)
def test_rejects_bad_signatures(header, reason):
    with pytest.raises(InvalidSignature, match=reason):
        verify_signature(BODY, header, SECRET, tolerance_seconds=300, now=NOW)
