"""Plain data objects returned by the repositories. Money is Decimal, never float."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any


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
