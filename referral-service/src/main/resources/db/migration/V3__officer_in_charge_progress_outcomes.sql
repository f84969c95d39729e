-- An accepted referral has a named officer in charge, must record progress by a cadence, and ends with an outcome
-- code that reports count.
alter table referral
    add column officer_in_charge text,
    add column progress_due_at   timestamptz,
    add column outcome_code      text;

-- The code an action carried (a decline or cancel reason, an outcome, a milestone), and the officer a supervisor
-- acted for, kept beside the timeline's words so that reports can count by code.
alter table referral_history
    add column code        text,
    add column on_behalf_of text;

create index referral_history_declines on referral_history (to_state, code) where to_state = 'DECLINED';
