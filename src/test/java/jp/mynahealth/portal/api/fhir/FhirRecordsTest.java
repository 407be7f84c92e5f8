package jp.mynahealth.portal.api.fhir;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.SAKURA;
import static jp.mynahealth.support.PortalRole.TARO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.Role;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.PortalRole;

/** The resources and searches of the demo people, against the demo set in the embedded PostgreSQL. */
class FhirRecordsTest {

    private static final String BASE = "https://portal.example/api/v1/fhir";
    private static FhirRecords records;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        var context = PortalRole.roles().context(Role.PORTAL);
        records = context.getBean(FhirRecords.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    @Test
    void thePatientHasTheNamesInKanjiAndKanaTheBirthDateAndTheSexOnly() {
        Patient patient = records.patient(new PersonId(TARO));
        Map<String, Object> row = jdbc.sql("select * from records.person where person_id = :p").param("p", TARO).query().singleRow();
        assertThat(patient.getIdPart()).isEqualTo(TARO.toString());
        assertThat(patient.getName()).hasSize(2);
        assertThat(patient.getName().get(0).getText()).isEqualTo(row.get("family_name") + " " + row.get("given_name"))
                .isEqualTo("見本 太郎");
        assertThat(patient.getName().get(1).getFamily()).isEqualTo(row.get("family_name_kana"));
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo(row.get("birth_date").toString());
        assertThat(patient.getGender().toCode()).isEqualTo(((Number) row.get("sex")).intValue() == 1 ? "male" : "female");
        assertThat(patient.getIdentifier()).isEmpty();
    }

    @Test
    void pagingByCursorVisitsEveryRowOfEachTypeExactlyOnceNewestFirst() {
        for (UUID person : List.of(TARO, HANAKO, ICHIRO)) {
            assertThat(ids(person, FhirResourceType.COVERAGE, Map.of("_count", new String[] {"1"})))
                    .containsExactlyElementsOf(column(person, """
                            select qualification_id::text from records.qualification where person_id = :p
                            order by valid_from desc, qualification_id desc"""));
            assertThat(ids(person, FhirResourceType.MEDICATION_DISPENSE, Map.of("_count", new String[] {"40"})))
                    .containsExactlyElementsOf(column(person, """
                            select dispensing_id::text from records.dispensing where person_id = :p
                            order by dispensed_on desc, dispensing_id desc"""));
            assertThat(ids(person, FhirResourceType.OBSERVATION, Map.of("_count", new String[] {"7"})))
                    .containsExactlyElementsOf(column(person, """
                            select c.checkup_id || '-' || r.item_code from records.checkup c
                            join records.checkup_result r on r.person_id = c.person_id and r.checkup_id = c.checkup_id
                            where c.person_id = :p order by c.checked_on desc, c.checkup_id desc, r.item_code desc"""));
            assertThat(ids(person, FhirResourceType.EXPLANATION_OF_BENEFIT, Map.of("_count", new String[] {"13"})))
                    .containsExactlyElementsOf(column(person, """
                            select notice_id::text from records.cost_notice where person_id = :p
                            order by service_month desc, notice_id desc"""));
        }
        assertThat(column(TARO, "select dispensing_id::text from records.dispensing where person_id = :p"))
                .as("the demo set gives 太郎 more than two pages of drugs").hasSizeGreaterThan(80);
    }

    @Test
    void theDateFilterKeepsTheDaysAskedFor() {
        Map<String, String[]> year = Map.of("date", new String[] {"ge2025-04", "lt2026"});
        List<String> dispensed = new ArrayList<>();
        for (Resource resource : all(TARO, FhirResourceType.MEDICATION_DISPENSE, year)) {
            dispensed.add(((MedicationDispense) resource).getWhenHandedOverElement().getValueAsString());
        }
        assertThat(dispensed).isNotEmpty().allSatisfy(day -> assertThat(day).isBetween("2025-04-01", "2025-12-31"));
        assertThat(dispensed).hasSize(column(TARO, """
                select dispensing_id::text from records.dispensing
                where person_id = :p and dispensed_on between '2025-04-01' and '2025-12-31'""").size());
        List<Resource> notices = all(TARO, FhirResourceType.EXPLANATION_OF_BENEFIT, Map.of("date", new String[] {"2025-06-15"}));
        assertThat(notices).isNotEmpty().allSatisfy(r -> assertThat(((ExplanationOfBenefit) r).getBillablePeriod()
                .getStartElement().getValueAsString()).isEqualTo("2025-06-01"));
        assertThat(all(TARO, FhirResourceType.OBSERVATION, Map.of("date", new String[] {"1990"}))).isEmpty();
    }

    @Test
    void theResourcesCarryTheStoredValues() {
        Map<String, Object> line = jdbc.sql("""
                select d.dispensing_id, d.drug_code, d.drug_name, d.quantity, d.days, d.dispensed_on, d.category, i.name
                from records.dispensing d join records.institution i on i.institution_code = d.dispenser_code
                where d.person_id = :p and d.category = '内服' order by d.dispensed_on desc limit 1""").param("p", TARO).query().singleRow();
        MedicationDispense dispense = (MedicationDispense) first(TARO, FhirResourceType.MEDICATION_DISPENSE,
                "date", "eq" + line.get("dispensed_on"), line.get("dispensing_id").toString());
        assertThat(dispense.getMedicationCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo("urn:oid:1.2.392.100495.20.1.73");
        assertThat(dispense.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo(line.get("drug_code"));
        assertThat(dispense.getMedicationCodeableConcept().getText()).isEqualTo(line.get("drug_name"));
        assertThat(dispense.getQuantity().getValue()).isEqualByComparingTo((BigDecimal) line.get("quantity"));
        assertThat(dispense.getDaysSupply().getValue().intValue()).isEqualTo(line.get("days"));
        assertThat(dispense.getPerformerFirstRep().getActor().getDisplay()).isEqualTo(line.get("name"));
        assertThat(dispense.getStatus()).isEqualTo(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        assertThat(dispense.getSubject().getReference()).isEqualTo("Patient/" + TARO);

        Map<String, Object> result = jdbc.sql("""
                select c.checkup_id, c.checked_on, r.item_code, r.value_numeric, r.unit, r.reference_high from records.checkup c
                join records.checkup_result r on r.person_id = c.person_id and r.checkup_id = c.checkup_id
                where c.person_id = :p and r.unit = 'mg/dL' and r.reference_high is not null
                order by c.checked_on desc limit 1""").param("p", TARO).query().singleRow();
        Observation observation = (Observation) first(TARO, FhirResourceType.OBSERVATION, "date", "eq" + result.get("checked_on"),
                result.get("checkup_id") + "-" + result.get("item_code"));
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo(result.get("item_code"));
        assertThat(observation.getValueQuantity().getValue()).isEqualByComparingTo((BigDecimal) result.get("value_numeric"));
        assertThat(observation.getValueQuantity().getCode()).isEqualTo("mg/dL");
        assertThat(observation.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo((BigDecimal) result.get("reference_high"));
        assertThat(observation.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("laboratory");
        // A laboratory item carries its code as JLAC10 too (JP Core's system for lab results).
        assertThat(observation.getCode().getCoding()).extracting(org.hl7.fhir.r4.model.Coding::getSystem)
                .containsExactly("urn:oid:1.2.392.200119.6.1005", "urn:oid:1.2.392.200119.4.504");
        assertThat(observation.getEffectiveDateTimeType().getValueAsString()).isEqualTo(result.get("checked_on").toString());

        Map<String, Object> notice = jdbc.sql("""
                select notice_id, service_month, total_cost, patient_share from records.cost_notice
                where person_id = :p order by service_month desc limit 1""").param("p", ICHIRO).query().singleRow();
        ExplanationOfBenefit eob = (ExplanationOfBenefit) first(ICHIRO, FhirResourceType.EXPLANATION_OF_BENEFIT, "date",
                notice.get("service_month").toString().substring(0, 7), notice.get("notice_id").toString());
        assertThat(eob.getTotal()).anySatisfy(t -> {
            assertThat(t.getCategory().getCodingFirstRep().getCode()).isEqualTo("submitted");
            assertThat(t.getAmount().getValue().longValue()).isEqualTo(((Number) notice.get("total_cost")).longValue());
            assertThat(t.getAmount().getCurrency()).isEqualTo("JPY");
        });
        assertThat(eob.getTotal()).anySatisfy(t -> {
            assertThat(t.getCategory().getCodingFirstRep().getCode()).isEqualTo("copay");
            assertThat(t.getAmount().getValue().longValue()).isEqualTo(((Number) notice.get("patient_share")).longValue());
        });
        assertThat(eob.getInsuranceFirstRep().getFocal()).isTrue();
        assertThat(eob.getInsuranceFirstRep().getCoverage().getReference()).startsWith("Coverage/");
        assertThat(eob.getUse()).isEqualTo(ExplanationOfBenefit.Use.CLAIM);
        assertThat(eob.getOutcome()).isEqualTo(ExplanationOfBenefit.RemittanceOutcome.COMPLETE);

        Coverage coverage = (Coverage) records.search(FhirSearch.all(new PersonId(TARO), FhirResourceType.COVERAGE), BASE)
                .getEntryFirstRep().getResource();
        Map<String, Object> qualification = jdbc.sql("""
                select q.insurer_number, q.number, i.name from records.qualification q join records.insurer i using (insurer_number)
                where q.person_id = :p order by q.valid_from desc, q.qualification_id desc limit 1""").param("p", TARO).query().singleRow();
        assertThat(coverage.getPayorFirstRep().getDisplay()).isEqualTo(qualification.get("name"));
        assertThat(coverage.getPayorFirstRep().getIdentifier().getValue()).isEqualTo(qualification.get("insurer_number"));
        assertThat(coverage.getIdentifier()).isEmpty();
        assertThat(coverage.hasSubscriberId()).isFalse();
        assertThat(FhirJson.write(coverage)).doesNotContain("\"" + qualification.get("number") + "\"");
    }

    @Test
    void everyVaccinationIsAnImmunizationInTheDownloadAndTheSummaryNewestFirst() {
        List<Map<String, Object>> doses = jdbc.sql("""
                select v.vaccination_id, v.given_on, v.vaccine_code, c.name, v.dose_number, v.lot_number, v.place, v.recorded_on
                from records.vaccination v join records.vaccine c using (vaccine_code)
                where v.person_id = :p order by v.given_on desc, v.vaccination_id desc""").param("p", SAKURA).query().listOfRows();
        assertThat(doses).as("the demo set gives さくら her routine vaccinations").hasSizeGreaterThan(10);
        assertThat(doses).as("some with a lot number").anySatisfy(d -> assertThat(d.get("lot_number")).isNotNull());

        Bundle everything = records.everything(new PersonId(SAKURA));
        List<Immunization> immunizations = everything.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Immunization.class::isInstance).map(Immunization.class::cast).toList();
        assertThat(immunizations).extracting(Immunization::getIdPart)
                .containsExactlyElementsOf(doses.stream().map(d -> d.get("vaccination_id").toString()).toList());
        for (int i = 0; i < doses.size(); i++) {
            Map<String, Object> dose = doses.get(i);
            Immunization immunization = immunizations.get(i);
            assertThat(immunization.getStatus()).isEqualTo(Immunization.ImmunizationStatus.COMPLETED);
            assertThat(immunization.getVaccineCode().getCoding()).singleElement().satisfies(coding -> {
                assertThat(coding.getSystem()).isEqualTo("urn:myna-health:fhir:vaccine");
                assertThat(coding.getCode()).isEqualTo(dose.get("vaccine_code"));
                assertThat(coding.getDisplay()).isEqualTo(dose.get("name"));
            });
            assertThat(immunization.getVaccineCode().getText()).isEqualTo(dose.get("name"));
            assertThat(immunization.getPatient().getReference()).isEqualTo(everything.getEntryFirstRep().getFullUrl());
            assertThat(immunization.getOccurrenceDateTimeType().getValueAsString()).isEqualTo(dose.get("given_on").toString());
            assertThat(immunization.getRecordedElement().getValueAsString()).isEqualTo(dose.get("recorded_on").toString());
            assertThat(immunization.hasLotNumber() ? immunization.getLotNumber() : null).isEqualTo(dose.get("lot_number"));
            assertThat(immunization.getLocation().getDisplay()).isEqualTo(dose.get("place"));
            assertThat(immunization.getProtocolApplied()).singleElement().satisfies(p -> assertThat(
                    p.getDoseNumberPositiveIntType().getValue()).isEqualTo(((Number) dose.get("dose_number")).intValue()));
        }

        Bundle summary = records.patientSummary(new PersonId(SAKURA));
        Composition.SectionComponent section = immunizationSection(summary);
        assertThat(section.getTitle()).isEqualTo("予防接種（定期接種）");
        assertThat(section.hasEmptyReason()).isFalse();
        List<String> fullUrls = summary.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();
        List<String> immunizationUrls = summary.getEntry().stream().filter(e -> e.getResource() instanceof Immunization)
                .map(Bundle.BundleEntryComponent::getFullUrl).toList();
        assertThat(section.getEntry()).extracting(Reference::getReference)
                .containsExactlyElementsOf(immunizationUrls).hasSize(doses.size()).allSatisfy(url -> assertThat(fullUrls).contains(url));
        Map<String, Object> newest = doses.get(0);
        assertThat(section.getText().getDivAsString()).contains(newest.get("given_on") + " " + newest.get("name") + " 第"
                + newest.get("dose_number") + "回");

        UUID unvaccinated = jdbc.sql("""
                select person_id from records.person p where family_name = '見本'
                and not exists (select 1 from records.vaccination v where v.person_id = p.person_id) order by 1 limit 1""")
                .query(UUID.class).single();
        Composition.SectionComponent empty = immunizationSection(records.patientSummary(new PersonId(unvaccinated)));
        assertThat(empty.hasEntry()).isFalse();
        assertThat(empty.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("nilknown");
        assertThat(empty.getText().getDivAsString()).contains("定期予防接種の記録はありません。");
        assertThat(records.everything(new PersonId(unvaccinated)).getEntry()).noneMatch(e -> e.getResource() instanceof Immunization);
    }

    @Test
    void theBundleLinksItselfAndItsNextPageOnTheBaseUrl() {
        FhirSearch search = FhirSearch.parse(new PersonId(TARO), FhirResourceType.MEDICATION_DISPENSE,
                Map.of("date", new String[] {"ge2024-01-01"}, "_count", new String[] {"5"}));
        Bundle bundle = records.search(search, BASE + "/");
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.hasTotal()).isFalse();
        assertThat(bundle.getEntry()).hasSize(5).allSatisfy(e -> {
            assertThat(e.getFullUrl()).startsWith(BASE + "/MedicationDispense/");
            assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        });
        assertThat(bundle.getLink("self").getUrl()).isEqualTo(BASE + "/MedicationDispense?date=ge2024-01-01&_count=5");
        assertThat(bundle.getLink("next").getUrl()).startsWith(BASE + "/MedicationDispense?date=ge2024-01-01&_count=5&_cursor=");
        Map<String, String[]> next = params(bundle.getLink("next").getUrl());
        Bundle second = records.search(FhirSearch.parse(new PersonId(TARO), FhirResourceType.MEDICATION_DISPENSE, next), BASE);
        assertThat(second.getLink("self").getUrl()).isEqualTo(bundle.getLink("next").getUrl());
    }

    @Test
    void badParametersAndCursorsAreRefused() {
        PersonId taro = new PersonId(TARO);
        FhirResourceType drugs = FhirResourceType.MEDICATION_DISPENSE;
        for (Map<String, String[]> bad : List.of(
                Map.of("date", new String[] {"2025-13"}),
                Map.of("date", new String[] {"ne2025"}),
                Map.of("date", new String[] {"2025-02-30"}),
                Map.of("date", new String[] {"2025-01-01T00:00:00"}),
                Map.of("_count", new String[] {"0"}),
                Map.of("_count", new String[] {"101"}),
                Map.of("_count", new String[] {"ten"}),
                Map.of("_count", new String[] {"5", "6"}),
                Map.of("patient", new String[] {HANAKO.toString()}),
                Map.of("_cursor", new String[] {"abc"}))) {
            assertThatThrownBy(() -> FhirSearch.parse(taro, drugs, bad)).as(bad.keySet() + "=" + List.of(bad.values().iterator().next()))
                    .isInstanceOf(InvalidSearchException.class).message().isNotBlank().doesNotContain(HANAKO.toString());
        }
        assertThatThrownBy(() -> FhirSearch.parse(taro, FhirResourceType.COVERAGE, Map.of("date", new String[] {"2025"})))
                .isInstanceOf(InvalidSearchException.class);
        assertThat(FhirSearch.parse(taro, drugs, Map.of()).count()).isEqualTo(50);
        FhirSearch range = FhirSearch.parse(taro, drugs, Map.of("date", new String[] {"gt2024-12", "le2025"}));
        assertThat(range.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2025, 12, 31));

        String cursor = params(records.search(new FhirSearch(taro, drugs, null, null, 3, null), BASE).getLink("next").getUrl())
                .get("_cursor")[0];
        assertThat(FhirSearch.parse(taro, drugs, Map.of("_cursor", new String[] {cursor})).cursor()).isEqualTo(cursor);
        String edited = cursor.charAt(0) == 'A' ? "B" + cursor.substring(1) : "A" + cursor.substring(1);
        for (String refused : List.of(edited, cursor.substring(1), cursor + "A")) {
            assertThatThrownBy(() -> FhirSearch.parse(taro, drugs, Map.of("_cursor", new String[] {refused})))
                    .isInstanceOf(InvalidSearchException.class);
        }
        assertThatThrownBy(() -> FhirSearch.parse(new PersonId(HANAKO), drugs, Map.of("_cursor", new String[] {cursor})))
                .as("another person's cursor").isInstanceOf(InvalidSearchException.class);
        assertThatThrownBy(() -> FhirSearch.parse(taro, FhirResourceType.EXPLANATION_OF_BENEFIT, Map.of("_cursor", new String[] {cursor})))
                .as("another type's cursor").isInstanceOf(InvalidSearchException.class);
    }

    private static Composition.SectionComponent immunizationSection(Bundle summary) {
        Composition composition = (Composition) summary.getEntryFirstRep().getResource();
        return composition.getSection().stream().filter(s -> s.getCode().getCodingFirstRep().getCode().equals("11369-6"))
                .findFirst().orElseThrow();
    }

    /** Every page of a search, following the next links as an app would. */
    private static List<Resource> all(UUID person, FhirResourceType type, Map<String, String[]> params) {
        List<Resource> resources = new ArrayList<>();
        Map<String, String[]> asked = new HashMap<>(params);
        for (int pages = 0; pages < 10_000; pages++) {
            Bundle bundle = records.search(FhirSearch.parse(new PersonId(person), type, asked), BASE);
            bundle.getEntry().forEach(e -> resources.add(e.getResource()));
            if (bundle.getLink("next") == null) {
                return resources;
            }
            asked = params(bundle.getLink("next").getUrl());
        }
        throw new AssertionError("paging did not end");
    }

    private static List<String> ids(UUID person, FhirResourceType type, Map<String, String[]> params) {
        return all(person, type, params).stream().map(Resource::getIdPart).toList();
    }

    private static Resource first(UUID person, FhirResourceType type, String name, String value, String id) {
        return all(person, type, Map.of(name, new String[] {value})).stream().filter(r -> r.getIdPart().equals(id))
                .findFirst().orElseThrow();
    }

    private static List<String> column(UUID person, String sql) {
        return jdbc.sql(sql).param("p", person).query(String.class).list();
    }

    private static Map<String, String[]> params(String url) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Map<String, String[]> params = new LinkedHashMap<>();
        values.forEach((k, v) -> params.put(k, v.toArray(String[]::new)));
        return params;
    }
}
