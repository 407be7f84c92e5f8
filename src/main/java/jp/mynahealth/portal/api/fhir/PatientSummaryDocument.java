package jp.mynahealth.portal.api.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * A patient summary shaped after the International Patient Summary (IPS): a document Bundle whose
 * Composition (LOINC 60591-5) has the sections IPS requires — medications, allergies, problems —
 * and those the store can fill — immunizations, results and payers. The store holds no allergies or problems: those
 * sections say so (emptyReason {@code unavailable}) rather than claiming there are none. Every
 * section has a short narrative in Japanese, which a section without entries needs.
 */
final class PatientSummaryDocument {

    /** How far back "current" medication reaches: dispensed drugs rarely last longer than 90 days, twice that to be safe. */
    static final int RECENT_DAYS = 180;

    private static final String AUTHOR = "Myna Health Portal";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Addresses addresses;
    private final Clock clock;

    PatientSummaryDocument(Addresses addresses, Clock clock) {
        this.addresses = addresses;
        this.clock = clock;
    }

    Bundle build(Patient patient, List<Coverage> coverages, List<MedicationDispense> dispenses,
            List<Immunization> immunizations, List<Observation> results) {
        Date now = Date.from(clock.instant());
        Composition composition = new Composition();
        String compositionId = UUID.nameUUIDFromBytes((patient.getIdPart() + "/ips/" + now.getTime())
                .getBytes(StandardCharsets.UTF_8)).toString();
        composition.setId(compositionId);
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(loinc("60591-5", "Patient summary Document"));
        composition.setSubject(new Reference(addresses.patient()));
        composition.setDateElement(new DateTimeType(now, TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(JAPAN)));
        composition.addAuthor().setDisplay(AUTHOR);
        composition.setTitle("患者サマリー（Patient Summary）");
        composition.setText(narrative("<p>" + escape(patient.getNameFirstRep().getText()) + " さんの患者サマリー（"
                + AUTHOR + " が作成）</p>"));

        Composition.SectionComponent medications = section(composition, "10160-0", "History of Medication use Narrative",
                "お薬（最近" + RECENT_DAYS + "日に調剤されたもの）");
        for (MedicationDispense dispense : dispenses) {
            medications.addEntry(reference(dispense));
        }
        fill(medications, dispenses.stream().map(d -> d.getWhenHandedOverElement().getValueAsString() + " "
                + d.getMedicationCodeableConcept().getText() + " " + quantity(d.getQuantity())).toList(),
                "nilknown", "最近" + RECENT_DAYS + "日に調剤されたお薬の記録はありません。");

        Composition.SectionComponent allergies = section(composition, "48765-2", "Allergies and adverse reactions Document",
                "アレルギー・副作用");
        fill(allergies, List.of(), "unavailable", "このサービスはアレルギー・副作用の情報を持っていません。");

        Composition.SectionComponent problems = section(composition, "11450-4", "Problem list - Reported", "病名・問題");
        fill(problems, List.of(), "unavailable", "このサービスは病名の情報を持っていません。");

        // The store holds the municipalities' routine vaccinations only (定期接種): the title says so, lest an
        // empty section read as "never vaccinated" to someone whose vaccinations were voluntary (任意接種).
        Composition.SectionComponent immunizationSection = section(composition, "11369-6", "History of Immunization Narrative",
                "予防接種（定期接種）");
        for (Immunization immunization : immunizations) {
            immunizationSection.addEntry(reference(immunization));
        }
        fill(immunizationSection, immunizations.stream().map(i -> i.getOccurrenceDateTimeType().getValueAsString() + " "
                + i.getVaccineCode().getText() + " 第" + i.getProtocolAppliedFirstRep().getDoseNumberPositiveIntType().getValue()
                + "回").toList(), "nilknown", "定期予防接種の記録はありません。");

        Composition.SectionComponent resultSection = section(composition, "30954-2",
                "Relevant diagnostic tests/laboratory data Narrative", "検査結果（最近の健診）");
        for (Observation result : results) {
            resultSection.addEntry(reference(result));
        }
        fill(resultSection, results.stream().map(o -> o.getEffectiveDateTimeType().getValueAsString() + " "
                + o.getCode().getText() + " " + value(o)).toList(), "nilknown", "健診の記録はありません。");

        Composition.SectionComponent payers = section(composition, "48768-6", "Payment sources Document", "医療保険");
        for (Coverage coverage : coverages) {
            payers.addEntry(reference(coverage));
        }
        fill(payers, coverages.stream().map(c -> c.getPayorFirstRep().getDisplay() + "（" + c.getRelationship().getText()
                + "）").toList(), "nilknown", "今日有効な医療保険の資格の記録はありません。");

        Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + compositionId));
        bundle.setTimestamp(now);
        bundle.addEntry().setFullUrl(addresses.fullUrl("Composition", compositionId)).setResource(composition);
        bundle.addEntry().setFullUrl(addresses.patient()).setResource(patient);
        for (List<? extends Resource> resources : List.of(dispenses, immunizations, results, coverages)) {
            for (Resource resource : resources) {
                bundle.addEntry().setFullUrl(addresses.fullUrl(resource.fhirType(), resource.getIdPart())).setResource(resource);
            }
        }
        return bundle;
    }

    private static Composition.SectionComponent section(Composition composition, String code, String display, String title) {
        return composition.addSection().setTitle(title).setCode(loinc(code, display));
    }

    /** The section's narrative: its lines, or why it has none (an empty section must say, cmp-1 and cmp-2). */
    private static void fill(Composition.SectionComponent section, List<String> lines, String emptyReason, String emptyText) {
        if (lines.isEmpty()) {
            section.setEmptyReason(new CodeableConcept(new Coding(FhirCodes.EMPTY_REASON, emptyReason,
                    "nilknown".equals(emptyReason) ? "Nil Known" : "Unavailable")));
            section.setText(narrative("<p>" + escape(emptyText) + "</p>"));
            return;
        }
        StringBuilder list = new StringBuilder("<ul>");
        for (String line : lines) {
            list.append("<li>").append(escape(line)).append("</li>");
        }
        section.setText(narrative(list.append("</ul>").toString()));
    }

    private Reference reference(Resource resource) {
        return new Reference(addresses.reference(resource.fhirType(), resource.getIdPart()));
    }

    private static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept(new Coding(FhirCodes.LOINC, code, display));
    }

    private static Narrative narrative(String xhtml) {
        Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</div>");
        return narrative;
    }

    private static String quantity(Quantity quantity) {
        return quantity.getValue().stripTrailingZeros().toPlainString() + (quantity.hasUnit() ? quantity.getUnit() : "");
    }

    private static String value(Observation observation) {
        return observation.hasValueQuantity() ? quantity(observation.getValueQuantity()) : observation.getValueStringType().getValue();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
