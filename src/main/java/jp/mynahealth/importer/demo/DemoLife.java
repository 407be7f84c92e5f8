package jp.mynahealth.importer.demo;

import static jp.mynahealth.importer.demo.DemoCatalog.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import jp.mynahealth.importer.demo.CheckupModel.Judgement;
import jp.mynahealth.importer.demo.CheckupModel.Measurements;
import jp.mynahealth.importer.demo.DemoCatalog.Drug;
import jp.mynahealth.importer.demo.DemoCatalog.Institution;
import jp.mynahealth.importer.demo.DemoRows.CheckupRow;
import jp.mynahealth.importer.demo.DemoRows.CostNoticeRow;
import jp.mynahealth.importer.demo.DemoRows.DispensingRow;
import jp.mynahealth.importer.demo.DemoRows.PersonRow;
import jp.mynahealth.importer.demo.DemoRows.QualificationRow;
import jp.mynahealth.importer.demo.DemoRows.Sink;

/**
 * One demo person's three years: collects their visits and dispensings, then writes them with the
 * notices and checkups they imply. Made by {@link DemoDataGenerator} for each person it generates.
 */
final class DemoLife {
    private final LocalDate asOf;
    private final DataAsOf dataAsOf;
    private final SplittableRandom random;
    private final PersonRow person;
    private final List<Coverage> coverages;
    private final Places places;
    private final LocalDate start;
    private final List<Visit> visits = new ArrayList<>();
    private final List<DispensingRow> dispensings = new ArrayList<>();
    private final List<CheckupRow> checkups = new ArrayList<>();
    private final List<DemoRows.CheckupResultRow> results = new ArrayList<>();
    private final List<DemoRows.ProvisionRow> provisions = new ArrayList<>();
    /** Each chronic regimen's next renewal after the claims' month: only an e-prescription can show it yet. */
    private final List<DemoEPrescriptions.Renewal> renewals = new ArrayList<>();

    DemoLife(SplittableRandom random, PersonRow person, List<Coverage> coverages, Places places, LocalDate asOf,
            DataAsOf dataAsOf) {
        this.asOf = asOf;
        this.dataAsOf = dataAsOf;
        this.random = random;
        this.person = person;
        this.coverages = coverages;
        this.places = places;
        LocalDate window = asOf.minusYears(3).withDayOfMonth(1);
        this.start = person.birthDate().isAfter(window) ? person.birthDate() : window;
    }

    private int ageOn(LocalDate day) {
        return Period.between(person.birthDate(), day).getYears();
    }

    private Coverage coverageOn(LocalDate day) {
        return coverages.stream().filter(c -> c.covers(day)).findFirst().orElse(null);
    }

    void regimens(Set<Condition> conditions) {
        List<Drug> daily = new ArrayList<>();
        if (conditions.contains(Condition.HYPERTENSION)) {
            daily.add(random.nextBoolean() ? AMLODIPINE : OLMESARTAN);
        }
        if (conditions.contains(Condition.DYSLIPIDEMIA)) {
            daily.add(random.nextBoolean() ? ROSUVASTATIN : ATORVASTATIN);
        }
        if (conditions.contains(Condition.DIABETES)) {
            daily.add(METFORMIN);
            if (random.nextDouble() < 0.4) {
                daily.add(SITAGLIPTIN);
            }
        }
        if (conditions.contains(Condition.GOUT)) {
            daily.add(FEBUXOSTAT);
        }
        if (conditions.contains(Condition.REFLUX)) {
            daily.add(LANSOPRAZOLE);
        }
        if (conditions.contains(Condition.CONSTIPATION)) {
            daily.add(MAGNESIUM_OXIDE);
        }
        if (conditions.contains(Condition.INSOMNIA)) {
            daily.add(BROTIZOLAM);
        }
        if (conditions.contains(Condition.ANTIPLATELET)) {
            daily.add(ASPIRIN);
        }
        if (!daily.isEmpty()) {
            chronic(places.clinic(), places.pharmacy(), random.nextDouble() < 0.3 ? 56 : 28, daily, null);
        }
        if (conditions.contains(Condition.ALLERGY)) {
            seasonal(places.ent(), places.otherPharmacy(), List.of(random.nextBoolean() ? FEXOFENADINE : MONTELUKAST),
                    2, 4);
        }
    }

    /** A standing prescription renewed every {@code interval} days from {@code since} (or the window start). */
    void chronic(Institution clinic, Institution pharmacy, int interval, List<Drug> drugs, LocalDate since) {
        LocalDate day = (since == null ? start : since).plusDays(random.nextInt(interval));
        while (!day.isAfter(dataAsOf.dispensing())) {
            LocalDate weekday = DemoDataGenerator.weekday(day);
            long visitCost = 730 + 520 + 2250 + 680 + (random.nextDouble() < 0.3 ? 3000 + random.nextInt(3000) : 0);
            visit(weekday, clinic, "外来", visitCost);
            dispense(weekday, pharmacy, clinic, drugs, interval);
            day = day.plusDays(interval + random.nextInt(5) - 2);
        }
        renewals.add(new DemoEPrescriptions.Renewal(day, clinic, pharmacy, drugs, interval));
    }

    /** Hay fever and the like: a prescription each spring from {@code fromMonth} to {@code toMonth}. */
    void seasonal(Institution clinic, Institution pharmacy, List<Drug> drugs, int fromMonth, int toMonth) {
        for (int year = start.getYear(); year <= asOf.getYear(); year++) {
            for (int month = fromMonth; month <= toMonth; month++) {
                LocalDate day = DemoDataGenerator.weekday(LocalDate.of(year, month, 3 + random.nextInt(20)));
                if (!day.isBefore(start) && !day.isAfter(dataAsOf.dispensing())) {
                    visit(day, clinic, "外来", 730 + 520 + 680 + (month == fromMonth ? 2180 : 0));
                    dispense(day, pharmacy, clinic, drugs, 28);
                }
            }
        }
    }

    /** Colds, pains and rashes: about {@code perYear} short illnesses a year, each with a visit and a short course. */
    void acute(double perYear) {
        LocalDate day = start;
        while (true) {
            day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) * 365 / perYear));
            if (day.isAfter(dataAsOf.dispensing())) {
                return;
            }
            boolean child = ageOn(day) < 15;
            List<List<Drug>> courses = child ? CHILD_ACUTE_COURSES : ADULT_ACUTE_COURSES;
            List<Drug> drugs = courses.get(random.nextInt(courses.size()));
            Institution clinic = child ? places.paediatrics()
                    : drugs.contains(LOXOPROFEN) || drugs.contains(LOXOPROFEN_TAPE) ? places.orthopaedics()
                    : random.nextBoolean() ? places.clinic() : places.ent();
            course(DemoDataGenerator.weekday(day), clinic, random.nextBoolean() ? places.pharmacy() : places.otherPharmacy(), drugs,
                    child ? 5 : 3 + random.nextInt(5));
        }
    }

    void course(LocalDate day, Institution clinic, Institution pharmacy, List<Drug> drugs, int days) {
        if (day.isBefore(start) || day.isAfter(dataAsOf.dispensing())) {
            return;
        }
        visit(day, clinic, "外来", 2910 + 680 + (random.nextDouble() < 0.4 ? 1500 + random.nextInt(2500) : 0));
        dispense(day, pharmacy, clinic, drugs, days);
        if (random.nextDouble() < 0.25) {
            visit(DemoDataGenerator.weekday(day.plusDays(7)), clinic, "外来", 730 + 520);
        }
    }

    /** A course of dental treatment, once a year with probability {@code chance}: weekly visits. */
    void dental(double chance) {
        for (int year = start.getYear(); year <= asOf.getYear(); year++) {
            if (random.nextDouble() >= chance) {
                continue;
            }
            LocalDate day = DemoDataGenerator.weekday(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                if (!day.isBefore(start) && !day.isAfter(dataAsOf.dispensing())) {
                    visit(day, places.dental(), "歯科", 2500 + random.nextInt(60) * 100);
                }
                day = DemoDataGenerator.weekday(day.plusDays(7));
            }
        }
    }

    void admission(Institution hospital, LocalDate admitted, int days) {
        for (int i = 0; i < days; i++) {
            LocalDate day = admitted.plusDays(i);
            if (!day.isBefore(start) && !day.isAfter(dataAsOf.dispensing())) {
                visit(day, hospital, "入院", i == 0 ? 58_000 + random.nextInt(20) * 1000 : 31_000 + random.nextInt(80) * 100);
            }
        }
    }

    void homeNursing(Institution station, LocalDate from, int months) {
        for (int m = 0; m < months; m++) {
            for (int week : new int[] { 1, 3 }) {
                LocalDate day = DemoDataGenerator.weekday(from.plusMonths(m).withDayOfMonth(1).plusWeeks(week));
                if (!day.isBefore(start) && !day.isAfter(dataAsOf.dispensing())) {
                    visit(day, station, "訪問看護", 8_500 + random.nextInt(10) * 100);
                }
            }
        }
    }

    private void visit(LocalDate day, Institution institution, String category, long cost) {
        Coverage coverage = coverageOn(day);
        if (coverage != null && !day.isBefore(person.birthDate())) {
            visits.add(new Visit(day, institution, category, cost, coverage, ""));
        }
    }

    private void dispense(LocalDate day, Institution pharmacy, Institution prescriber, List<Drug> drugs, int days) {
        Coverage coverage = coverageOn(day);
        if (coverage == null || day.isBefore(person.birthDate()) || day.isAfter(dataAsOf.dispensing())) {
            return;
        }
        double drugCost = 0;
        for (Drug drug : drugs) {
            BigDecimal quantity = quantity(drug, days);
            dispensings.add(new DispensingRow(person.personId(), day, pharmacy.code(), prescriber.code(), drug.code(),
                    drug.name(), drug.generic(), quantity, drug.unit(), drug.usage(), supplied(drug, days),
                    drug.category()));
            drugCost += quantity.doubleValue() * drug.yenPerUnit();
        }
        long fees = 450 + 240L * Math.min(3, drugs.size()) + (days >= 28 ? 600 : 240) + 450;
        visits.add(new Visit(day, pharmacy, "調剤", fees + Math.round(drugCost / 10) * 10, coverage, prescriber.code()));
    }

    /** The whole quantity of a course of {@code days}: 頓服 and 外用 come by the course, the rest by the day. */
    static BigDecimal quantity(Drug drug, int days) {
        if (drug.category().equals("注射")) {
            return BigDecimal.valueOf(Math.max(1, Math.round(drug.perDay() * days)));
        }
        return BigDecimal.valueOf(perCourse(drug) ? drug.perDay() : drug.perDay() * days).setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /** Days supplied, or for 頓服 and 外用 the doses of the course. */
    static int supplied(Drug drug, int days) {
        return Math.max(1, perCourse(drug) ? (int) drug.perDay() : days);
    }

    private static boolean perCourse(Drug drug) {
        return drug.category().equals("頓服") || drug.category().equals("外用");
    }

    /**
     * The person's e-prescription events (their clinics and pharmacies take part): the dispensings
     * of the last 100 days the claims also hold, the chronic renewals after the claims' month, and
     * a course of {@code days} prescribed and dispensed on the reference day itself.
     */
    void ePrescriptions(Sink sink, Institution clinic, Institution pharmacy, List<Drug> todays, int days) {
        DemoEPrescriptions events = new DemoEPrescriptions(person.personId(), asOf);
        events.alsoClaimed(dispensings);
        for (DemoEPrescriptions.Renewal renewal : renewals) {
            events.renewal(renewal);
        }
        events.course(asOf, clinic, pharmacy, todays, days);
        events.rows().forEach(sink::ePrescription);
    }

    /**
     * Consent given at a reception terminal: on some of the last year's visits the clinic read
     * the person's drug (and, for 40 and over, checkup) history.
     */
    void provisions(double share) {
        LocalDate since = asOf.minusYears(1);
        for (Visit visit : visits) {
            if (visit.date().isBefore(since) || visit.category().equals("調剤") || random.nextDouble() >= share) {
                continue;
            }
            java.time.Instant at = visit.date().atTime(9 + random.nextInt(8), random.nextInt(60))
                    .atZone(jp.mynahealth.common.ClockConfiguration.JAPAN).toInstant();
            provisions.add(new DemoRows.ProvisionRow(person.personId(), at, visit.institution().code(), "薬剤情報"));
            if (ageOn(visit.date()) >= 40 && random.nextBoolean()) {
                provisions.add(new DemoRows.ProvisionRow(person.personId(), at.plusSeconds(1), visit.institution().code(),
                        "特定健診等情報"));
            }
        }
    }

    void checkups(Baseline base, Trend trend, Set<Condition> conditions) {
        Institution place = places.clinic();
        int month = 6 + random.nextInt(5);
        for (int year = asOf.getYear() - 5; year <= asOf.getYear(); year++) {
            LocalDate day = DemoDataGenerator.weekday(LocalDate.of(year, month, 1 + random.nextInt(27)));
            int age = ageOn(day);
            if (age < 40 || day.isAfter(dataAsOf.checkup()) || day.isBefore(asOf.minusYears(5))
                    || (age >= 75 && random.nextDouble() < 0.3)) {
                continue;
            }
            double k = year - (asOf.getYear() - 5);
            boolean latterStage = age >= 75;
            double weight = base.weight() + trend.weight() * k + DemoDataGenerator.normal(random, 0, 0.6);
            double waist = base.waist() == 0 ? 0 : base.waist() + trend.waist() * k + DemoDataGenerator.normal(random, 0, 0.8);
            boolean bpMeds = conditions.contains(Condition.HYPERTENSION);
            boolean glucoseMeds = conditions.contains(Condition.DIABETES);
            boolean lipidMeds = conditions.contains(Condition.DYSLIPIDEMIA);
            Measurements m = new Measurements(base.male(), age, base.height() + DemoDataGenerator.normal(random, 0, 0.2), weight, waist,
                    base.systolic() + trend.systolic() * k + DemoDataGenerator.normal(random, 0, 5),
                    base.diastolic() + trend.diastolic() * k + DemoDataGenerator.normal(random, 0, 4),
                    Math.max(30, base.triglycerides() + trend.triglycerides() * k + DemoDataGenerator.normal(random, 0, 20)),
                    Math.max(25, base.hdl() + trend.hdl() * k + DemoDataGenerator.normal(random, 0, 4)),
                    Math.max(50, base.ldl() + trend.ldl() * k + DemoDataGenerator.normal(random, 0, 8)),
                    Math.max(10, base.ast() + trend.ast() * k + DemoDataGenerator.normal(random, 0, 3)),
                    Math.max(6, base.alt() + trend.alt() * k + DemoDataGenerator.normal(random, 0, 4)),
                    Math.max(8, base.ggt() + trend.ggt() * k + DemoDataGenerator.normal(random, 0, 6)),
                    Math.max(70, base.glucose() + trend.glucose() * k + DemoDataGenerator.normal(random, 0, 4)),
                    Math.max(4.5, base.hba1c() + trend.hba1c() * k + DemoDataGenerator.normal(random, 0, 0.1)),
                    Math.max(0.4, base.creatinine() + 0.01 * k + DemoDataGenerator.normal(random, 0, 0.04)),
                    base.hba1c() > 7.5 ? 2 : random.nextDouble() < 0.05 ? 1 : 0,
                    random.nextDouble() < (age >= 70 ? 0.15 : 0.05) ? 1 + random.nextInt(2) : 0,
                    bpMeds, glucoseMeds, lipidMeds, base.smoker());
            UUID checkupId = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
            Judgement judgement = latterStage ? new Judgement(null, null) : CheckupModel.judge(m);
            checkups.add(new CheckupRow(person.personId(), checkupId, day, latterStage ? "後期高齢者健診" : "特定健診",
                    place.code(), judgement.metabolic(), judgement.guidanceLevel()));
            results.addAll(CheckupModel.results(person.personId(), checkupId, m, latterStage));
        }
    }

    void emit(Sink sink) {
        sink.person(person);
        for (Coverage c : coverages) {
            sink.qualification(new QualificationRow(person.personId(), c.insurer().number(), c.symbol(), c.number(),
                    c.branch(), c.relationship(), c.copay(), c.from(), c.to(), c.limitCategory()));
        }
        dispensings.stream()
                .sorted((a, b) -> a.dispensedOn().compareTo(b.dispensedOn()))
                .forEach(sink::dispensing);
        checkups.forEach(sink::checkup);
        results.forEach(sink::checkupResult);
        noticesFromVisits().forEach(sink::costNotice);
        DemoProcedures.acts(person.personId(), visits).forEach(sink::careAct);
        provisions.forEach(sink::provision);
    }

    /** One notice line per month, institution and category: exactly the visits above, up to the costs' as-of date. */
    private List<CostNoticeRow> noticesFromVisits() {
        record Key(YearMonth month, String institution, String category, Coverage coverage, String prescriber) {
        }
        Map<Key, List<Visit>> grouped = new TreeMap<>((a, b) -> {
            int byMonth = a.month().compareTo(b.month());
            if (byMonth != 0) {
                return byMonth;
            }
            int byInstitution = a.institution().compareTo(b.institution());
            int byCategory = a.category().compareTo(b.category());
            int byCoverage = a.coverage().from().compareTo(b.coverage().from());
            return byInstitution != 0 ? byInstitution : byCategory != 0 ? byCategory
                    : byCoverage != 0 ? byCoverage : a.prescriber().compareTo(b.prescriber());
        });
        for (Visit visit : visits) {
            if (!visit.date().isAfter(dataAsOf.costNotice())) {
                grouped.computeIfAbsent(new Key(YearMonth.from(visit.date()), visit.institution().code(), visit.category(),
                        visit.coverage(), visit.prescriber()),
                        key -> new ArrayList<>()).add(visit);
            }
        }
        List<CostNoticeRow> notices = new ArrayList<>();
        grouped.forEach((key, monthVisits) -> {
            Coverage coverage = key.coverage();
            long total = monthVisits.stream().mapToLong(Visit::cost).sum();
            long patient = Math.round(total * coverage.copay() / 1000.0) * 10;
            int days = (int) monthVisits.stream().map(Visit::date).distinct().count();
            notices.add(new CostNoticeRow(person.personId(), key.month().atDay(1), key.institution(),
                    coverage.insurer().number(), key.category(), days, total, total - patient, 0, patient,
                    key.prescriber()));
        });
        return notices;
    }
}
