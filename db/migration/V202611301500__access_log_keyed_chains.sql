-- The access log, tamper-evident against whoever holds the database (issue 15) and appended without
-- one lock every request waits on (issue 14):
--  * rows are spread over 64 chains by person; appending takes the lock of one chain's head row only;
--  * each row's hash is an HMAC the portal computes with a key the database never sees, so a rewrite
--    cannot be re-chained from inside the database;
--  * the portal writes signed checkpoints of the chain heads to files outside the database, so a
--    removed tail shows as a chain shorter than a checkpoint it once reached;
--  * the log is partitioned by month (old months can be detached and archived whole).
-- Rows written before this migration keep their SHA-256 chain as chain -1, verified as before and
-- covered by the checkpoints from the first one on.

-- The rows so far wait in a temporary table while the log is made again, partitioned.
create temp table access_log_v1 on commit drop as select * from portal.access_log;
drop table portal.access_log;
drop function portal.access_log_append();

create table portal.access_log (
    person_id    uuid not null,
    log_id       bigint not null,
    occurred_at  timestamptz not null,
    action       text not null,
    channel      text not null check (channel in ('web', 'kiosk')),
    terminal_id  text,
    result       text not null check (result in ('ok', 'refused', 'not_found', 'error')),
    chain_id     smallint not null check (chain_id between -1 and 63),
    chain_seq    bigint not null check (chain_seq > 0),
    prev_hash    bytea,
    row_hash     bytea not null,
    primary key (person_id, log_id, occurred_at)
) partition by range (occurred_at);
create sequence portal.access_log_id_seq owned by portal.access_log.log_id;
alter table portal.access_log alter column log_id set default nextval('portal.access_log_id_seq');
create index access_log_person_time on portal.access_log (person_id, occurred_at desc, log_id desc);
create index access_log_chain_order on portal.access_log (chain_id, chain_seq);
comment on table portal.access_log is 'Every view and change of a person''s data: who, what, when, channel, result; append-only, in keyed chains';
comment on column portal.access_log.row_hash is 'HMAC-SHA256 (key outside the database) over prev_hash and the row''s content; SHA-256 for chain -1';

-- Append-only for every role, as before (row triggers on the parent reach every partition; a
-- truncate trigger is needed on each partition too).
create trigger access_log_no_update before update or delete on portal.access_log
    for each row execute function portal.access_log_refuse_change();
create trigger access_log_no_truncate before truncate on portal.access_log
    for each statement execute function portal.access_log_refuse_change();
revoke update, delete, truncate on portal.access_log from public;

-- Partitions are made by month, ahead of time (the portal calls this daily, as the owner through
-- security definer: the runtime role creates no tables itself); the default partition only catches
-- a row whose month was somehow not made.
create table portal.access_log_default partition of portal.access_log default;
create trigger access_log_no_truncate before truncate on portal.access_log_default
    for each statement execute function portal.access_log_refuse_change();

create function portal.access_log_add_partitions(first_month date, months integer) returns integer
language plpgsql security definer set search_path = pg_catalog, portal as $$
declare
    created integer := 0;
    month date;
    name text;
begin
    for i in 0 .. months - 1 loop
        month := (date_trunc('month', first_month) + make_interval(months => i))::date;
        name := 'access_log_' || to_char(month, 'YYYYMM');
        if to_regclass('portal.' || name) is null then
            execute format('create table portal.%I partition of portal.access_log for values from (%L) to (%L)',
                           name, month::timestamptz, (month + interval '1 month')::timestamptz);
            execute format('create trigger access_log_no_truncate before truncate on portal.%I '
                           'for each statement execute function portal.access_log_refuse_change()', name);
            created := created + 1;
        end if;
    end loop;
    return created;
end $$;
comment on function portal.access_log_add_partitions is 'Makes the monthly partitions of the access log from first_month on (idempotent)';
revoke execute on function portal.access_log_add_partitions(date, integer) from public;

do $$
declare
    first_month date := date_trunc('month', coalesce((select min(occurred_at) from access_log_v1), now()))::date;
    last_month date := date_trunc('month', now() + interval '3 months')::date;
begin
    perform portal.access_log_add_partitions(first_month,
        ((extract(year from last_month) - extract(year from first_month)) * 12
         + extract(month from last_month) - extract(month from first_month))::integer + 1);
end $$;

insert into portal.access_log (person_id, log_id, occurred_at, action, channel, terminal_id, result, chain_id,
                               chain_seq, prev_hash, row_hash)
select person_id, log_id, occurred_at, action, channel, terminal_id, result, -1, chain_seq, prev_hash, row_hash
from access_log_v1;
select setval('portal.access_log_id_seq', coalesce((select max(log_id) from access_log_v1), 0) + 1, false);

-- The head of each chain: appending locks one of these rows for its transaction.
create table portal.access_log_chain (
    chain_id  smallint primary key check (chain_id between -1 and 63),
    chain_seq bigint not null,
    row_hash  bytea
);
insert into portal.access_log_chain (chain_id, chain_seq, row_hash)
select g, 0, null from generate_series(0, 63) g;
insert into portal.access_log_chain (chain_id, chain_seq, row_hash)
select -1, chain_seq, row_hash from access_log_v1 order by chain_seq desc limit 1;
comment on table portal.access_log_chain is 'The last row of each access-log chain; the checkpoints sign these';
