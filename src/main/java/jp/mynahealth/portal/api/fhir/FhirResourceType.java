package jp.mynahealth.portal.api.fhir;

/** The resource types an app may search, each over one kind of the person's records. */
public enum FhirResourceType {
    COVERAGE("Coverage"), MEDICATION_DISPENSE("MedicationDispense"), OBSERVATION("Observation"),
    EXPLANATION_OF_BENEFIT("ExplanationOfBenefit");

    private final String resourceName;

    FhirResourceType(String resourceName) {
        this.resourceName = resourceName;
    }

    /** As FHIR spells it, in URLs and in {@code resourceType}. */
    public String resourceName() {
        return resourceName;
    }

    /** Whether {@code date} filters this type (a coverage is listed whole: it has no one date). */
    public boolean hasDate() {
        return this != COVERAGE;
    }
}
