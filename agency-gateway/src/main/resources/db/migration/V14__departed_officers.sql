-- Officers an agency's admin recorded as gone (left the agency, or disabled): the gateway refuses their requests,
-- whatever token they still hold.
create table departed_officer (
    agency_id   text        not null,
    officer     text        not null,
    departed_at timestamptz not null,
    departed_by text        not null,
    primary key (agency_id, officer)
);
