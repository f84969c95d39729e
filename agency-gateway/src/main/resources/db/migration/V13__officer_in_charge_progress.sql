-- An accepted referral's officer in charge and when its next progress report is due, as referral-service published
-- them with the referral's latest change.
alter table referral_view add column officer_in_charge text;
alter table referral_view add column progress_due_at timestamptz;
