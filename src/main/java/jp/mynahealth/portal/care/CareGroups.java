package jp.mynahealth.portal.care;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jp.mynahealth.records.CareAct;

/**
 * Turns a page of acts (one row per act and day, newest first) into what a citizen reads: a group
 * per visit month, institution and category, the most recent visit first; in each, one line per
 * act with all its days and the total count, under plain headings in the order of {@link CareClass}.
 */
final class CareGroups {

    private CareGroups() {
    }

    private record VisitKey(YearMonth month, String institutionCode, String category) {
    }

    private record ActKey(CareClass careClass, String procedureCode, String name) {
    }

    /** The days and total count of one act within a visit, and its first row's id (the claim's order, as imported). */
    private static final class Tally {
        private final TreeSet<LocalDate> days = new TreeSet<>();
        private int times;
        private long firstId = Long.MAX_VALUE;
    }

    static List<CareVisit> of(List<CareAct> acts, CareText text) {
        Map<VisitKey, List<CareAct>> visits = new LinkedHashMap<>();
        for (CareAct act : acts) {
            visits.computeIfAbsent(new VisitKey(YearMonth.from(act.performedOn()), act.institutionCode(), act.category()),
                    key -> new ArrayList<>()).add(act);
        }
        List<CareVisit> groups = new ArrayList<>(visits.size());
        visits.forEach((key, visitActs) -> groups.add(visit(key, visitActs, text)));
        return groups;
    }

    private static CareVisit visit(VisitKey key, List<CareAct> acts, CareText text) {
        Map<ActKey, Tally> tallies = new LinkedHashMap<>();
        for (CareAct act : acts) {
            Tally tally = tallies.computeIfAbsent(new ActKey(CareClass.of(act.careClass()), act.procedureCode(),
                    act.procedureName()), k -> new Tally());
            tally.days.add(act.performedOn());
            tally.times += act.times();
            tally.firstId = Math.min(tally.firstId, act.id());
        }
        // Within a heading, in the order things were first done that month; on the same day as the claim lists them
        // (a blood draw before the tests on the blood, the tests before their 判断料).
        List<Map.Entry<ActKey, Tally>> ordered = new ArrayList<>(tallies.entrySet());
        ordered.sort(Comparator.<Map.Entry<ActKey, Tally>, CareClass>comparing(e -> e.getKey().careClass())
                .thenComparing(e -> e.getValue().days.first())
                .thenComparingLong(e -> e.getValue().firstId));
        List<CareLine> lines = ordered.stream()
                .map(e -> new CareLine(e.getKey().name(), text.careClass(e.getKey().careClass()),
                        text.days(List.copyOf(e.getValue().days)), text.times(e.getValue().times)))
                .toList();
        CareAct first = acts.get(0);
        return new CareVisit(text.month(key.month()), text.institution(first.institutionName(), first.institutionCode()),
                text.kind(first.institutionKind()), text.category(key.category()), lines);
    }
}
