-- Each referral's case, for every referral this gateway knows (not only those whose data it holds): an erased case's
-- timeline lines go on each of its referrals here.
create table referral_case (
    referral_id uuid primary key,
    case_id     text not null
);
create index referral_case_by_case on referral_case (case_id);
insert into referral_case (referral_id, case_id) select referral_id, case_id from sealed_details
on conflict do nothing;

-- Each erasure of a case this gateway destroyed its key for, once per agency it acts for: its confirmation
-- (contract CaseKeyDestroyed) is sent once, however often the erasure is told.
create table case_erasure (
    case_id      text        not null,
    agency_id    text        not null,
    erasure_id   text        not null,
    destroyed_at timestamptz not null,
    primary key (case_id, agency_id)
);
