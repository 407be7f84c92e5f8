package jp.mynahealth.portal.api.fhir;

import java.math.BigDecimal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import jp.mynahealth.portal.api.fhir.RecordRows.CoverageRow;

/**
 * A qualification: who insures the person (保険者番号 and name), since and until when, as the insured
 * (本人) or a family member (家族), and the copay rate. The insured person's 記号・番号・枝番 are
 * left out: the Health Insurance Act forbids asking for them for anything else than insurance
 * business (告知要求制限), which an app reading through the API is not; the insurance page shows them
 * to the citizen on request.
 */
final class CoverageMapping {

    static final String RESOURCE = FhirResourceType.COVERAGE.resourceName();

    private CoverageMapping() {
    }

    static Coverage coverage(CoverageRow row, Addresses addresses) {
        Coverage coverage = new Coverage();
        coverage.setId(String.valueOf(row.id()));
        // The status is the record's, not the insurance's: an ended qualification is a valid record with an end date.
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.setType(new CodeableConcept().setText(row.insurerKind()));
        coverage.setBeneficiary(new Reference(addresses.patient()));
        boolean self = "本人".equals(row.relationship());
        coverage.setRelationship(new CodeableConcept(new Coding(FhirCodes.SUBSCRIBER_RELATIONSHIP, self ? "self" : "other",
                self ? "Self" : "Other")).setText(row.relationship()));
        Period period = new Period().setStartElement(new DateTimeType(row.validFrom().toString()));
        if (row.validTo() != null) {
            period.setEndElement(new DateTimeType(row.validTo().toString()));
        }
        coverage.setPeriod(period);
        coverage.addPayor(insurer(row.insurerNumber(), row.insurerName()));
        coverage.addCostToBeneficiary()
                .setType(new CodeableConcept(new Coding(FhirCodes.COPAY_TYPE, "copaypct", "Copay Percentage"))
                        .setText("一部負担金の割合"))
                .setValue(new Quantity().setValue(BigDecimal.valueOf(row.copayPercent())).setUnit("%")
                        .setSystem(FhirCodes.UCUM).setCode("%"));
        return coverage;
    }

    /** The insurer as a reference by its 保険者番号, with its name: the portal serves no Organization resources. */
    static Reference insurer(String number, String name) {
        return new Reference().setIdentifier(new Identifier().setSystem(FhirCodes.INSURER_NUMBER).setValue(number))
                .setDisplay(name);
    }
}
