-- A case's referrals, found by case: who may hold its key when the case is erased (grant.GrantRelay).
create index referral_case on referral (case_id);
