package jp.mynahealth.portal.checkups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.mynahealth.records.CheckupResult;

/** Puts a checkup's items in the order and sections of the standard result form (特定健診の結果票). */
final class CheckupGroups {

    /** A section of the form with its items. */
    public record Section(String key, List<CheckupResult> items) {
    }

    /** Section message key → the JLAC10 codes it holds, in the form's order. */
    private static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("body", List.of("9N001000000000001", "9N006000000000001", "9N011000000000001", "9N016160100000001"));
        SECTIONS.put("pressure", List.of("9A751000000000001", "9A761000000000001"));
        SECTIONS.put("lipids", List.of("3F015000002327101", "3F070000002327101", "3F077000002327101"));
        SECTIONS.put("glucose", List.of("3D010000002227101", "3D046000001906202"));
        SECTIONS.put("liver", List.of("3B035000002327201", "3B045000002327201", "3B090000002327101"));
        SECTIONS.put("kidney", List.of("3C015000002327101", "8A065000002391901"));
        SECTIONS.put("urine", List.of("1A020000000190111", "1A010000000190111"));
        SECTIONS.put("interview", List.of("9N701000000000011", "9N706000000000011", "9N711000000000011", "9N736000000000011"));
    }

    private CheckupGroups() {
    }

    static List<Section> of(List<CheckupResult> results) {
        List<Section> sections = new ArrayList<>();
        List<CheckupResult> placed = new ArrayList<>();
        SECTIONS.forEach((key, codes) -> {
            List<CheckupResult> items = codes.stream()
                    .flatMap(code -> results.stream().filter(r -> r.itemCode().equals(code)))
                    .toList();
            if (!items.isEmpty()) {
                sections.add(new Section(key, items));
                placed.addAll(items);
            }
        });
        List<CheckupResult> others = results.stream().filter(r -> !placed.contains(r)).toList();
        if (!others.isEmpty()) {
            sections.add(new Section("other", others));
        }
        return sections;
    }
}
