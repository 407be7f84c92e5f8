-- What the portal writes itself: card-use registrations (健康保険証利用の申込み) and their
-- cancellations, the 資格確認書 requests a cancellation causes, and the access log.

create table portal.card_use_registration (
    person_id        uuid not null,
    registration_id  bigint generated always as identity,
    registered_at    timestamptz not null,
    channel          text not null check (channel in ('web', 'kiosk')),
    terminal_id      text,
    consent_version  text not null,
    cancelled_at     timestamptz,
    cancel_channel   text check (cancel_channel in ('web', 'kiosk')),
    primary key (person_id, registration_id),
    check ((cancelled_at is null) = (cancel_channel is null))
);
-- At most one active registration per person: two tabs submitting at once give one row.
create unique index card_use_registration_active on portal.card_use_registration (person_id) where cancelled_at is null;
comment on table portal.card_use_registration is 'Card use as health insurance card: history kept, at most one active per person';

create table portal.eligibility_certificate_request (
    person_id        uuid not null,
    request_id       bigint generated always as identity,
    registration_id  bigint not null,
    insurer_number   varchar(8),
    requested_at     timestamptz not null,
    primary key (person_id, request_id),
    foreign key (person_id, registration_id) references portal.card_use_registration
);
comment on table portal.eligibility_certificate_request is '資格確認書 requests recorded for the insurer when a registration is cancelled';

create table portal.access_log (
    person_id    uuid not null,
    log_id       bigint generated always as identity,
    occurred_at  timestamptz not null,
    action       text not null,
    channel      text not null check (channel in ('web', 'kiosk')),
    terminal_id  text,
    result       text not null check (result in ('ok', 'refused', 'not_found', 'error')),
    primary key (person_id, log_id)
);
create index access_log_person_time on portal.access_log (person_id, occurred_at desc, log_id desc);
comment on table portal.access_log is 'Every view and change of a person''s data: who, what, when, channel, result';
