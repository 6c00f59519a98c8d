-- Demo data for local development and tests. Every row comes from fixed formulas, so each run
-- is the same. Run after all migrations: make seed (or psql -f db/seed.sql).

INSERT INTO customers (email, name, country, created_at)
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
