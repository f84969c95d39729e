-- Directory: capacity, office hours, and whether whole-day deadlines count working days only.
alter table agency
    add column capacity            integer,
    add column working_hours       text,
    add column counts_working_days boolean not null default false;

-- A case, and the agency responsible for it. A handoff moves the owner only when it is accepted.
create table care_case (
    id              text primary key,
    owner_agency_id text        not null references agency (id),
    opened_at       timestamptz not null,
    updated_at      timestamptz not null
);

alter table referral
    add column kind                text        not null default 'REFERRAL',
    add column case_id             text,
    -- the agencies routing found, in order; a decline moves to the next one
    add column candidates          jsonb       not null default '[]',
    add column candidate_index     integer     not null default 0,
    -- every agency the referral was addressed to before the current target
    add column former_targets      jsonb       not null default '[]',
    -- the escalation chain in force when the referral was routed: later policy edits do not change it
    add column escalation_chain    jsonb,
    add column routed_at           timestamptz,
    add column receive_due_at      timestamptz,
    add column accept_due_at       timestamptz,
    add column received_at         timestamptz,
    add column accepted_at         timestamptz,
    add column closed_at           timestamptz;
update referral set case_id = id::text where case_id is null;
insert into care_case (id, owner_agency_id, opened_at, updated_at)
    select case_id, referring_agency_id, submitted_at, updated_at from referral
    on conflict do nothing;
alter table referral
    alter column case_id set not null,
    add constraint referral_case foreign key (case_id) references care_case (id);
alter table referral alter column kind drop default;
create index referral_referrer_state on referral (referring_agency_id, state);
create index referral_submitted_at on referral (submitted_at);

-- The timeline holds more than transitions: routing decisions, escalations, notes, refused actions.
alter table referral_history
    add column kind            text not null default 'TRANSITION',
    add column actor_agency_id text not null default 'system';
alter table referral_history alter column kind drop default;
alter table referral_history alter column actor_agency_id drop default;

-- Running clocks: one row per referral and deadline, holding the next escalation step to fire.
-- Claimed with FOR UPDATE SKIP LOCKED; firing a step and moving the row on happen in one transaction
-- with the step's history row and outbox events, so a crash repeats nothing and loses nothing.
create table referral_deadline (
    referral_id   uuid        not null references referral (id),
    kind          text        not null,
    due_at        timestamptz not null,
    next_step     integer     not null,
    next_fire_at  timestamptz not null,
    primary key (referral_id, kind)
);
-- claiming due work is an index range scan, whatever the number of open referrals
create index referral_deadline_next_fire on referral_deadline (next_fire_at);

-- Every escalation step that fired. The key makes a second firing of the same step impossible: the
-- transaction that tried it would fail and leave nothing behind.
create table escalation (
    referral_id        uuid        not null references referral (id),
    deadline           text        not null,
    step               integer     not null,
    level              text        not null,
    notified_agency_id text,
    due_at             timestamptz not null,
    fired_at           timestamptz not null,
    primary key (referral_id, deadline, step)
);
