-- The `operations` scope: the jobs dashboard (/jobs) with its actions (trigger, requeue, delete).
alter table api_keys drop constraint api_keys_scopes_check;
alter table api_keys add constraint api_keys_scopes_check
    check (scopes <@ array['risk:read', 'clusters:read', 'labels:write', 'admin', 'operations']);
