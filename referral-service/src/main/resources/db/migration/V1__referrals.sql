-- The agency directory, seeded from seed/agencies.json and published on the directory topic.
create table agency (
    id             text primary key,
    name           text        not null,
    type           text        not null,
    province_code  text        not null,
    regency_code   text,
    time_zone      text        not null,
    services       jsonb       not null default '[]',
    contacts       jsonb       not null default '[]',
    updated_at     timestamptz not null
);

-- One row per referral: routing facts in clear, the child's personal data sealed by the gateway.
create table referral (
    id                  uuid primary key,
    version             bigint      not null,
    state               text        not null,
    referring_agency_id text        not null references agency (id),
    target_agency_id    text references agency (id),
    requested_agency_id text,
    service_needed      text,
    category            text        not null,
    urgency             text        not null,
    province_code       text        not null,
    regency_code        text,
    age_band            text        not null,
    sex                 text        not null,
    sealed_data         jsonb       not null,
    routing_rule        text,
    submitted_at        timestamptz not null,
    updated_at          timestamptz not null
);
create index referral_target_state on referral (target_agency_id, state);

-- Every state change of a referral: who, when, from, to, why.
create table referral_history (
    id              bigint generated always as identity primary key,
    referral_id     uuid        not null references referral (id),
    at              timestamptz not null,
    actor           text        not null,
    from_state      text,
    to_state        text        not null,
    reason          text        not null
);
create index referral_history_referral on referral_history (referral_id, id);
