-- Alerts about an agency's roster rather than a referral: no referral, no referring agency, category or urgency;
-- instead the hours nobody is on duty and the roles that are missing (comma-separated).
alter table notification alter column referral_id drop not null;
alter table notification alter column referring_agency_id drop not null;
alter table notification alter column category drop not null;
alter table notification alter column urgency drop not null;
alter table notification add column gap_roles text;
alter table notification add column gap_from timestamptz;
alter table notification add column gap_until timestamptz;
