-- Customers and the product catalogue: the first two tables of the shop.

CREATE TABLE customers (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  name       text NOT NULL,
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
