-- One row per order with its value, so reports stop repeating the same aggregate.
-- The total is computed from order_items.unit_price (the price paid).

CREATE VIEW order_totals AS
  SELECT o.id AS order_id, o.customer_id, o.status, o.ordered_at,
         sum(i.quantity * i.unit_price) AS total, count(*) AS lines
  FROM orders o JOIN order_items i ON i.order_id = o.id
  GROUP BY o.id;
COMMENT ON VIEW order_totals IS 'Order value and number of lines per order.';
