"""Plain data objects returned by the repositories. Money is Decimal, never float."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

ORDER_STATUSES = ("pending", "paid", "shipped", "cancelled")


@dataclass(frozen=True)
class Customer:
    id: int
    email: str
    name: str
    country: str
    created_at: datetime


@dataclass(frozen=True)
class Product:
    id: int
    sku: str
    name: str
    category: str
    price: Decimal
    attributes: dict[str, Any]
    active: bool


@dataclass(frozen=True)
class OrderItem:
    line_no: int
    product_id: int
    sku: str
    product_name: str
    quantity: int
    unit_price: Decimal

    @property
    def line_total(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass(frozen=True)
class Order:
    id: int
    customer_id: int
    customer_name: str
    customer_email: str
    status: str
    ordered_at: datetime
    shipped_at: datetime | None
    items: list[OrderItem] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((item.line_total for item in self.items), Decimal("0.00"))
