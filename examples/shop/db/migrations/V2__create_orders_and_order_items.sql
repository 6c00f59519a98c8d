-- Orders and their lines. order_items.unit_price keeps the price the customer paid,
-- so later changes to products.price never rewrite past orders.

CREATE TABLE orders (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  status      text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
  ordered_at  timestamptz NOT NULL,
  shipped_at  timestamptz,
  CONSTRAINT orders_shipped_after_ordered CHECK (shipped_at IS NULL OR shipped_at >= ordered_at)
);
COMMENT ON TABLE orders IS 'One checkout by a customer.';
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_ordered_at_idx ON orders (ordered_at);

CREATE TABLE order_items (
  order_id   bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no    integer NOT NULL,
  product_id integer NOT NULL REFERENCES products (id),
  quantity   integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(10,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
COMMENT ON TABLE order_items IS 'The lines of an order. There is deliberately no index on product_id: try explain on a query by product.';
COMMENT ON COLUMN order_items.unit_price IS 'Price paid per unit, copied from products.price at checkout.';
COMMENT ON COLUMN products.price IS 'Current list price in EUR; order_items keep the price paid.';
