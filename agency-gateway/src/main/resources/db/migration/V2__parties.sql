-- The agencies that are parties to a referral: the referrer, and every agency that is or was its
-- target. Only they may read it or act on it; for anyone else it does not exist (404).
create table referral_party (
    referral_id uuid not null,
    agency_id   text not null,
    primary key (referral_id, agency_id)
);
create index referral_party_agency on referral_party (agency_id);
