package jp.mynahealth.portal.drugs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jp.mynahealth.records.Dispensing;

/**
 * The lines dispensed on one day by one pharmacy or hospital, known from one source, as the list
 * prints them: the texts are formatted here, so the template, run for hundreds of cells per page,
 * only prints them. The source is said once, in the group's header cell, which labels each line.
 *
 * @param prescriber "prescribed by …" when every line has the same prescriber, else null
 * @param source     where the lines come from: e-prescriptions (same day) or claims (a month late)
 * @param fresh      whether that is the e-prescriptions, for the label's style
 */
public record DispensingGroup(String date, String dispenserName, String prescriber, String source, boolean fresh,
        List<DrugLine> lines) {

    /** Groups consecutive lines (already newest first) by day, dispensing institution and source. */
    static List<DispensingGroup> of(List<Dispensing> lines, DrugListText text) {
        List<DispensingGroup> groups = new ArrayList<>();
        List<Dispensing> current = new ArrayList<>();
        for (Dispensing line : lines) {
            Dispensing first = current.isEmpty() ? null : current.get(0);
            if (first != null && !(first.dispensedOn().equals(line.dispensedOn())
                    && first.dispenserCode().equals(line.dispenserCode()) && first.source() == line.source())) {
                groups.add(group(current, text));
                current = new ArrayList<>();
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            groups.add(group(current, text));
        }
        return groups;
    }

    private static DispensingGroup group(List<Dispensing> lines, DrugListText text) {
        Dispensing first = lines.get(0);
        boolean onePrescriber = lines.stream().map(Dispensing::prescriberName).allMatch(p -> Objects.equals(p, first.prescriberName()));
        return new DispensingGroup(text.date(first.dispensedOn()), first.dispenserName(),
                onePrescriber && first.prescriberName() != null ? text.prescriber(first.prescriberName()) : null,
                text.source(first.source()), first.source() == Dispensing.Source.E_PRESCRIPTION,
                lines.stream().map(line -> DrugLine.of(line, text)).toList());
    }
}
