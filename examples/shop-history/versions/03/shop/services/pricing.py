"""Money arithmetic. List prices are net EUR; VAT is added by billing country."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

# Standard rates, January 2025. Countries not listed get DEFAULT_VAT_RATE.
VAT_RATES = {
    "DE": Decimal("0.19"),
    "FR": Decimal("0.20"),
    "GB": Decimal("0.20"),
    "NL": Decimal("0.21"),
    "SE": Decimal("0.25"),
    "US": Decimal("0.00"),
    "JP": Decimal("0.10"),
    "BR": Decimal("0.17"),
}
DEFAULT_VAT_RATE = Decimal("0.20")


def round_money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line_total(quantity: int, unit_price: Decimal) -> Decimal:
    if quantity <= 0:
        raise ValueError(f"quantity must be positive, got {quantity}")
    return round_money(unit_price * quantity)


def subtotal(lines: Iterable[tuple[int, Decimal]]) -> Decimal:
    """Sum of (quantity, unit_price) lines."""
    return sum((line_total(quantity, price) for quantity, price in lines), Decimal("0.00"))


def vat_rate(country: str) -> Decimal:
    return VAT_RATES.get(country.upper(), DEFAULT_VAT_RATE)


def vat(net: Decimal, country: str) -> Decimal:
    return round_money(net * vat_rate(country))


def gross(net: Decimal, country: str) -> Decimal:
    return net + vat(net, country)
