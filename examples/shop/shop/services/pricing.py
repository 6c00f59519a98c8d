"""Money arithmetic. List prices are net EUR; VAT is added by billing country.

Rates come from [pricing] in config/settings.toml, so a rate change is a config change,
not a release.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from shop.config import PricingSettings

CENT = Decimal("0.01")


def round_money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line_total(quantity: int, unit_price: Decimal) -> Decimal:
    if quantity <= 0:
        raise ValueError(f"quantity must be positive, got {quantity}")
    return round_money(unit_price * quantity)


def subtotal(lines: Iterable[tuple[int, Decimal]]) -> Decimal:
    """Sum of (quantity, unit_price) lines."""
    return sum((line_total(quantity, price) for quantity, price in lines), Decimal("0.00"))


@dataclass(frozen=True)
class VatTable:
    rates: Mapping[str, Decimal]
    default_rate: Decimal

    @classmethod
    def from_settings(cls, pricing: PricingSettings) -> VatTable:
        return cls(rates=dict(pricing.vat_rates), default_rate=pricing.default_vat_rate)

    def rate_for(self, country: str) -> Decimal:
        return self.rates.get(country.upper(), self.default_rate)

    def vat(self, net: Decimal, country: str) -> Decimal:
        return round_money(net * self.rate_for(country))

    def gross(self, net: Decimal, country: str) -> Decimal:
        return net + self.vat(net, country)
