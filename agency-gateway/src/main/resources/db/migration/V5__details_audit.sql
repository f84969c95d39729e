-- The sealed personal data of each referral, as it travels on Kafka; opened only for party agencies.
create table sealed_details (
    referral_id uuid primary key,
    case_id     text  not null,
    sealed      jsonb not null
);
create index sealed_details_case on sealed_details (case_id);

-- Every read and write of a referral's personal data: who (client or user), which agency, what, when.
create table audit_entry (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    agency_id   text        not null,
    actor       text        not null,
    action      text        not null,
    referral_id uuid,
    detail      text
);
create index audit_entry_agency on audit_entry (agency_id, at desc);

-- An erased key leaves a tombstone, so nothing new is ever sealed for the case again.
alter table case_key alter column wrapped_key drop not null, add column erased_at timestamptz;
