-- Acting for others (issue #16): legal representatives of minors and proxies an adult chose, each
-- with the data kinds granted, and the invitations by which an adult offers to be represented.
-- The portal writes these: they are its own records of who may see whose data.

create table portal.proxy_grant (
    grant_id      bigint generated always as identity primary key,
    principal_id  uuid not null,
    proxy_id      uuid not null check (proxy_id <> principal_id),
    kind          text not null check (kind in ('legal', 'chosen')),
    scopes        text[] not null check (cardinality(scopes) > 0 and scopes <@ array['insurance', 'drugs', 'checkups',
                                         'costs', 'etax', 'vaccinations', 'care']),
    valid_from    date not null,
    valid_until   date not null check (valid_until >= valid_from),
    created_at    timestamptz not null,
    invitation_id bigint,
    ended_at      timestamptz,
    ended_by      text check (ended_by in ('principal', 'proxy', 'operator')),
    check ((ended_at is null) = (ended_by is null))
);
-- One live grant per pair; a proxy's every request while acting looks its grant up by proxy.
create unique index proxy_grant_live_pair on portal.proxy_grant (proxy_id, principal_id) where ended_at is null;
create index proxy_grant_principal on portal.proxy_grant (principal_id) where ended_at is null;
comment on table portal.proxy_grant is 'Who may act for whom: 法定代理人 (legal, a minor''s parent, until the day before the 18th birthday) or 任意代理人 (chosen, at most 3 years), with the data kinds granted';
comment on column portal.proxy_grant.valid_until is 'The last day the grant holds: a child''s 18th birthday ends a legal link that day';
comment on column portal.proxy_grant.ended_by is 'Who ended it before its time: the principal, the proxy, or a municipal operator (for a person fleeing violence)';

create table portal.proxy_invitation (
    invitation_id bigint generated always as identity primary key,
    principal_id  uuid not null,
    code_hash     bytea not null unique check (octet_length(code_hash) = 32),
    scopes        text[] not null check (cardinality(scopes) > 0 and scopes <@ array['insurance', 'drugs', 'checkups',
                                         'costs', 'etax', 'vaccinations', 'care']),
    grant_until   date not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null check (expires_at > created_at),
    accepted_at   timestamptz,
    accepted_by   uuid,
    withdrawn_at  timestamptz,
    check ((accepted_at is null) = (accepted_by is null)),
    check (accepted_by is null or accepted_by <> principal_id)
);
create index proxy_invitation_principal on portal.proxy_invitation (principal_id);
comment on table portal.proxy_invitation is 'An adult''s offer to be represented: a one-time code (only its SHA-256 kept), valid 7 days, for the data kinds and period chosen';

-- Who acted, when it was not the person themself: a proxy's every view and download is in the
-- principal's history under the proxy's name.
alter table portal.access_log add column actor_id uuid;
comment on column portal.access_log.actor_id is 'The proxy who acted for person_id; null when the person acted themself';

grant select, insert on portal.proxy_grant, portal.proxy_invitation to "${runtime_role}";
grant update (ended_at, ended_by) on portal.proxy_grant to "${runtime_role}";
grant update (accepted_at, accepted_by, withdrawn_at) on portal.proxy_invitation to "${runtime_role}";

-- A municipal operator ending every proxy of a person (for someone fleeing violence) is written in
-- that person's history too, as done at the municipal office.
alter table portal.access_log drop constraint access_log_channel_check;
alter table portal.access_log add constraint access_log_channel_check check (channel in ('web', 'kiosk', 'operator'));
