package jp.mynahealth.importer.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import jp.mynahealth.importer.demo.DemoRows.PersonRow;
import jp.mynahealth.importer.demo.DemoRows.VaccinationRow;

/**
 * The routine vaccinations of a demo person, as the municipality's register has them: a child
 * vaccinated at the ages a paediatrician usually picks inside the standard periods, an older person's
 * yearly influenza vaccination. A dose reaches the register {@link #RECORDING_LAG_DAYS} after it was
 * given (the clinic reports the month's routine vaccinations to pay for them), so the last weeks'
 * doses are not in the feed yet. Nothing here draws on the generator's other random sources: the
 * rest of the demo data stays as it was.
 */
final class DemoVaccinations {

    static final int RECORDING_LAG_DAYS = 30;

    /** 五種混合 replaced 四種混合 and the separate Hib vaccine in the routine programme from this day. */
    private static final LocalDate PENTAVALENT_FROM = LocalDate.of(2024, 4, 1);
    private static final LocalDate HEPATITIS_B_BORN_FROM = LocalDate.of(2016, 4, 1);
    private static final LocalDate ROTAVIRUS_BORN_FROM = LocalDate.of(2020, 8, 1);
    /** Hib, the pneumococcal vaccine and 四種混合 are routine for children born from about here on. */
    private static final LocalDate TODAYS_SCHEDULE_BORN_FROM = LocalDate.of(2013, 4, 1);
    private static final String LOT_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private final PersonRow person;
    private final LocalDate asOf;
    private final String clinic;
    private final String healthCentre;
    private final List<VaccinationRow> rows = new ArrayList<>();

    /**
     * @param clinic       where the person is usually vaccinated
     * @param municipality the municipality's name: BCG is given at its health centre, in group sessions
     */
    DemoVaccinations(PersonRow person, LocalDate asOf, String clinic, String municipality) {
        this.person = person;
        this.asOf = asOf;
        this.clinic = clinic;
        this.healthCentre = municipality + "保健センター";
    }

    /**
     * Whether a child was born under today's schedule. Older children were vaccinated under earlier
     * ones, mostly before the registers were kept electronically: the demo gives them no records.
     */
    static boolean onTodaysSchedule(LocalDate birth) {
        return !birth.isBefore(TODAYS_SCHEDULE_BORN_FROM);
    }

    List<VaccinationRow> rows() {
        return List.copyOf(rows);
    }

    /**
     * A child's doses at the usual ages, leaving out those named in {@code missed} ("JE.3") and, with
     * {@code random}, each further dose with a small chance (null: none missed by chance).
     */
    DemoVaccinations child(Set<String> missed, SplittableRandom random) {
        LocalDate birth = person.birthDate();
        if (!birth.isBefore(HEPATITIS_B_BORN_FROM)) {
            give("HBV", 1, months(2), missed, random);
            give("HBV", 2, months(3), missed, random);
            give("HBV", 3, months(7).plusDays(10), missed, random);
        }
        if (!birth.isBefore(ROTAVIRUS_BORN_FROM)) {
            give("RV1", 1, months(2), missed, random);
            give("RV1", 2, months(3), missed, random);
        }
        boolean pentavalent = !months(2).isBefore(PENTAVALENT_FROM);
        for (int dose = 1; dose <= 4; dose++) {
            LocalDate day = dose == 4 ? months(12).plusDays(7) : months(1 + dose);
            give("PCV", dose, day, missed, random);
            if (pentavalent) {
                give("DPT-IPV-HIB", dose, day, missed, random);
            } else {
                give("HIB", dose, day, missed, random);
                // 四種混合 began at three months until 2023.
                give("DPT-IPV", dose, dose == 4 ? months(18) : months(2 + dose), missed, random);
            }
        }
        give("BCG", 1, months(5).plusDays(14), healthCentre, missed, random);
        give("MR", 1, months(12).plusDays(7), missed, random);
        give("VAR", 1, months(12).plusDays(7), missed, random);
        give("VAR", 2, months(18).plusDays(7), missed, random);
        give("MR", 2, schoolYearAttainingSix().plusDays(45), missed, random);
        LocalDate je = months(36).plusDays(30);
        give("JE", 1, je, missed, random);
        give("JE", 2, je.plusDays(28), missed, random);
        give("JE", 3, months(48).plusDays(30), missed, random);
        give("JE", 4, months(108).plusDays(30), missed, random);
        give("DT", 1, months(132).plusDays(30), missed, random);
        if (person.sex() == 2) {
            // 9価 HPV in the summer of 中学1年: two doses six months apart.
            LocalDate firstSummer = schoolYearAttainingSix().plusYears(7).withMonth(8).withDayOfMonth(5);
            give("HPV9", 1, firstSummer, missed, random);
            give("HPV9", 2, firstSummer.plusMonths(6), missed, random);
        }
        return this;
    }

    /** The yearly B類 influenza vaccination of a person 65 or over, in late October of the seasons given. */
    DemoVaccinations influenza(int seasons, SplittableRandom random) {
        for (int season = asOf.getYear() - seasons + 1; season <= asOf.getYear(); season++) {
            LocalDate day = LocalDate.of(season, 10, 20 + (random == null ? 0 : random.nextInt(10)));
            if (!day.isBefore(person.birthDate().plusYears(65)) && (random == null || random.nextDouble() < 0.6)) {
                give("FLU", 1, day, clinic, Set.of(), null);
            }
        }
        return this;
    }

    private LocalDate months(int months) {
        return person.birthDate().plusMonths(months);
    }

    /** 1 April of the school year before primary school, the year the child attains six (MR 2期). */
    private LocalDate schoolYearAttainingSix() {
        LocalDate six = person.birthDate().plusYears(6).minusDays(1);
        return LocalDate.of(six.getMonthValue() >= 4 ? six.getYear() : six.getYear() - 1, 4, 1);
    }

    private void give(String vaccine, int dose, LocalDate day, Set<String> missed, SplittableRandom random) {
        give(vaccine, dose, day, clinic, missed, random);
    }

    private void give(String vaccine, int dose, LocalDate day, String place, Set<String> missed, SplittableRandom random) {
        boolean missedByChance = random != null && random.nextDouble() < 0.03;
        LocalDate given = DemoDataGenerator.weekday(day);
        LocalDate recorded = given.plusDays(RECORDING_LAG_DAYS);
        if (missed.contains(vaccine + "." + dose) || missedByChance || recorded.isAfter(asOf)) {
            return;
        }
        String ref = "V" + person.personId().toString().replace("-", "").substring(0, 16) + "-" + (rows.size() + 1);
        rows.add(new VaccinationRow(person.personId(), person.birthDate(), person.municipalityCode(), ref, vaccine, dose,
                given, recorded, lot(vaccine, given), place));
    }

    /** A manufacturer's lot number shape (two letters, three digits, a letter), the same for a vaccine on a day. */
    private static String lot(String vaccine, LocalDate day) {
        int h = (vaccine + day.withDayOfMonth(1)).hashCode() & 0x7fffffff;
        return "" + LOT_LETTERS.charAt(h % LOT_LETTERS.length()) + LOT_LETTERS.charAt(h / 31 % LOT_LETTERS.length())
                + String.format("%03d", h / 997 % 1000) + LOT_LETTERS.charAt(h / 7 % LOT_LETTERS.length());
    }
}
