-- Each role writes only its own schema (#18): a consent is given at the idp (idp.app_consent), but
-- what the portal does with it is the portal's own record. A citizen (or the proxy who gave it)
-- ending a consent on 連携中のアプリ, and when an app last read through the API, are written here; the
-- idp reads the ending when it is asked for a token, as it reads the proxy grants a proxy consents on.

create table portal.app_disconnection (
    consent_id bigint primary key,
    person_id  uuid not null,
    ended_at   timestamptz not null,
    ended_by   text not null check (ended_by in ('person', 'proxy'))
);
comment on table portal.app_disconnection is 'Consents (idp.app_consent) ended on 連携中のアプリ: from then on the API refuses their tokens and the idp refreshes none';
comment on column portal.app_disconnection.person_id is 'Whose data the consent was for';
comment on column portal.app_disconnection.ended_by is 'The person whose data it was, or the proxy who had given it';

create table portal.app_read (
    consent_id   bigint primary key,
    person_id    uuid not null,
    last_read_at timestamptz not null
);
comment on table portal.app_read is 'When an app last read through the API with a consent (shown on 連携中のアプリ)';

grant select, insert on portal.app_disconnection to "${runtime_role}";
grant select, insert on portal.app_read to "${runtime_role}";
grant update (last_read_at) on portal.app_read to "${runtime_role}";

-- Endings the portal wrote into the idp's table before this move become the portal's own rows.
insert into portal.app_disconnection (consent_id, person_id, ended_at, ended_by)
select consent_id, person_id, ended_at, ended_by from idp.app_consent where ended_by in ('person', 'proxy');
insert into portal.app_read (consent_id, person_id, last_read_at)
select consent_id, person_id, last_read_at from idp.app_consent where last_read_at is not null;
update idp.app_consent set ended_at = null, ended_by = null where ended_by in ('person', 'proxy');

-- The portal no longer writes the idp's consent; the idp ends one only when a new one replaces it.
revoke update (last_read_at) on idp.app_consent from "${runtime_role}";
alter table idp.app_consent drop column last_read_at;
alter table idp.app_consent drop constraint app_consent_ended_by_check;
alter table idp.app_consent add constraint app_consent_ended_by_check check (ended_by in ('replaced', 'operator'));
