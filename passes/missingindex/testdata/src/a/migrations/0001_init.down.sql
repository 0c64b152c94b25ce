DROP TABLE archived_orders, billing.invoices, jobs, events, products, order_items, orders, users;
