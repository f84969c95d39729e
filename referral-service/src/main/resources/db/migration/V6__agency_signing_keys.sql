-- The public keys each agency's events are signed with (contract AgencyPublished.SigningKey), retired ones too.
alter table agency add column signing_keys jsonb;
