-- One data key per case, wrapped (encrypted) with the master key. The child's personal data travels on
-- Kafka encrypted with this key; deleting the key makes every copy unreadable.
create table case_key (
    case_id      uuid primary key,
    wrapped_key  bytea       not null,
    created_at   timestamptz not null
);

-- What agencies read: the current state of each referral, built from the lifecycle events.
-- version only grows: an event older than the row is ignored.
create table referral_view (
    id                  uuid primary key,
    version             bigint      not null,
    state               text        not null,
    referring_agency_id text        not null,
    target_agency_id    text,
    category            text        not null,
    urgency             text        not null,
    routing_rule        text,
    routing_reason      text,
    submitted_at        timestamptz not null,
    updated_at          timestamptz not null
);
create index referral_view_target on referral_view (target_agency_id, state);
create index referral_view_referrer on referral_view (referring_agency_id, state);
