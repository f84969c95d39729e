-- What each party may do to the referral now, as referral-service's lifecycle rules published it with the
-- referral's latest change (null until the first change arrives: referral-service then decides alone).
alter table referral_view add column allowed_actions text; -- JSON, read only as a whole
