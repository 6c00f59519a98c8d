"""Read-only reports for finance and marketing. Revenue counts paid and shipped orders only."""

REVENUE_STATUSES = ("paid", "shipped")
