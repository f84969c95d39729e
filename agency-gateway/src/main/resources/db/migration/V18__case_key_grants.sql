-- Case keys this gateway granted to another agency's gateway, or was granted by one (contract CaseKeyGranted):
-- one grant a referral and grantee, so that a replayed lifecycle event grants nothing twice, and a record of who
-- was given the means to open a child's data, by whom, and when.
create table case_key_grant (
    referral_id       uuid        not null,
    grantee_agency_id text        not null,
    case_id           text        not null,
    granter_agency_id text        not null,
    grant_key_id      text        not null,
    event_id          text        not null,
    granted_at        timestamptz not null,
    -- granted by an agency this gateway acts for (false), or to one (true)
    received          boolean     not null,
    primary key (referral_id, grantee_agency_id)
);
