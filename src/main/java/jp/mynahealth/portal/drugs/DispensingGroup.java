package jp.mynahealth.portal.drugs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jp.mynahealth.records.Dispensing;

/** The lines dispensed on one day by one pharmacy or hospital, as the list shows them. */
public record DispensingGroup(LocalDate dispensedOn, String dispenserName, String prescriberName, List<Dispensing> lines) {

    /** Groups consecutive lines (already newest first) by day and dispensing institution. */
    static List<DispensingGroup> of(List<Dispensing> lines) {
        List<DispensingGroup> groups = new ArrayList<>();
        List<Dispensing> current = new ArrayList<>();
        for (Dispensing line : lines) {
            if (!current.isEmpty() && !(current.get(0).dispensedOn().equals(line.dispensedOn())
                    && current.get(0).dispenserCode().equals(line.dispenserCode()))) {
                groups.add(group(current));
                current = new ArrayList<>();
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            groups.add(group(current));
        }
        return groups;
    }

    private static DispensingGroup group(List<Dispensing> lines) {
        Dispensing first = lines.get(0);
        boolean onePrescriber = lines.stream().map(Dispensing::prescriberName).allMatch(p -> Objects.equals(p, first.prescriberName()));
        return new DispensingGroup(first.dispensedOn(), first.dispenserName(), onePrescriber ? first.prescriberName() : null,
                List.copyOf(lines));
    }
}
