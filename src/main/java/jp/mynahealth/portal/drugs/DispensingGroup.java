package jp.mynahealth.portal.drugs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jp.mynahealth.records.Dispensing;

/**
 * The lines dispensed on one day by one pharmacy or hospital, as the list prints them: the texts
 * are formatted here, so the template, run for hundreds of cells per page, only prints them.
 *
 * @param prescriber "prescribed by …" when every line has the same prescriber, else null
 */
public record DispensingGroup(String date, String dispenserName, String prescriber, List<DrugLine> lines) {

    /** Groups consecutive lines (already newest first) by day and dispensing institution. */
    static List<DispensingGroup> of(List<Dispensing> lines, DrugListText text) {
        List<DispensingGroup> groups = new ArrayList<>();
        List<Dispensing> current = new ArrayList<>();
        for (Dispensing line : lines) {
            if (!current.isEmpty() && !(current.get(0).dispensedOn().equals(line.dispensedOn())
                    && current.get(0).dispenserCode().equals(line.dispenserCode()))) {
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
                lines.stream().map(line -> DrugLine.of(line, text)).toList());
    }
}
