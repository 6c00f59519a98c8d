-- customers.name always held the customer's full name (given and family name), but
-- products also has a "name" column, and every query joining orders to customers and
-- products had to alias both to tell them apart. The invoice export also needs an
-- explicit full name. RENAME COLUMN keeps the column's position, data and constraints (#14).

ALTER TABLE customers RENAME COLUMN name TO full_name;
