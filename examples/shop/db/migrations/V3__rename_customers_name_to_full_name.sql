-- customers.name always held the customer's full name (given and family name), but in
-- queries joining customers to products both tables had a "name" column, and the
-- revenue/top-customer reports kept mixing them up. The invoice export also needs an
-- explicit full name. Renaming keeps the column's position, data and constraints (#14).

ALTER TABLE customers RENAME COLUMN name TO full_name;
