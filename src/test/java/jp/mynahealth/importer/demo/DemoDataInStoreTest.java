package jp.mynahealth.importer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.support.ReadStoreTest;

/**
 * The demo set as loaded into the embedded PostgreSQL on first start: consistent, whole, and named.
 * Other tests add fixture people named テスト to the same store; they are left out here.
 */
@ReadStoreTest
class DemoDataInStoreTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoDataLoader loader;

    @Test
    void theShowcaseFamilyIsInTheStore() {
        assertThat(jdbc.sql("""
                select family_name || ' ' || given_name from records.person where family_name = '見本' order by birth_date
                """).query(String.class).list()).containsExactly("見本 一郎", "見本 太郎", "見本 花子", "見本 さくら");
    }

    @Test
    void everyCostNoticeNamesAnInstitutionAndInsurerThatExist() {
        assertThat(count("""
                select count(*) from records.cost_notice n
                where not exists (select 1 from records.institution i where i.institution_code = n.institution_code)
                   or not exists (select 1 from records.insurer s where s.insurer_number = n.insurer_number)
                """)).isZero();
        assertThat(count("select count(*) from records.cost_notice")).isGreaterThan(1000);
    }

    @Test
    void currentInsuranceMatchesAge() {
        assertThat(count("""
                select count(*) from records.person p
                join records.qualification q on q.person_id = p.person_id and q.valid_to is null
                join records.insurer i on i.insurer_number = q.insurer_number
                where (i.kind = '後期高齢者医療') <> (age(date '2026-11-24', p.birth_date) >= interval '75 years')
                """)).isZero();
        assertThat(count("""
                select count(*) from records.person p
                where p.family_name <> 'テスト'
                  and not exists (select 1 from records.qualification q where q.person_id = p.person_id and q.valid_to is null)
                """)).isZero();
    }

    @Test
    void nothingHappensBeforeBirthOrAfterTheDataIsComplete() {
        assertThat(count("""
                select count(*) from records.dispensing d join records.person p using (person_id)
                where d.dispensed_on < p.birth_date
                   or d.dispensed_on > (select complete_through from records.data_as_of where data_kind = 'dispensing')
                """)).isZero();
        assertThat(count("""
                select count(*) from records.cost_notice n join records.person p using (person_id)
                where n.service_month < date_trunc('month', p.birth_date)
                   or n.service_month > (select complete_through from records.data_as_of where data_kind = 'cost_notice')
                """)).isZero();
        assertThat(jdbc.sql("select complete_through from records.data_as_of where data_kind = 'cost_notice'")
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void noticesAreInsuredByTheQualificationValidThatMonth() {
        assertThat(count("""
                select count(*) from records.cost_notice n
                where n.person_id not in (select person_id from records.person where family_name = 'テスト')
                  and not exists (select 1 from records.qualification q
                                  where q.person_id = n.person_id and q.insurer_number = n.insurer_number
                                    and q.valid_from <= (n.service_month + interval '1 month' - interval '1 day')
                                    and (q.valid_to is null or q.valid_to >= n.service_month))
                """)).isZero();
    }

    /** Care came with the medical and dental claims: each act sits in the cost line of its receipt: same person, institution, month and category. */
    @Test
    void careActsBelongToTheirReceiptsAndTaroSeesHisDoctor() {
        assertThat(count("""
                select count(*) from records.care_act a
                where not exists (select 1 from records.cost_notice n
                                  where n.person_id = a.person_id and n.receipt_id = a.receipt_id
                                    and n.institution_code = a.institution_code and n.category = a.category
                                    and n.service_month = date_trunc('month', a.performed_on))
                """)).isZero();
        assertThat(count("select count(*) from records.care_act where category = '調剤'")).isZero();
        assertThat(jdbc.sql("""
                select distinct procedure_name from records.care_act
                where person_id = '70304382-bb87-4298-9e13-ffc86a5ff41c' order by 1
                """).query(String.class).list()).contains("再診料", "外来管理加算", "ＨｂＡ１ｃ");
        assertThat(count("select count(distinct category) from records.care_act")).isEqualTo(3);
        assertThat(jdbc.sql("select complete_through from records.data_as_of where data_kind = 'care'")
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    /** 見本 太郎's e-prescriptions went through the importer: today's dispensing names its prescriber, and the stream's time is its newest event. */
    @Test
    void taroHasTodaysEPrescriptionAndTheStreamIsAsOfItsNewestEvent() {
        assertThat(jdbc.sql("""
                select e.drug_name || ' ' || p.name from records.e_prescription e
                join records.institution p on p.institution_code = e.prescriber_code
                where e.person_id = '70304382-bb87-4298-9e13-ffc86a5ff41c' and e.kind = 'dispensed' and e.happened_on = date '2026-11-24'
                order by e.line_id
                """).query(String.class).list()).containsExactly("クラリス錠200 見本耳鼻咽喉科", "ムコダイン錠500mg 見本耳鼻咽喉科");
        assertThat(jdbc.sql("select latest_event_at from records.data_as_of where data_kind = 'e_prescription'")
                .query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse("2026-11-24T09:30:00+09:00").toInstant());
        assertThat(count("""
                select count(*) from records.e_prescription
                where person_id = '70304382-bb87-4298-9e13-ffc86a5ff41c'
                  and (happened_on < date '2026-11-24' - 99 or happened_on > date '2026-11-24')
                """)).isZero();
    }

    @Test
    void aSecondStartDoesNotLoadTheDemoSetAgain() {
        long before = count("select count(*) from records.person");
        assertThat(loader.loadDemoSetIfEmpty(20261124, 120)).isFalse();
        assertThat(count("select count(*) from records.person")).isEqualTo(before);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
