-- GET /products?category=... and the revenue-by-category report filter on category;
-- without an index both scanned the whole catalogue.

CREATE INDEX products_category_idx ON products (category);
