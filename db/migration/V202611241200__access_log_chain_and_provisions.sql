-- The access log becomes tamper-evident: each row carries the hash of the row before it (in the
-- order rows were appended, chain_seq) and its own hash over that and its content. Rows can be
-- appended, never changed or removed: the triggers refuse it for every role, the grants for the
-- ordinary ones. `--verify-access-log` walks the chain and names the first broken row.

alter table portal.access_log add column chain_seq bigint;
alter table portal.access_log add column prev_hash bytea;
alter table portal.access_log add column row_hash bytea;

-- The content a row's hash covers, in one fixed text form (UTC timestamps, empty for nulls).
create function portal.access_log_content(log_id bigint, person_id uuid, occurred_at timestamptz, action text,
                                          channel text, terminal_id text, result text)
returns text language sql immutable as $$
    select log_id::text || '|' || person_id::text || '|'
        || to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|'
        || action || '|' || channel || '|' || coalesce(terminal_id, '') || '|' || result
$$;

create function portal.access_log_hash(prev_hash bytea, content text)
returns bytea language sql immutable as $$
    select sha256(coalesce(prev_hash, '\x'::bytea) || convert_to(content, 'UTF8'))
$$;

-- Rows that existed before the chain get one, in log_id order.
do $$
declare
    r record;
    previous bytea := null;
    seq bigint := 0;
begin
    for r in select * from portal.access_log order by log_id loop
        seq := seq + 1;
        update portal.access_log
           set chain_seq = seq, prev_hash = previous,
               row_hash = portal.access_log_hash(previous, portal.access_log_content(r.log_id, r.person_id,
                          r.occurred_at, r.action, r.channel, r.terminal_id, r.result))
         where person_id = r.person_id and log_id = r.log_id
        returning row_hash into previous;
    end loop;
end $$;

alter table portal.access_log alter column chain_seq set not null;
alter table portal.access_log alter column row_hash set not null;
create unique index access_log_chain on portal.access_log (chain_seq);

create function portal.access_log_append() returns trigger language plpgsql as $$
declare
    last record;
begin
    -- One appender at a time, until this transaction ends: the chain has no forks.
    perform pg_advisory_xact_lock(7223372036854775807);
    select chain_seq, row_hash into last from portal.access_log order by chain_seq desc limit 1;
    new.chain_seq := coalesce(last.chain_seq, 0) + 1;
    new.prev_hash := last.row_hash;
    new.row_hash := portal.access_log_hash(new.prev_hash, portal.access_log_content(new.log_id, new.person_id,
                    new.occurred_at, new.action, new.channel, new.terminal_id, new.result));
    return new;
end $$;

create function portal.access_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'portal.access_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger access_log_append before insert on portal.access_log
    for each row execute function portal.access_log_append();
create trigger access_log_no_update before update or delete on portal.access_log
    for each row execute function portal.access_log_refuse_change();
create trigger access_log_no_truncate before truncate on portal.access_log
    for each statement execute function portal.access_log_refuse_change();
revoke update, delete, truncate on portal.access_log from public;

-- Data provided to medical institutions with the citizen's consent at the reception terminal
-- (from the read store's feeds): shown on the citizen's access history.
create table records.data_provision (
    person_id        uuid not null references records.person,
    provision_id     bigint generated always as identity,
    provided_at      timestamptz not null,
    institution_code char(10) not null references records.institution,
    data_kind        text not null check (data_kind in ('薬剤情報', '特定健診等情報', '診療情報')),
    primary key (person_id, provision_id)
);
create index data_provision_person_time on records.data_provision (person_id, provided_at desc, provision_id desc);
comment on table records.data_provision is 'Records of a person''s data provided to a medical institution with their consent';
