package jp.mynahealth.records;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A year of cost notices added up: in all, by category (入院, 外来 …) and by institution. */
public record CostSummary(Totals all, List<Line> byCategory, List<Line> byInstitution) {

    /** Sums of a group of notice lines, in yen. */
    public record Totals(int days, long totalCost, long patientShare) {
        Totals plus(CostNotice notice) {
            return new Totals(days + notice.days(), totalCost + notice.totalCost(), patientShare + notice.patientShare());
        }
    }

    /** One row of a breakdown. */
    public record Line(String label, Totals totals) {
    }

    private static final List<String> CATEGORY_ORDER = List.of("入院", "外来", "歯科", "調剤", "訪問看護");

    public static CostSummary of(List<CostNotice> notices) {
        Totals all = new Totals(0, 0, 0);
        Map<String, Totals> categories = new LinkedHashMap<>();
        Map<String, Totals> institutions = new LinkedHashMap<>();
        for (CostNotice notice : notices) {
            all = all.plus(notice);
            categories.merge(notice.category(), new Totals(0, 0, 0).plus(notice), CostSummary::add);
            institutions.merge(notice.institutionName(), new Totals(0, 0, 0).plus(notice), CostSummary::add);
        }
        List<Line> byCategory = categories.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> CATEGORY_ORDER.indexOf(e.getKey())))
                .map(e -> new Line(e.getKey(), e.getValue())).toList();
        List<Line> byInstitution = institutions.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Totals> e) -> e.getValue().totalCost()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new Line(e.getKey(), e.getValue())).toList();
        return new CostSummary(all, byCategory, byInstitution);
    }

    private static Totals add(Totals a, Totals b) {
        return new Totals(a.days() + b.days(), a.totalCost() + b.totalCost(), a.patientShare() + b.patientShare());
    }
}
