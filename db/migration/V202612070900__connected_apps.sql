-- The apps citizens connect (issue #18): tax return software and PHR apps registered by an
-- operator as OAuth clients of the idp, and each citizen's consent to one of them. The idp writes
-- both (the operator command registers, the consent page consents); the portal reads them to serve
-- the API and lists, and ends, a citizen's consents on "連携中のアプリ".

create table idp.app (
    app_id        text primary key check (app_id ~ '^[a-z0-9][a-z0-9-]{2,62}$'),
    name          text not null check (length(name) between 1 and 100),
    operator      text not null check (length(operator) between 1 and 200),
    redirect_uris text[] not null check (cardinality(redirect_uris) between 1 and 10),
    scopes        text[] not null check (cardinality(scopes) > 0
                                         and scopes <@ array['insurance', 'drugs', 'checkups', 'costs', 'tax-notice']),
    secret_hash   text,
    registered_at timestamptz not null,
    retired_at    timestamptz
);
comment on table idp.app is 'Third-party apps (OAuth clients) a citizen may connect: registered by an operator, shown to citizens by name';
comment on column idp.app.app_id is 'The OAuth client_id';
comment on column idp.app.operator is 'Who runs the app (a company or body), shown on the consent page';
comment on column idp.app.scopes is 'The data the app may ever ask for; a citizen consents to these or fewer';
comment on column idp.app.secret_hash is 'bcrypt hash of the client secret ({bcrypt}…); null for a public client (PKCE only)';

create table idp.app_consent (
    consent_id   bigint generated always as identity primary key,
    person_id    uuid not null,
    actor_id     uuid check (actor_id <> person_id),
    grant_id     bigint,
    app_id       text not null references idp.app,
    authorization_id text not null unique,
    scopes       text[] not null check (cardinality(scopes) > 0
                                        and scopes <@ array['insurance', 'drugs', 'checkups', 'costs', 'tax-notice']),
    once         boolean not null,
    granted_at   timestamptz not null,
    valid_until  timestamptz not null check (valid_until > granted_at),
    ended_at     timestamptz,
    ended_by     text check (ended_by in ('person', 'proxy', 'replaced', 'operator')),
    last_read_at timestamptz,
    check ((ended_at is null) = (ended_by is null)),
    check ((actor_id is null) = (grant_id is null))
);
-- One consent in force per person and app: a new consent ends the earlier one ('replaced').
create unique index app_consent_live on idp.app_consent (person_id, app_id) where ended_at is null;
-- A proxy's own list of the apps they connected for others.
create index app_consent_actor on idp.app_consent (actor_id) where actor_id is not null and ended_at is null;
comment on table idp.app_consent is 'A citizen''s consent to an app: which data, once or for a period (at most 90 days); every API call checks it';
comment on column idp.app_consent.person_id is 'Whose data the app reads';
comment on column idp.app_consent.actor_id is 'The proxy (portal.proxy_grant) who consented for person_id, within their grant; null when the person did';
comment on column idp.app_consent.authorization_id is 'The Authorization Server''s authorization (idp.oauth2_authorization.id) the consent was given in: its code, tokens and refreshes keep that id';
comment on column idp.app_consent.once is 'Consent for one fetch: no refresh token, over when its access token expires';
comment on column idp.app_consent.last_read_at is 'When the app last read data with this consent (shown on the citizen''s list)';

grant select, insert on idp.app, idp.app_consent to "${runtime_role}";
grant update (name, operator, redirect_uris, scopes, secret_hash, retired_at) on idp.app to "${runtime_role}";
grant update (ended_at, ended_by, last_read_at) on idp.app_consent to "${runtime_role}";

-- What an app read, in the citizen's access history: the channel 'api', and the app in terminal_id
-- (which names where the access came from: the kiosk terminal, the municipal office, or the app).
alter table portal.access_log drop constraint access_log_channel_check;
alter table portal.access_log add constraint access_log_channel_check
    check (channel in ('web', 'kiosk', 'operator', 'api'));
comment on column portal.access_log.terminal_id is 'Where from: the kiosk terminal (channel kiosk), the municipal office (operator), or the app''s id (api)';
