-- The target's deadlines as referral-service published them with the referral's latest change: officers'
-- inboxes put the nearest first. Null for referrals changed before they were published, and where no clock runs.
alter table referral_view add column receive_due_at timestamptz;
alter table referral_view add column accept_due_at timestamptz;
