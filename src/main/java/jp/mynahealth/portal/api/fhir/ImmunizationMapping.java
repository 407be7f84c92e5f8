package jp.mynahealth.portal.api.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;

import jp.mynahealth.portal.api.fhir.RecordRows.VaccinationRow;

/**
 * A dose of a routine vaccination (定期接種) as the municipality recorded it: the vaccine by the portal's
 * code with the code list's name, the day, the lot when recorded, the place as the municipality wrote
 * it (a name only: no institution code is recorded) and the dose number, counted over the vaccine's
 * periods as the store counts it.
 */
final class ImmunizationMapping {

    private ImmunizationMapping() {
    }

    static Immunization immunization(VaccinationRow row, Addresses addresses) {
        Immunization immunization = new Immunization();
        immunization.setId(String.valueOf(row.id()));
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        immunization.setVaccineCode(new CodeableConcept(new Coding(FhirCodes.VACCINE, row.vaccineCode(), row.vaccineName()))
                .setText(row.vaccineName()));
        immunization.setPatient(new Reference(addresses.patient()));
        immunization.setOccurrence(new DateTimeType(row.givenOn().toString()));
        immunization.setRecordedElement(new DateTimeType(row.recordedOn().toString()));
        if (row.lotNumber() != null) {
            immunization.setLotNumber(row.lotNumber());
        }
        immunization.setLocation(new Reference().setDisplay(row.place()));
        immunization.addProtocolApplied().setDoseNumber(new PositiveIntType(row.doseNumber()));
        return immunization;
    }
}
