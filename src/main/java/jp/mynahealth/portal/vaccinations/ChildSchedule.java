package jp.mynahealth.portal.vaccinations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.mynahealth.records.Vaccination;

/**
 * The routine schedule of one child on one day: every dose the child's birth date and sex make
 * routine, with its status. A dose is
 * <ul>
 * <li>{@link DoseStatus#GIVEN} when a record has it (whatever the day it was given);</li>
 * <li>{@link DoseStatus#UPCOMING} before the first day of its standard period;</li>
 * <li>{@link DoseStatus#DUE} from the first to the last day of the standard period;</li>
 * <li>{@link DoseStatus#OVERDUE} from the day after the standard period to the last day of the routine
 * window, both as the 予防接種法施行令 and MHLW count ages ({@link LegalAge});</li>
 * <li>{@link DoseStatus#NOT_RECORDED} after the window, without a record: the store cannot tell a dose
 * never given from one given elsewhere or recorded on paper only.</li>
 * </ul>
 * Doses are judged by age alone, as the published schedule draws them: a later dose of a series can be
 * due while an earlier one is missing.
 */
public record ChildSchedule(List<ScheduleLine> lines) {

    /** The schedule of a child born on {@code birth} ({@code sex} 1 male, 2 female) on {@code today}. */
    public static ChildSchedule of(LocalDate birth, int sex, List<Vaccination> records, LocalDate today) {
        boolean pentavalentRota = records.stream().anyMatch(r -> r.vaccineCode().equals("RV5"));
        List<ScheduleLine> lines = new ArrayList<>();
        for (ScheduleEntry entry : RoutineSchedule.CHILDREN) {
            Series series = entry.series();
            if (!series.isRoutineFor(birth, sex) || series == (pentavalentRota ? Series.ROTA_1 : Series.ROTA_5)) {
                continue;
            }
            if (series == Series.HPV && entry.dose() == 3 && hpvDoneInTwoDoses(birth, records)) {
                continue;
            }
            Vaccination given = given(series, entry.dose(), records).orElse(null);
            LocalDate opensOn = entry.windowFrom().on(birth);
            LocalDate recommendedFrom = entry.recommendedFrom().on(birth);
            LocalDate recommendedUntil = entry.recommendedUntil().on(birth);
            LocalDate closesOn = entry.windowUntil().on(birth);
            DoseStatus status = given != null ? DoseStatus.GIVEN
                    : today.isAfter(closesOn) ? DoseStatus.NOT_RECORDED
                    : today.isBefore(recommendedFrom) ? DoseStatus.UPCOMING
                    : today.isAfter(recommendedUntil) ? DoseStatus.OVERDUE
                    : DoseStatus.DUE;
            lines.add(new ScheduleLine(series, entry.dose(), status, opensOn, recommendedFrom, recommendedUntil, closesOn,
                    given));
        }
        lines.sort(Comparator.comparing(ScheduleLine::recommendedFrom).thenComparing(ScheduleLine::series)
                .thenComparing(ScheduleLine::dose));
        return new ChildSchedule(List.copyOf(lines));
    }

    /** Whether a person is still of an age the routine schedule covers: some dose's window has not closed. */
    public static boolean covers(LocalDate birth, int sex, LocalDate today) {
        return RoutineSchedule.CHILDREN.stream().filter(e -> e.series().isRoutineFor(birth, sex))
                .anyMatch(e -> !today.isAfter(e.windowUntil().on(birth)));
    }

    public List<ScheduleLine> withStatus(DoseStatus status) {
        return lines.stream().filter(line -> line.status() == status).toList();
    }

    public List<ScheduleLine> overdue() {
        return withStatus(DoseStatus.OVERDUE);
    }

    public List<ScheduleLine> due() {
        return withStatus(DoseStatus.DUE);
    }

    public List<ScheduleLine> notRecorded() {
        return withStatus(DoseStatus.NOT_RECORDED);
    }

    /** The doses still to come or to catch up on, overdue first (their window closes soonest). */
    public List<ScheduleLine> open() {
        List<ScheduleLine> open = new ArrayList<>(withStatus(DoseStatus.OVERDUE));
        open.sort(Comparator.comparing(ScheduleLine::closesOn));
        open.addAll(withStatus(DoseStatus.DUE));
        open.addAll(withStatus(DoseStatus.UPCOMING));
        return open;
    }

    private static Optional<Vaccination> given(Series series, int dose, List<Vaccination> records) {
        Vaccination found = null;
        for (Set<String> way : series.ways()) {
            Vaccination latest = null;
            boolean complete = true;
            for (String vaccine : way) {
                Optional<Vaccination> record = records.stream()
                        .filter(r -> r.vaccineCode().equals(vaccine) && r.doseNumber() == dose)
                        .min(Comparator.comparing(Vaccination::givenOn));
                if (record.isEmpty()) {
                    complete = false;
                    break;
                }
                if (latest == null || record.get().givenOn().isAfter(latest.givenOn())) {
                    latest = record.get();
                }
            }
            if (complete && (found == null || latest.givenOn().isBefore(found.givenOn()))) {
                found = latest;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The 9-valent HPV vaccine started under 15 (up to the day the girl attains 15, as the programme
     * counts ages) needs two doses only, when the second came at least five months after the first
     * (MHLW, from April 2023).
     */
    private static boolean hpvDoneInTwoDoses(LocalDate birth, List<Vaccination> records) {
        Optional<Vaccination> first = records.stream().filter(r -> r.vaccineCode().equals("HPV9") && r.doseNumber() == 1)
                .findFirst();
        Optional<Vaccination> second = records.stream().filter(r -> r.vaccineCode().equals("HPV9") && r.doseNumber() == 2)
                .findFirst();
        return first.isPresent() && second.isPresent()
                && !first.get().givenOn().isAfter(LegalAge.monthsAttained(birth, 15 * 12))
                && !second.get().givenOn().isBefore(first.get().givenOn().plusMonths(5));
    }
}
