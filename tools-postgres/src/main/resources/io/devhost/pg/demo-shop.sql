-- DevHost --demo: a small online shop. Every row comes from fixed formulas, so each run is the same.

CREATE TABLE customers (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  full_name  text NOT NULL,
  country    char(2) NOT NULL,
  created_at timestamptz NOT NULL
);
COMMENT ON TABLE customers IS 'People who have an account in the shop.';
COMMENT ON COLUMN customers.country IS 'ISO 3166-1 alpha-2 country code of the billing address.';

CREATE TABLE products (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku        text NOT NULL UNIQUE,
  name       text NOT NULL,
  category   text NOT NULL,
  price      numeric(10,2) NOT NULL CHECK (price >= 0),
  attributes jsonb NOT NULL DEFAULT '{}',
  active     boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE products IS 'The catalogue. Inactive products can no longer be ordered.';
COMMENT ON COLUMN products.price IS 'Current list price in EUR; order_items keep the price paid.';
CREATE INDEX products_category_idx ON products (category);

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

CREATE VIEW order_totals AS
  SELECT o.id AS order_id, o.customer_id, o.status, o.ordered_at,
         sum(i.quantity * i.unit_price) AS total, count(*) AS lines
  FROM orders o JOIN order_items i ON i.order_id = o.id
  GROUP BY o.id;
COMMENT ON VIEW order_totals IS 'Order value and number of lines per order.';

INSERT INTO customers (email, full_name, country, created_at)
SELECT 'customer' || g || '@example.com',
       (ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','Ken'])[1 + g % 8] || ' ' ||
       (ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Thompson','Ritchie','Wirth'])[1 + (g * 7) % 10],
       (ARRAY['DE','FR','US','GB','NL','SE','JP','BR'])[1 + (g * 3) % 8],
       timestamptz '2024-01-01 00:00:00+00' + g * interval '37 minutes'
FROM generate_series(1, 2000) AS g;

INSERT INTO products (sku, name, category, price, attributes, active)
SELECT 'SKU-' || lpad(g::text, 5, '0'),
       (ARRAY['Red','Blue','Green','Black','White'])[1 + g % 5] || ' ' ||
       (ARRAY['Mug','Shirt','Notebook','Lamp','Chair','Backpack','Pen','Kettle'])[1 + (g * 3) % 8] || ' ' || g,
       (ARRAY['kitchen','clothing','office','home','travel'])[1 + (g * 3) % 8 % 5],
       round(((g * 137) % 20000) / 100.0 + 1.99, 2),
       jsonb_build_object('color', (ARRAY['red','blue','green','black','white'])[1 + g % 5],
                          'weight_g', 50 + (g * 53) % 2000,
                          'tags', jsonb_build_array('demo', 'batch-' || (g % 4))),
       g % 17 <> 0
FROM generate_series(1, 200) AS g;

INSERT INTO orders (customer_id, status, ordered_at, shipped_at)
SELECT 1 + (g * 7919) % 2000,
       s.status,
       timestamptz '2024-02-01 00:00:00+00' + g * interval '53 minutes',
       CASE WHEN s.status = 'shipped'
            THEN timestamptz '2024-02-01 00:00:00+00' + g * interval '53 minutes' + interval '2 days' END
FROM generate_series(1, 10000) AS g,
     LATERAL (SELECT CASE WHEN g % 20 = 0 THEN 'cancelled'
                          WHEN g % 20 < 3 THEN 'pending'
                          WHEN g % 20 < 10 THEN 'paid'
                          ELSE 'shipped' END AS status) AS s;

INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price)
SELECT o.id, l, p.id, 1 + (o.id + l) % 5, p.price
FROM orders o
CROSS JOIN LATERAL generate_series(1, 1 + (o.id % 4)::int) AS l
JOIN products p ON p.id = 1 + (o.id * 31 + l * 17) % 200;
