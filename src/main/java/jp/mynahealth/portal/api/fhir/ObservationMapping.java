package jp.mynahealth.portal.api.fhir;

import java.math.BigDecimal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import jp.mynahealth.portal.api.fhir.RecordRows.ResultRow;

/**
 * One item of a checkup: its 特定健診項目コード and name, the value with its unit (in UCUM where the
 * unit has a UCUM form) or the answer as text, the reference range and the H/L flag. Items whose code
 * starts with 9 (measurements and questions) are exams, the others laboratory tests.
 */
final class ObservationMapping {

    static final String RESOURCE = FhirResourceType.OBSERVATION.resourceName();

    private ObservationMapping() {
    }

    /** One checkup's item: the checkup's id and the item code (at most 54 characters, within FHIR's 64). */
    static String id(ResultRow row) {
        return row.checkupId() + "-" + row.itemCode();
    }

    static Observation observation(ResultRow row, Addresses addresses) {
        Observation observation = new Observation();
        observation.setId(id(row));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        boolean exam = row.itemCode().startsWith("9");
        observation.addCategory(new CodeableConcept(new Coding(FhirCodes.OBSERVATION_CATEGORY, exam ? "exam" : "laboratory",
                exam ? "Exam" : "Laboratory")));
        CodeableConcept code = new CodeableConcept(new Coding(FhirCodes.CHECKUP_ITEM, row.itemCode(), row.itemName()))
                .setText(row.itemName());
        if (!exam && row.itemCode().length() == 17) {
            // A laboratory item's code is its JLAC10 code too (the measurements and questions, 9…, are not lab codes).
            code.addCoding(new Coding(FhirCodes.JLAC10, row.itemCode(), row.itemName()));
        }
        observation.setCode(code);
        observation.setSubject(new Reference(addresses.patient()));
        observation.setEffective(new DateTimeType(row.checkedOn().toString()));
        observation.addPerformer(new Reference()
                .setIdentifier(new Identifier().setSystem(FhirCodes.INSTITUTION).setValue(row.institutionCode()))
                .setDisplay(row.institutionName()));
        if (row.valueNumeric() != null) {
            observation.setValue(quantity(row.valueNumeric(), row.unit()));
        } else {
            observation.setValue(new StringType(row.valueText()));
        }
        if (row.referenceLow() != null || row.referenceHigh() != null) {
            Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
            if (row.referenceLow() != null) {
                range.setLow(quantity(row.referenceLow(), row.unit()));
            }
            if (row.referenceHigh() != null) {
                range.setHigh(quantity(row.referenceHigh(), row.unit()));
            }
        }
        if (row.flag() != null) {
            boolean high = "H".equals(row.flag());
            observation.addInterpretation(new CodeableConcept(new Coding(FhirCodes.INTERPRETATION, high ? "H" : "L",
                    high ? "High" : "Low")));
        }
        return observation;
    }

    private static Quantity quantity(BigDecimal value, String unit) {
        Quantity quantity = new Quantity().setValue(value);
        if (unit != null) {
            quantity.setUnit(unit);
            String ucum = FhirCodes.UCUM_UNITS.get(unit);
            if (ucum != null) {
                quantity.setSystem(FhirCodes.UCUM).setCode(ucum);
            }
        }
        return quantity;
    }
}
