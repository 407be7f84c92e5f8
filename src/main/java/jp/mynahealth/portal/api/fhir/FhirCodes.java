package jp.mynahealth.portal.api.fhir;

import java.util.Map;

/**
 * The code and identifier systems the resources use, after JP Core and the MHLW FHIR
 * specifications where they name one (src/docs/apps.md says why each).
 */
final class FhirCodes {

    /** YJ code (薬価基準収載医薬品コード, 12 characters), as JP Core and the e-prescription FHIR specification name it. */
    static final String YJ = "urn:oid:1.2.392.100495.20.1.73";
    /** 特定健診項目コード (17 characters, JLAC10 in form), the code system of the 特定健診 files the checkups come in. */
    static final String CHECKUP_ITEM = "urn:oid:1.2.392.200119.6.1005";
    /**
     * JLAC10 (臨床検査項目分類コード, 17 characters, MEDIS), as JP Core names it for laboratory results: given
     * beside the 特定健診 item code for the laboratory items only, whose codes are JLAC10 codes.
     */
    static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";
    /**
     * The portal's own vaccine codes (records.vaccine: DPT-IPV-HIB, MR, JE …), one a vaccine of the routine
     * programme, not a product: no national code list names vaccines this way, so the system is the portal's.
     */
    static final String VACCINE = "urn:myna-health:fhir:vaccine";
    /** 保険者番号 (JP Core InsurerNumber). */
    static final String INSURER_NUMBER = "urn:oid:1.2.392.100495.20.3.61";
    /** 医療機関コード (10 digits: prefecture, 点数表, number, check digit), JP Core. */
    static final String INSTITUTION = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String LOINC = "http://loinc.org";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String SUBSCRIBER_RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    static final String COPAY_TYPE = "http://terminology.hl7.org/CodeSystem/coverage-copay-type";
    static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
    static final String EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason";
    static final String NAME_REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";

    /** The checkups' units in UCUM; a unit not listed goes out as text only. */
    static final Map<String, String> UCUM_UNITS = Map.of("cm", "cm", "kg", "kg", "kg/m2", "kg/m2", "mmHg", "mm[Hg]",
            "mg/dL", "mg/dL", "U/L", "U/L", "%", "%", "mL/min/1.73m2", "mL/min/{1.73_m2}", "g/dL", "g/dL");

    private FhirCodes() {
    }
}
