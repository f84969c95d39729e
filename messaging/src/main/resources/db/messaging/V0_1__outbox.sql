-- Events waiting to be relayed to Kafka, written in the same transaction as the state change they
-- describe. Rows are deleted once Kafka has acknowledged them; seq keeps them in commit order.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    type         text        not null,
    source       text        not null,
    subject      text,
    agency_id    text        not null,
    occurred_at  timestamptz not null,
    payload      text        not null,
    created_at   timestamptz not null default now()
);

-- Ids of the events this service has already processed: a redelivered event is skipped.
create table consumed_event (
    event_id     text        primary key,
    consumed_at  timestamptz not null default now()
);
