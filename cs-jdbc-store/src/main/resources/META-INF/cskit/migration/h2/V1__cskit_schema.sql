-- cskit JDBC store schema, version 1, for H2 2.x.
-- Every table is keyed by tenant first; every query of the store names the tenant.
-- Identifiers are at most 200 characters; instants keep nanoseconds.

CREATE TABLE cskit_customer (
    tenant      VARCHAR(200) NOT NULL,
    id          VARCHAR(200) NOT NULL,
    body        CHARACTER VARYING NOT NULL,
    CONSTRAINT cskit_customer_pk PRIMARY KEY (tenant, id)
);

CREATE TABLE cskit_subscription (
    tenant      VARCHAR(200) NOT NULL,
    id          VARCHAR(200) NOT NULL,
    start_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    customer_id VARCHAR(200) NOT NULL,
    body        CHARACTER VARYING NOT NULL,
    CONSTRAINT cskit_subscription_pk PRIMARY KEY (tenant, id, start_at)
);
CREATE INDEX cskit_subscription_customer_ix ON cskit_subscription (tenant, customer_id);

CREATE TABLE cskit_event (
    tenant      VARCHAR(200) NOT NULL,
    id          VARCHAR(200) NOT NULL,
    customer_id VARCHAR(200) NOT NULL,
    event_type  VARCHAR(100) NOT NULL,
    occurred_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    body        CHARACTER VARYING NOT NULL,
    CONSTRAINT cskit_event_pk PRIMARY KEY (tenant, id),
    CONSTRAINT cskit_event_status_ck CHECK (status IN ('RECEIVED', 'APPLIED', 'UNMATCHED'))
);
CREATE INDEX cskit_event_customer_ix ON cskit_event (tenant, customer_id, occurred_at);
CREATE INDEX cskit_event_status_ix ON cskit_event (tenant, status, received_at);

CREATE TABLE cskit_survey (
    tenant      VARCHAR(200) NOT NULL,
    id          VARCHAR(200) NOT NULL,
    customer_id VARCHAR(200) NOT NULL,
    answered_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    body        CHARACTER VARYING NOT NULL,
    CONSTRAINT cskit_survey_pk PRIMARY KEY (tenant, id)
);
CREATE INDEX cskit_survey_customer_ix ON cskit_survey (tenant, customer_id, answered_at);

CREATE TABLE cskit_definition (
    tenant      VARCHAR(200) NOT NULL,
    def_key     VARCHAR(200) NOT NULL,
    version     INTEGER      NOT NULL,
    content     CHARACTER VARYING NOT NULL,
    stored_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT cskit_definition_pk PRIMARY KEY (tenant, def_key, version),
    CONSTRAINT cskit_definition_version_ck CHECK (version >= 1)
);

CREATE TABLE cskit_instance (
    tenant             VARCHAR(200) NOT NULL,
    id                 VARCHAR(200) NOT NULL,
    customer_id        VARCHAR(200) NOT NULL,
    definition_key     VARCHAR(200) NOT NULL,
    definition_version INTEGER      NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    step               VARCHAR(200) NOT NULL,
    step_entered_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    version            BIGINT       NOT NULL,
    state              CHARACTER VARYING NOT NULL,
    CONSTRAINT cskit_instance_pk PRIMARY KEY (tenant, id),
    CONSTRAINT cskit_instance_status_ck CHECK (status IN ('RUNNING', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT cskit_instance_version_ck CHECK (version >= 1)
);
CREATE INDEX cskit_instance_customer_ix ON cskit_instance (tenant, customer_id, started_at);
CREATE INDEX cskit_instance_status_ix ON cskit_instance (tenant, status);

CREATE TABLE cskit_audit (
    tenant       VARCHAR(200) NOT NULL,
    instance_id  VARCHAR(200) NOT NULL,
    seq          BIGINT       NOT NULL,
    from_step    VARCHAR(200),
    to_step      VARCHAR(200) NOT NULL,
    trigger_kind VARCHAR(50)  NOT NULL,
    trigger_ref  VARCHAR(200),
    happened_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    detail       CHARACTER VARYING NOT NULL,
    CONSTRAINT cskit_audit_pk PRIMARY KEY (tenant, instance_id, seq)
);

CREATE TABLE cskit_due_item (
    tenant      VARCHAR(200) NOT NULL,
    instance_id VARCHAR(200) NOT NULL,
    item_key    VARCHAR(200) NOT NULL,
    kind        VARCHAR(50)  NOT NULL,
    due_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    claimed_by  VARCHAR(200),
    lease_until TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT cskit_due_item_pk PRIMARY KEY (tenant, instance_id, item_key)
);
CREATE INDEX cskit_due_item_due_ix ON cskit_due_item (tenant, due_at);

CREATE TABLE cskit_alert (
    tenant      VARCHAR(200) NOT NULL,
    id          VARCHAR(200) NOT NULL,
    instance_id VARCHAR(200) NOT NULL,
    customer_id VARCHAR(200) NOT NULL,
    process_key VARCHAR(200) NOT NULL,
    step        VARCHAR(200) NOT NULL,
    alert_level VARCHAR(50)  NOT NULL,
    due_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    raised_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    reason      CHARACTER VARYING NOT NULL,
    cleared_at  TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT cskit_alert_pk PRIMARY KEY (tenant, id)
);
CREATE INDEX cskit_alert_instance_ix ON cskit_alert (tenant, instance_id);
CREATE INDEX cskit_alert_open_ix ON cskit_alert (tenant, cleared_at, raised_at);

CREATE TABLE cskit_outbox (
    tenant          VARCHAR(200) NOT NULL,
    id              VARCHAR(200) NOT NULL,
    instance_id     VARCHAR(200) NOT NULL,
    action_type     VARCHAR(100) NOT NULL,
    payload         CHARACTER VARYING NOT NULL,
    created_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    last_error      CHARACTER VARYING,
    claimed_by      VARCHAR(200),
    lease_until     TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT cskit_outbox_pk PRIMARY KEY (tenant, id),
    CONSTRAINT cskit_outbox_status_ck CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX cskit_outbox_pending_ix ON cskit_outbox (tenant, status, next_attempt_at);
CREATE INDEX cskit_outbox_created_ix ON cskit_outbox (tenant, status, created_at);
