-- 電子処方箋 (issue #17): prescription and dispensing events, which reach the store the day they
-- happen and are kept 100 days, beside the claims-based dispensings (a month and more late, years
-- deep). The feed is ours (src/docs/e-prescriptions.md); the importer writes it, the portal reads it.

-- One row per event and drug line. A cancellation is kept as a row of its own (a tombstone naming
-- the event it withdrew), so that the withdrawn event, should it arrive late, is not taken after all.
create table records.e_prescription (
    person_id        uuid not null,
    line_id          bigint generated always as identity,
    event_id         text not null check (event_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
    kind             text not null check (kind in ('prescribed', 'dispensed', 'cancelled')),
    occurred_at      timestamptz not null,
    happened_on      date not null,
    institution_code char(10) not null check (institution_code ~ '^[0-9]{10}$'),
    prescription_id  text,
    prescriber_code  char(10) check (prescriber_code ~ '^[0-9]{10}$'),
    drug_code        varchar(12) check (drug_code ~ '^[0-9A-Z]{12}$'),
    drug_name        text,
    generic          boolean,
    quantity         numeric(10, 3) check (quantity > 0),
    unit             text,
    usage            text,
    days             integer check (days between 1 and 365),
    category         text check (category in ('内服', '頓服', '外用', '注射')),
    cancels          text,
    file_hash        bytea not null,
    primary key (person_id, line_id),
    check ((kind = 'cancelled') = (cancels is not null)),
    check (kind = 'cancelled' or (prescription_id is not null and drug_code is not null and drug_name is not null
                                  and generic is not null and quantity is not null and unit is not null
                                  and usage is not null and days is not null and category is not null))
);
-- An event id is the sender's and never reused: a second delivery of it changes nothing.
create unique index e_prescription_event on records.e_prescription (person_id, event_id);
create index e_prescription_cancels on records.e_prescription (person_id, cancels) where cancels is not null;
-- The drug page reads the dispensings, newest first, with the same keyset as the claims' lines.
create index e_prescription_person_dispensed on records.e_prescription (person_id, happened_on desc, line_id desc)
    where kind = 'dispensed';
-- Every import removes what has passed the 100 days, whoever it belongs to.
create index e_prescription_age on records.e_prescription (happened_on);
alter table records.e_prescription alter column line_id set cache 100;
comment on table records.e_prescription is '電子処方箋: prescription, dispensing and cancellation events, one row per drug line, kept 100 days';
comment on column records.e_prescription.happened_on is 'The day prescribed (prescribed), dispensed (dispensed) or cancelled (cancelled), in Japan';
comment on column records.e_prescription.institution_code is 'Who sent the event: the prescribing institution, or the pharmacy that dispensed';
comment on column records.e_prescription.prescriber_code is 'For a dispensing: the prescribing institution, from the event or from its prescription';
comment on column records.e_prescription.drug_code is 'YJ code (12 characters), the code system of records.dispensing.drug_code';
comment on column records.e_prescription.generic is 'Whether the drug master lists the YJ code as a generic when the event was taken (false if unknown)';
comment on column records.e_prescription.cancels is 'For a cancellation: the event_id it withdrew';

-- A stream is as fresh as its newest event, a time of day rather than a complete date.
alter table records.data_as_of add column latest_event_at timestamptz;
comment on column records.data_as_of.latest_event_at is 'For a stream (e_prescription): when its newest event taken happened';

-- Other migrations of these days add kinds to the same lists of allowed values (the vaccinations
-- feed beside this one): each adds its own to whatever the list holds when it runs, rather than
-- writing the whole list again over what another one added.
create or replace function pg_temp.allow_value(target regclass, col text, val text) returns void
language plpgsql as $$
declare
    found_name text;
    found_def  text;
    allowed    text[];
begin
    select c.conname, pg_get_constraintdef(c.oid) into found_name, found_def
    from pg_constraint c
    where c.conrelid = target and c.contype = 'c'
      and pg_get_constraintdef(c.oid) like 'CHECK ((' || col || ' = ANY (ARRAY[%';
    if found_name is null then
        raise exception 'no list of allowed values on %.%', target, col;
    end if;
    select array_agg(m[1] order by n) into allowed
    from regexp_matches(found_def, '''([^'']*)''', 'g') with ordinality as r(m, n);
    if val = any (allowed) then
        return;
    end if;
    execute format('alter table %s drop constraint %I', target, found_name);
    execute format('alter table %s add constraint %I check (%I = any (%L::text[]))', target, found_name, col,
                   allowed || val);
end $$;

select pg_temp.allow_value('records.import_file', 'kind', 'e_prescriptions');
select pg_temp.allow_value('records.unmatched', 'kind', 'e_prescription');
select pg_temp.allow_value('records.data_as_of', 'data_kind', 'e_prescription');

-- The generic a brand drug could be swapped for: the same first 9 characters of the YJ code
-- (ingredient, dosage form and strength), flagged generic in the master, and its price.
create index drug_master_yj on records.drug_master (yj_code);
create index drug_master_generic on records.drug_master (left(yj_code, 9), price) where generic;

-- The portal shows a person's e-prescriptions on the drug page, and reads the drug master's prices
-- to tell where a generic would cost less (public reference data, like the institution master).
grant select on records.e_prescription, records.drug_master to "${runtime_role}";
