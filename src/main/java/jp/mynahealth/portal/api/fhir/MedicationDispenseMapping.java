package jp.mynahealth.portal.api.fhir;

import java.math.BigDecimal;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import jp.mynahealth.portal.api.fhir.RecordRows.DispenseRow;

/**
 * A dispensed drug line of the claims: the drug by its YJ code, how much for how many days, when and
 * by which pharmacy. The category (内服, 頓服, 外用, 注射) is the category's text; for 頓服 the
 * store counts times, not days, so no days supply is claimed and the dosage says the times.
 */
final class MedicationDispenseMapping {

    static final String RESOURCE = FhirResourceType.MEDICATION_DISPENSE.resourceName();

    private MedicationDispenseMapping() {
    }

    static MedicationDispense dispense(DispenseRow row, Addresses addresses) {
        MedicationDispense dispense = new MedicationDispense();
        dispense.setId(String.valueOf(row.id()));
        dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        dispense.setCategory(new CodeableConcept().setText(row.category()));
        dispense.setMedication(new CodeableConcept(new Coding(FhirCodes.YJ, row.drugCode(), row.drugName()))
                .setText(row.drugName()));
        dispense.setSubject(new Reference(addresses.patient()));
        dispense.addPerformer().setActor(new Reference()
                .setIdentifier(new Identifier().setSystem(FhirCodes.INSTITUTION).setValue(row.pharmacyCode()))
                .setDisplay(row.pharmacyName()));
        dispense.setQuantity(new Quantity().setValue(row.quantity()).setUnit(row.unit()));
        boolean asNeeded = "頓服".equals(row.category());
        if (!asNeeded) {
            dispense.setDaysSupply(new Quantity().setValue(BigDecimal.valueOf(row.days())).setUnit("日")
                    .setSystem(FhirCodes.UCUM).setCode("d"));
        }
        dispense.setWhenHandedOverElement(new DateTimeType(row.dispensedOn().toString()));
        Dosage dosage = dispense.addDosageInstruction().setText(asNeeded ? row.usage() + "（" + row.days() + "回分）" : row.usage());
        dosage.setAsNeeded(new BooleanType(asNeeded));
        if (row.prescriberName() != null) {
            dispense.addNote().setText("処方した医療機関: " + row.prescriberName());
        }
        return dispense;
    }
}
