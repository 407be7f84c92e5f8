package jp.mynahealth.portal.api.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import jp.mynahealth.Role;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.FhirBaseValidation;
import jp.mynahealth.support.PortalRole;

/**
 * Everything the FHIR records give for every demo person validates against the base R4 profiles
 * (HAPI's instance validator, with R4's own terminology and the common code systems: UCUM, the
 * HL7 terminology) without an error, and its JSON reads back. Warnings remain, and are expected: the
 * Japanese code systems (YJ, 特定健診項目コード, 保険者番号) and the portal's vaccine codes are unknown to the validator offline, and
 * few resources carry a narrative. The IPS implementation guide itself is not available offline: the
 * summary is checked against the base profiles and the IPS rules this test spells out.
 */
class FhirValidationTest {

    private static FhirRecords records;
    private static FhirValidator validator;
    private static List<UUID> demoPeople;

    @BeforeAll
    static void start() {
        var context = PortalRole.roles().context(Role.PORTAL);
        records = context.getBean(FhirRecords.class);
        demoPeople = context.getBean(JdbcClient.class).sql("select person_id from records.person where family_name = '見本' order by 1")
                .query(UUID.class).list();
        validator = FhirBaseValidation.validator();
    }

    @Test
    void everyResourceAndBundleOfEveryDemoPersonValidatesWithoutErrors() {
        assertThat(demoPeople).hasSizeGreaterThanOrEqualTo(4);
        Map<String, List<String>> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        for (UUID id : demoPeople) {
            PersonId person = new PersonId(id);
            List<IBaseResource> emitted = new ArrayList<>();
            emitted.add(records.patient(person));
            for (FhirResourceType type : FhirResourceType.values()) {
                emitted.add(records.search(new FhirSearch(person, type, null, null, 20, null), "https://portal.example/api/v1/fhir"));
            }
            emitted.add(records.everything(person));
            emitted.add(records.patientSummary(person));
            for (IBaseResource resource : emitted) {
                String json = FhirJson.write(resource);
                IBaseResource read = FhirJson.context().newJsonParser().parseResource(json);
                assertThat(FhirJson.write(read)).as("the JSON reads back the same").isEqualTo(json);
                ValidationResult result = validator.validateWithResult(json);
                for (SingleValidationMessage message : result.getMessages()) {
                    String where = resource.fhirType() + " of " + id;
                    if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                        errors.computeIfAbsent(where, k -> new ArrayList<>())
                                .add(message.getLocationString() + ": " + message.getMessage());
                    } else if (message.getSeverity() == ResultSeverityEnum.WARNING) {
                        warnings.merge(message.getMessage().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("Validation warnings (kinds, counted): " + warnings);
        assertThat(errors).isEmpty();
    }

    @Test
    void theSummaryIsADocumentWithTheIpsSectionsAndEveryReferenceInside() {
        Bundle summary = records.patientSummary(new PersonId(PortalRole.TARO));
        assertThat(summary.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(summary.getIdentifier().getValue()).startsWith("urn:uuid:");
        Composition composition = (Composition) summary.getEntryFirstRep().getResource();
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("60591-5");
        assertThat(composition.getAuthorFirstRep().getDisplay()).isEqualTo("Myna Health Portal");
        assertThat(summary.getEntry().get(1).getResource().fhirType()).isEqualTo("Patient");
        assertThat(composition.getSection()).extracting(s -> s.getCode().getCodingFirstRep().getCode())
                .contains("10160-0", "48765-2", "11450-4", "11369-6", "30954-2");
        List<String> fullUrls = summary.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();
        assertThat(fullUrls).doesNotHaveDuplicates().allSatisfy(url -> assertThat(url).startsWith("urn:uuid:"));
        for (Composition.SectionComponent section : composition.getSection()) {
            assertThat(section.hasText()).isTrue();
            assertThat(section.hasEntry() != section.hasEmptyReason()).as(section.getTitle()).isTrue();
            section.getEntry().forEach(entry -> assertThat(fullUrls).contains(entry.getReference()));
        }
        assertThat(composition.getSection()).filteredOn(s -> s.getCode().getCodingFirstRep().getCode().equals("10160-0"))
                .singleElement().satisfies(s -> assertThat(s.getEntry()).isNotEmpty());
        assertThat(composition.getSection()).filteredOn(s -> s.getCode().getCodingFirstRep().getCode().equals("30954-2"))
                .singleElement().satisfies(s -> assertThat(s.getEntry()).isNotEmpty());
        Bundle everything = records.everything(new PersonId(PortalRole.TARO));
        assertThat(everything.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(everything.getEntryFirstRep().getResource().fhirType()).isEqualTo("Patient");
        assertThat(new String(FhirJson.writeForReading(everything), StandardCharsets.UTF_8))
                .contains("\"reference\": \"" + everything.getEntryFirstRep().getFullUrl() + "\"");
    }
}
