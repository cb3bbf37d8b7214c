-- cskit JDBC store schema, version 2, for H2 2.x: the running instances of one customer.
-- The runner asks for a customer's running instances on every event it delivers. Version 1
-- had an index on (tenant, customer_id, started_at), which reads the customer's completed
-- and cancelled instances too, and one on (tenant, status), which a planner without
-- statistics may pick instead, reading every running instance of the tenant. Both are
-- replaced: one index leads with the customer, one with the status, and each serves the
-- running-for-customer query; the first also serves a customer's instances of any status,
-- the second the count by status.

CREATE INDEX cskit_instance_customer_status_ix ON cskit_instance (tenant, customer_id, status);
CREATE INDEX cskit_instance_status_customer_ix ON cskit_instance (tenant, status, customer_id);
DROP INDEX cskit_instance_customer_ix;
DROP INDEX cskit_instance_status_ix;
