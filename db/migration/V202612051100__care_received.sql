-- 診療情報 (issue #17): the care a person received, from the 診療行為 (SI) records of medical and
-- dental claims, named from the public 診療行為マスター. Diagnoses (SY records) are never read.

-- The public 診療行為マスター (s.csv): what a claim's 9-digit procedure code means.
create table records.procedure_master (
    procedure_code char(9) primary key check (procedure_code ~ '^[0-9]{9}$'),
    name           text not null,
    points         numeric(12, 2),
    updated_on     date
);
comment on table records.procedure_master is '診療行為マスター (診療報酬情報提供サービス, s.csv): code, 省略漢字名称, points';

-- One row per act, day and receipt: an SI record's 算定日情報 gives the count on each day of the
-- month. Kept with its receipt, so a 再請求 or 取消 replaces or removes exactly what it corrects.
create table records.care_act (
    person_id        uuid not null,
    care_act_id      bigint generated always as identity,
    receipt_id       bigint not null,
    performed_on     date not null,
    institution_code char(10) not null check (institution_code ~ '^[0-9]{10}$'),
    category         text not null check (category in ('入院', '外来', '歯科', '訪問看護')),
    care_class       smallint not null check (care_class between 1 and 99),
    procedure_code   char(9) not null check (procedure_code ~ '^[0-9]{9}$'),
    procedure_name   text not null,
    times            smallint not null check (times between 1 and 999),
    primary key (person_id, care_act_id)
);
-- The page reads a person's months, newest first, and the acts of a few of them.
create index care_act_person_day on records.care_act (person_id, performed_on desc, care_act_id);
create index care_act_receipt on records.care_act (person_id, receipt_id);
alter table records.care_act alter column care_act_id set cache 100;
comment on table records.care_act is '診療情報: procedures, tests, imaging, surgery … per day, from the SI records of 医科 and 歯科 claims (no diagnoses)';
comment on column records.care_act.care_class is '診療識別 (11 初診, 12 再診, 13 医学管理, 60 検査, 70 画像診断, 50 手術 …), carried forward within a receipt as the specification allows';
comment on column records.care_act.procedure_name is 'The 診療行為マスター''s name when the claim was taken';
comment on column records.care_act.times is 'How many times on that day (算定日情報)';

alter table records.import_file drop constraint import_file_kind_check;
alter table records.import_file add constraint import_file_kind_check
    check (kind in ('insurers', 'institutions', 'drug_master', 'qualifications', 'card_links', 'provisions', 'claims',
                    'checkups', 'vaccinations', 'e_prescriptions', 'procedure_master'));

alter table records.data_as_of drop constraint data_as_of_data_kind_check;
alter table records.data_as_of add constraint data_as_of_data_kind_check
    check (data_kind in ('qualification', 'dispensing', 'checkup', 'cost_notice', 'vaccination', 'e_prescription', 'care'));

-- The portal reads what it shows; the importer's rights come from the default privileges (V202612011000).
grant select on records.care_act, records.procedure_master to "${runtime_role}";
