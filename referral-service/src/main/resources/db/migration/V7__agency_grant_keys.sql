-- The public keys cases' data keys are granted to each agency with (contract AgencyPublished.GrantKey).
alter table agency add column grant_keys jsonb;
