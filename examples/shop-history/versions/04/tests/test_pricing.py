from decimal import Decimal

import pytest

from shop.services.pricing import gross, line_total, subtotal, vat, vat_rate


def test_line_total_rounds_half_up_to_cents():
    assert line_total(3, Decimal("0.335")) == Decimal("1.01")


def test_line_total_rejects_non_positive_quantities():
    with pytest.raises(ValueError):
        line_total(0, Decimal("1.00"))


def test_subtotal_of_no_lines_is_zero():
    assert subtotal([]) == Decimal("0.00")


def test_subtotal_adds_lines():
    assert subtotal([(2, Decimal("9.99")), (1, Decimal("0.02"))]) == Decimal("20.00")


def test_vat_uses_the_billing_country_rate():
    assert vat(Decimal("100.00"), "de") == Decimal("19.00")
    assert gross(Decimal("100.00"), "US") == Decimal("100.00")


def test_vat_falls_back_to_the_default_rate():
    assert vat_rate("XX") == Decimal("0.20")
    assert gross(Decimal("10.01"), "XX") == Decimal("12.01")
