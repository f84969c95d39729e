-- What a state change's line is about, as codes, so that the console words it in the viewer's language instead of
-- showing referral-service's own English detail: the agency it went to, the routing rule, the reason code of a
-- decline or cancellation, the officer put in charge.
alter table timeline_entry
    add column target_agency_id  text,
    add column rule              text,
    add column reason_code       text,
    add column officer_in_charge text;
