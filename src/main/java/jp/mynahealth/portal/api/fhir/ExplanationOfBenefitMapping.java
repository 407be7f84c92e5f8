package jp.mynahealth.portal.api.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import jp.mynahealth.portal.api.fhir.RecordRows.CoverageRow;
import jp.mynahealth.portal.api.fhir.RecordRows.NoticeRow;

/**
 * One line of the medical cost notice (医療費通知情報: a month, an institution, a category) as an
 * adjudicated claim: the total cost (submitted), what the insurer and public funds paid (benefit, and
 * a public share by text), and the patient's share (copay, an estimate from the copay rate as the
 * notice says). The store keeps no date of the claim itself: {@code created} is the last day of the
 * service month.
 */
final class ExplanationOfBenefitMapping {

    static final String RESOURCE = FhirResourceType.EXPLANATION_OF_BENEFIT.resourceName();

    /** The category of care as the claim types of FHIR tell them apart. */
    private static final Map<String, String> CLAIM_TYPES = Map.of("入院", "institutional", "外来", "professional",
            "歯科", "oral", "調剤", "pharmacy", "訪問看護", "professional");
    private static final Map<String, String> CLAIM_TYPE_NAMES = Map.of("institutional", "Institutional",
            "professional", "Professional", "oral", "Oral", "pharmacy", "Pharmacy");

    private ExplanationOfBenefitMapping() {
    }

    static ExplanationOfBenefit explanation(NoticeRow row, List<CoverageRow> coverages, Addresses addresses) {
        ExplanationOfBenefit eob = new ExplanationOfBenefit();
        eob.setId(String.valueOf(row.id()));
        eob.setStatus(ExplanationOfBenefit.ExplanationOfBenefitStatus.ACTIVE);
        String type = CLAIM_TYPES.get(row.category());
        eob.setType(new CodeableConcept(new Coding(FhirCodes.CLAIM_TYPE, type, CLAIM_TYPE_NAMES.get(type))).setText(row.category()));
        eob.setUse(ExplanationOfBenefit.Use.CLAIM);
        eob.setPatient(new Reference(addresses.patient()));
        LocalDate monthEnd = row.serviceMonth().plusMonths(1).minusDays(1);
        Period month = new Period().setStartElement(new DateTimeType(row.serviceMonth().toString()))
                .setEndElement(new DateTimeType(monthEnd.toString()));
        eob.setBillablePeriod(month);
        eob.setCreatedElement(new DateTimeType(monthEnd.toString()));
        eob.setInsurer(CoverageMapping.insurer(row.insurerNumber(), row.insurerName()));
        eob.setProvider(new Reference()
                .setIdentifier(new Identifier().setSystem(FhirCodes.INSTITUTION).setValue(row.institutionCode()))
                .setDisplay(row.institutionName()));
        eob.setOutcome(ExplanationOfBenefit.RemittanceOutcome.COMPLETE);
        Reference coverage = coverages.stream()
                .filter(c -> c.insurerNumber().equals(row.insurerNumber()) && (c.covers(row.serviceMonth()) || c.covers(monthEnd)))
                .findFirst()
                .map(c -> new Reference(addresses.reference(CoverageMapping.RESOURCE, String.valueOf(c.id())))
                        .setDisplay(row.insurerName()))
                .orElseGet(() -> new Reference().setDisplay(row.insurerName()));
        eob.addInsurance().setFocal(true).setCoverage(coverage);
        eob.addItem().setSequence(1).setProductOrService(new CodeableConcept().setText(row.category()))
                .setServiced(month.copy())
                .setQuantity(new Quantity().setValue(BigDecimal.valueOf(row.days())).setUnit("日")
                        .setSystem(FhirCodes.UCUM).setCode("d"));
        total(eob, "submitted", "Submitted Amount", "医療費の総額", row.totalCost());
        total(eob, "benefit", "Benefit Amount", "保険者負担額", row.insurerShare());
        if (row.publicShare() > 0) {
            eob.addTotal().setCategory(new CodeableConcept().setText("公費負担額")).setAmount(yen(row.publicShare()));
        }
        total(eob, "copay", "CoPay", "窓口相当負担額", row.patientShare());
        return eob;
    }

    private static void total(ExplanationOfBenefit eob, String code, String display, String text, long amount) {
        eob.addTotal().setCategory(new CodeableConcept(new Coding(FhirCodes.ADJUDICATION, code, display)).setText(text))
                .setAmount(yen(amount));
    }

    private static Money yen(long amount) {
        return new Money().setValue(BigDecimal.valueOf(amount)).setCurrency("JPY");
    }
}
