package jp.mynahealth.portal.vaccinations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A routine vaccination as the schedule counts it, against one disease or a fixed combination, and
 * the vaccines (codes of records.vaccine) whose doses count for it. A dose counts when one way of
 * giving it has a record of that dose number for each of its vaccines: 五種混合 gives a dose of both
 * the DPT-IPV and the Hib series at once, and 三種混合 with 不活化ポリオ together a DPT-IPV dose.
 */
public enum Series {
    HBV(List.of(Set.of("HBV")), LocalDate.of(2016, 4, 1), false),
    ROTA_1(List.of(Set.of("RV1")), LocalDate.of(2020, 8, 1), false),
    ROTA_5(List.of(Set.of("RV5")), LocalDate.of(2020, 8, 1), false),
    HIB(List.of(Set.of("DPT-IPV-HIB"), Set.of("HIB")), null, false),
    PCV(List.of(Set.of("PCV")), null, false),
    DPT_IPV(List.of(Set.of("DPT-IPV-HIB"), Set.of("DPT-IPV"), Set.of("DPT", "IPV")), null, false),
    BCG(List.of(Set.of("BCG")), null, false),
    MR(List.of(Set.of("MR")), null, false),
    VARICELLA(List.of(Set.of("VAR")), null, false),
    JE(List.of(Set.of("JE")), null, false),
    DT(List.of(Set.of("DT")), null, false),
    HPV(List.of(Set.of("HPV2"), Set.of("HPV4"), Set.of("HPV9")), null, true);

    private final List<Set<String>> ways;
    private final LocalDate bornFrom;
    private final boolean girlsOnly;

    /**
     * @param bornFrom  the first birth date the series is routine for (it joined the programme
     *                  later: B型肝炎 for children born from April 2016, rotavirus from August 2020)
     * @param girlsOnly HPV is routine for girls only
     */
    Series(List<Set<String>> ways, LocalDate bornFrom, boolean girlsOnly) {
        this.ways = ways;
        this.bornFrom = bornFrom;
        this.girlsOnly = girlsOnly;
    }

    List<Set<String>> ways() {
        return ways;
    }

    boolean isRoutineFor(LocalDate birth, int sex) {
        return (bornFrom == null || !birth.isBefore(bornFrom)) && (!girlsOnly || sex == 2);
    }

    /** The series a vaccine's dose numbers are named after (五種混合 4 is the DPT-IPV series' 1期追加). */
    static Optional<Series> namingDosesOf(String vaccineCode) {
        for (Series series : values()) {
            if (series.ways.stream().anyMatch(way -> way.contains(vaccineCode))) {
                return Optional.of(series);
            }
        }
        return Optional.empty();
    }

    /** Message key of the series' name. */
    public String nameKey() {
        return "vaccinations.series." + name();
    }

    /** Message key of one dose's name within the series (1期初回 1回目, 追加 …). */
    public String doseKey(int dose) {
        return "vaccinations.dose." + name() + "." + dose;
    }
}
