package jp.mynahealth.importer.demo;

import static jp.mynahealth.importer.demo.DemoCatalog.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import jp.mynahealth.importer.demo.DemoCatalog.Institution;
import jp.mynahealth.importer.demo.DemoCatalog.Insurer;
import jp.mynahealth.importer.demo.DemoCatalog.Municipality;
import jp.mynahealth.importer.demo.DemoCatalog.Name;
import jp.mynahealth.importer.demo.DemoRows.PersonRow;
import jp.mynahealth.importer.demo.DemoRows.Sink;

/**
 * Makes realistic, internally consistent demo citizens: households with the right insurance for
 * their age, years of dispensings with plausible regimens, yearly checkups with slow trends, and
 * monthly cost notices summed from exactly the visits and dispensings generated.
 *
 * <p>Deterministic: the same seed and reference date give the same rows, byte for byte. Each
 * household has a random source of its own, so batching and ordering do not change the result.
 */
public final class DemoDataGenerator {

    public static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");
    public static final UUID HANAKO = UUID.fromString("db6787d1-617e-49f2-91ef-af70e5b1f0ea");
    public static final UUID ICHIRO = UUID.fromString("4d2cac20-7cee-4fa7-aa1d-b65443bcb1d6");
    public static final UUID SAKURA = UUID.fromString("a7408f4f-2fb2-430b-bfe4-3ce7ee22e335");

    private final long seed;
    private final LocalDate asOf;
    private final DataAsOf dataAsOf;

    DemoDataGenerator(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
        this.dataAsOf = DataAsOf.on(asOf);
    }

    DataAsOf dataAsOf() {
        return dataAsOf;
    }

    // ---------------------------------------------------------------- the 見本 family (named in README.md)

    /** 見本 太郎 (45), his spouse 花子 and daughter さくら (7) on his 健康保険組合, and his father 一郎 (78). */
    void generateShowcase(Sink sink) {
        SplittableRandom random = new SplittableRandom(mix(seed, -1));
        Municipality chiyoda = MUNICIPALITIES.get(0);
        Places tokyo = places(13, 0);
        LocalDate joinedCompany = LocalDate.of(asOf.getYear() - 2, 4, 1);
        LocalDate firstJob = LocalDate.of(asOf.getYear() - 22, 4, 1);
        Insurer kyokai = insurerOf(13, "協会けんぽ");
        Insurer company = insurerNamed("見本電機健康保険組合");

        LocalDate taroBirth = asOf.minusYears(45).minusDays(196);
        PersonRow taro = new PersonRow(TARO, "見本", "太郎", "ミホン", "タロウ", taroBirth, 1, chiyoda.code());
        List<Coverage> taroCoverage = List.of(
                new Coverage(kyokai, "21070315", "1842", "00", "本人", 30, firstJob, joinedCompany.minusDays(1), null),
                new Coverage(company, "1203", "4567", "00", "本人", 30, joinedCompany, null, null));
        DemoLife taroLife = new DemoLife(random.split(), taro, taroCoverage, tokyo, asOf, dataAsOf);
        taroLife.chronic(tokyo.clinic(), tokyo.pharmacy(), 28, List.of(AMLODIPINE, ROSUVASTATIN), null);
        taroLife.chronic(tokyo.clinic(), tokyo.pharmacy(), 28, List.of(METFORMIN), asOf.minusMonths(10));
        taroLife.acute(0.8);
        taroLife.dental(0.5);
        taroLife.checkups(new Baseline(true, 171.2, 72.0, 84.0, 127, 82, 140, 48, 136, 24, 28, 45, 98, 5.6, 0.92, true),
                new Trend(1.2, 1.3, 2.5, 1.5, 8, -1, 4, 1.5, 3, 3, 3, 0.12), Set.of(Condition.HYPERTENSION,
                        Condition.DYSLIPIDEMIA));
        taroLife.provisions(0.3);
        taroLife.emit(sink);
        // His clinics and pharmacies take part in e-prescriptions: the reference day's visit to the ENT
        // clinic, for brand drugs that have generics, is the newest line of his list.
        taroLife.ePrescriptions(sink, tokyo.ent(), tokyo.pharmacy(), List.of(CLARITH, MUCODYNE), 7);

        PersonRow hanako = new PersonRow(HANAKO, "見本", "花子", "ミホン", "ハナコ", asOf.minusYears(43).minusDays(57), 2,
                chiyoda.code());
        LocalDate married = LocalDate.of(asOf.getYear() - 16, 10, 1);
        DemoLife hanakoLife = new DemoLife(random.split(), hanako, List.of(
                new Coverage(kyokai, "21070315", "1842", "01", "家族", 30, married, joinedCompany.minusDays(1), null),
                new Coverage(company, "1203", "4567", "01", "家族", 30, joinedCompany, null, null)), tokyo, asOf, dataAsOf);
        hanakoLife.seasonal(tokyo.ent(), tokyo.otherPharmacy(), List.of(FEXOFENADINE), 2, 4);
        hanakoLife.acute(1.2);
        hanakoLife.dental(0.9);
        hanakoLife.checkups(new Baseline(false, 158.4, 52.0, 72.0, 112, 70, 78, 68, 112, 19, 15, 18, 88, 5.3, 0.64, false),
                new Trend(0.3, 0.5, 1, 1, 2, 0, 3, 0.5, 0.5, 0.5, 1, 0.03), Set.of());
        hanakoLife.provisions(0.3);
        hanakoLife.emit(sink);

        LocalDate sakuraBirth = asOf.minusYears(7).minusDays(160);
        PersonRow sakura = new PersonRow(SAKURA, "見本", "さくら", "ミホン", "サクラ", sakuraBirth, 2, chiyoda.code());
        LocalDate schoolStart = LocalDate.of(sakuraBirth.plusYears(6).getYear() + (sakuraBirth.getMonthValue() >= 4 ? 1 : 0), 4, 1);
        DemoLife sakuraLife = new DemoLife(random.split(), sakura, List.of(
                new Coverage(kyokai, "21070315", "1842", "02", "家族", 20, sakuraBirth, joinedCompany.minusDays(1), null),
                new Coverage(company, "1203", "4567", "02", "家族", schoolStart.isAfter(asOf) ? 20 : 30, joinedCompany, null,
                        null)), tokyo, asOf, dataAsOf);
        sakuraLife.acute(4.5);
        sakuraLife.emit(sink);
        // Vaccinated on time but for the 日本脳炎 1期 booster (standard at 4, free until 7½): one overdue dose.
        new DemoVaccinations(sakura, asOf, tokyo.paediatrics().name(), chiyoda.name()).child(Set.of("JE.3"), null).rows()
                .forEach(sink::vaccination);
        sink.householdDone();

        LocalDate ichiroBirth = asOf.minusYears(78).minusDays(300);
        PersonRow ichiro = new PersonRow(ICHIRO, "見本", "一郎", "ミホン", "イチロウ", ichiroBirth, 1, chiyoda.code());
        Insurer chiyodaKokuho = nationalHealthInsuranceOf(chiyoda);
        LocalDate seventy = ichiroBirth.plusYears(70).withDayOfMonth(1).plusMonths(1);
        LocalDate seventyFive = ichiroBirth.plusYears(75);
        DemoLife ichiroLife = new DemoLife(random.split(), ichiro, List.of(
                new Coverage(chiyodaKokuho, "千代田01", "30542", "01", "本人", 30, ichiroBirth.plusYears(65),
                        seventy.minusDays(1), null),
                new Coverage(chiyodaKokuho, "千代田01", "30542", "01", "本人", 20, seventy, seventyFive.minusDays(1), null),
                new Coverage(insurerOf(13, "後期高齢者医療"), null, "13024481", "00", "本人", 10, seventyFive, null, null)),
                tokyo, asOf, dataAsOf);
        ichiroLife.chronic(tokyo.clinic(), tokyo.pharmacy(), 28,
                List.of(OLMESARTAN, SITAGLIPTIN, LANSOPRAZOLE, MAGNESIUM_OXIDE, ASPIRIN), null);
        ichiroLife.chronic(tokyo.clinic(), tokyo.pharmacy(), 28, List.of(INSULIN_GLARGINE, BROTIZOLAM), asOf.minusYears(2));
        // Knee pain treated by two doctors at once: the same ingredient from two institutions (重複投薬).
        LocalDate knee = asOf.withDayOfMonth(1).minusMonths(3).plusDays(4);
        ichiroLife.course(knee, tokyo.orthopaedics(), tokyo.otherPharmacy(), List.of(LOXOPROFEN, REBAMIPIDE), 14);
        ichiroLife.course(knee.plusDays(3), tokyo.clinic(), tokyo.pharmacy(), List.of(LOXONIN), 14);
        LocalDate admitted = LocalDate.of(asOf.getYear() - 1, 2, 9);
        ichiroLife.admission(tokyo.hospital(), admitted, 12);
        ichiroLife.homeNursing(tokyo.nursing(), admitted.plusDays(20), 4);
        ichiroLife.acute(1.0);
        ichiroLife.dental(0.6);
        ichiroLife.checkups(new Baseline(true, 163.0, 61.0, 0, 134, 76, 120, 52, 104, 26, 20, 30, 128, 7.1, 1.08, false),
                new Trend(-0.3, 0, 1, 0, 3, -1, -2, 0.5, 0, 0, 2, 0.05),
                Set.of(Condition.HYPERTENSION, Condition.DIABETES));
        ichiroLife.provisions(0.4);
        ichiroLife.emit(sink);
        new DemoVaccinations(ichiro, asOf, tokyo.clinic().name(), chiyoda.name()).influenza(3, null).rows()
                .forEach(sink::vaccination);
        sink.householdDone();
    }

    // ---------------------------------------------------------------- random households

    /** Generates households until exactly {@code persons} people were made. */
    void generatePersons(int persons, Sink sink) {
        generatePersons(persons, 0, sink);
    }

    /** As above, numbering households from {@code firstHousehold} so that a second run's insured keys are new. */
    void generatePersons(int persons, long firstHousehold, Sink sink) {
        int made = 0;
        for (long household = firstHousehold; made < persons; household++) {
            made += generateHousehold(new SplittableRandom(mix(seed, household)), household, persons - made, sink);
            sink.householdDone();
        }
    }

    /**
     * Insured numbers are derived from the household's index, so no two households ever share a
     * 保険者番号 + 記号・番号・枝番: the key is what claims and checkups are matched by.
     */
    private int generateHousehold(SplittableRandom random, long household, int room, Sink sink) {
        Municipality municipality = MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
        int prefecture = municipality.prefecture();
        Places places = places(prefecture, random.nextInt(2));
        Name family = FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)];
        double kind = random.nextDouble();
        List<Member> members = new ArrayList<>();
        if (kind < 0.55) {
            // A working household: the insured and dependants share the 記号・番号, each with a 枝番.
            int age = 22 + random.nextInt(kind < 0.2 ? 43 : 38);
            Insurer insurer = employeeInsurer(random, prefecture);
            String symbol = symbolFor(random, insurer);
            String number = String.valueOf(100_000 + household);
            LocalDate joined = LocalDate.of(Math.max(asOf.getYear() - 1 - random.nextInt(20), asOf.getYear() - age + 22),
                    4, 1);
            boolean male = random.nextDouble() < 0.6;
            members.add(new Member(age, male, insurer, symbol, number, "00", "本人", joined));
            if (kind >= 0.2 && age >= 26) {
                members.add(new Member(Math.max(20, age - 3 + random.nextInt(7)), !male, insurer, symbol, number, "01",
                        "家族", joined));
                int children = random.nextInt(4);
                for (int c = 0; c < children && age - 24 - c * 3 >= 0; c++) {
                    int childAge = Math.max(0, Math.min(age - 24, 18) - c * 3 - random.nextInt(3));
                    members.add(new Member(childAge, random.nextBoolean(), insurer, symbol, number,
                            String.format("%02d", 2 + c), "家族", joined));
                }
            }
        } else if (kind < 0.7) {
            // A self-employed household on the municipality's 国民健康保険: everyone is insured in their own right.
            Insurer insurer = nationalHealthInsuranceOf(municipality);
            String symbol = municipality.name().substring(0, Math.min(2, municipality.name().length())) + (10 + random.nextInt(80));
            String number = String.valueOf(100_000 + household);
            int age = 30 + random.nextInt(35);
            LocalDate joined = LocalDate.of(asOf.getYear() - 1 - random.nextInt(10), 1 + random.nextInt(12), 1);
            members.add(new Member(age, true, insurer, symbol, number, "01", "本人", joined));
            members.add(new Member(Math.max(20, age - 2 + random.nextInt(5)), false, insurer, symbol, number, "02", "本人", joined));
            int children = random.nextInt(3);
            for (int c = 0; c < children && age - 25 - c * 3 >= 0; c++) {
                members.add(new Member(Math.max(0, Math.min(age - 25, 17) - c * 3), random.nextBoolean(), insurer, symbol,
                        number, String.format("%02d", 3 + c), "本人", joined));
            }
        } else if (kind < 0.85) {
            // Retired, 65–74, on 国民健康保険.
            Insurer insurer = nationalHealthInsuranceOf(municipality);
            String symbol = municipality.name().substring(0, Math.min(2, municipality.name().length())) + (10 + random.nextInt(80));
            String number = String.valueOf(100_000 + household);
            int age = 65 + random.nextInt(10);
            boolean male = random.nextBoolean();
            members.add(new Member(age, male, insurer, symbol, number, "01", "本人", null));
            if (random.nextDouble() < 0.6) {
                members.add(new Member(Math.min(74, 65 + random.nextInt(10)), !male, insurer, symbol, number, "02", "本人", null));
            }
        } else {
            // 75 and over: each person on the prefecture's 後期高齢者医療広域連合, with a number of their own.
            Insurer insurer = insurerOf(prefecture, "後期高齢者医療");
            int age = 75 + random.nextInt(20);
            boolean male = random.nextDouble() < 0.45;
            members.add(new Member(age, male, insurer, null, String.format("%08d", 20_000_000 + household * 2), "00", "本人", null));
            if (random.nextDouble() < 0.4) {
                members.add(new Member(75 + random.nextInt(15), !male, insurer, null,
                        String.format("%08d", 20_000_000 + household * 2 + 1), "00", "本人", null));
            }
        }
        int made = 0;
        for (Member member : members) {
            if (made == room) {
                break;
            }
            generateMember(random.split(), member, family, municipality, places, sink);
            made++;
        }
        return made;
    }

    private record Member(int age, boolean male, Insurer insurer, String symbol, String number, String branch,
            String relationship, LocalDate joined) {
    }

    private void generateMember(SplittableRandom random, Member member, Name family, Municipality municipality,
            Places places, Sink sink) {
        LocalDate birth = asOf.minusYears(member.age()).minusDays(random.nextInt(365));
        Name given = member.male() ? MALE_NAMES[random.nextInt(MALE_NAMES.length)]
                : FEMALE_NAMES[random.nextInt(FEMALE_NAMES.length)];
        UUID id = new UUID((random.nextLong() & 0xffffffffffff0fffL) | 0x4000L,
                (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
        PersonRow person = new PersonRow(id, family.kanji(), given.kanji(), family.kana(), given.kana(), birth,
                member.male() ? 1 : 2, municipality.code());
        int age = member.age();
        List<Coverage> coverages = new ArrayList<>();
        if (member.insurer().kind().equals("後期高齢者医療")) {
            LocalDate seventyFive = birth.plusYears(75);
            Insurer kokuho = nationalHealthInsuranceOf(municipality);
            coverages.add(new Coverage(kokuho, municipality.name().substring(0, 2) + "01", "7" + member.number(),
                    "01", "本人", 20, seventyFive.minusYears(5), seventyFive.minusDays(1), null));
            int copay = random.nextDouble() < 0.07 ? 30 : random.nextDouble() < 0.2 ? 20 : 10;
            coverages.add(new Coverage(member.insurer(), null, member.number(), member.branch(), "本人", copay, seventyFive, null, null));
        } else {
            LocalDate from = member.joined() == null ? birth.plusYears(65) : member.joined();
            if (from.isBefore(birth)) {
                from = birth;
            }
            if (member.joined() != null && random.nextDouble() < 0.25 && from.minusYears(1).isAfter(birth.plusYears(20))) {
                // Changed jobs: an earlier qualification on the regional 協会けんぽ.
                Insurer previous = insurerOf(municipality.prefecture(), "協会けんぽ");
                coverages.add(new Coverage(previous, String.format("%08d", random.nextInt(100_000_000)),
                        member.number(), member.branch(), member.relationship(),
                        copayFor(age), from.minusYears(1 + random.nextInt(8)), from.minusDays(1), null));
            }
            String limit = age < 70 && random.nextDouble() < 0.04 ? "A03" : null;
            coverages.add(new Coverage(member.insurer(), member.symbol(), member.number(), member.branch(),
                    member.relationship(), copayFor(age), from, null, limit));
        }
        DemoLife life = new DemoLife(random.split(), person, coverages, places, asOf, dataAsOf);
        Set<Condition> conditions = conditionsFor(random, age, member.male());
        life.regimens(conditions);
        life.acute(age < 7 ? 4 : age < 15 ? 2 : age >= 75 ? 1.6 : 1.0);
        life.dental(age < 3 ? 0 : 0.45);
        if (age >= 75 && random.nextDouble() < 0.12) {
            life.admission(places.hospital(), asOf.minusDays(90 + random.nextInt(900)), 5 + random.nextInt(14));
        }
        if (age >= 40) {
            life.checkups(Baseline.random(random, member.male(), conditions), Trend.random(random), conditions);
        }
        life.provisions(random.nextDouble() < 0.3 ? 0.2 : 0);
        life.emit(sink);
        // Drawn last from this person's source, so every row above stays as it was before vaccinations existed.
        boolean child = DemoVaccinations.onTodaysSchedule(birth);
        DemoVaccinations vaccinations = new DemoVaccinations(person, asOf,
                (child ? places.paediatrics() : places.clinic()).name(), municipality.name());
        if (child) {
            vaccinations.child(Set.of(), random);
        } else if (age >= 65) {
            vaccinations.influenza(3, random);
        }
        vaccinations.rows().forEach(sink::vaccination);
    }

    private Set<Condition> conditionsFor(SplittableRandom random, int age, boolean male) {
        Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        double ageFactor = age < 30 ? 0.05 : age < 45 ? 0.25 : age < 60 ? 0.6 : age < 75 ? 1.0 : 1.2;
        if (random.nextDouble() < 0.42 * ageFactor) {
            conditions.add(Condition.HYPERTENSION);
        }
        if (random.nextDouble() < 0.3 * ageFactor) {
            conditions.add(Condition.DYSLIPIDEMIA);
        }
        if (random.nextDouble() < 0.16 * ageFactor) {
            conditions.add(Condition.DIABETES);
        }
        if (male && random.nextDouble() < 0.06 * ageFactor) {
            conditions.add(Condition.GOUT);
        }
        if (age >= 10 && random.nextDouble() < 0.15) {
            conditions.add(Condition.ALLERGY);
        }
        if (age >= 70) {
            for (Condition condition : List.of(Condition.REFLUX, Condition.CONSTIPATION, Condition.INSOMNIA,
                    Condition.ANTIPLATELET)) {
                if (random.nextDouble() < 0.25) {
                    conditions.add(condition);
                }
            }
        }
        return conditions;
    }

    private int copayFor(int age) {
        return age < 7 ? 20 : age >= 70 ? 20 : 30;
    }

    private Insurer employeeInsurer(SplittableRandom random, int prefecture) {
        double pick = random.nextDouble();
        if (pick < 0.6) {
            return insurerOf(prefecture, "協会けんぽ");
        }
        List<Insurer> kinds = INSURERS.stream()
                .filter(i -> i.kind().equals(pick < 0.9 ? "健康保険組合" : "共済組合")).toList();
        return kinds.get(random.nextInt(kinds.size()));
    }

    private String symbolFor(SplittableRandom random, Insurer insurer) {
        return switch (insurer.kind()) {
            case "協会けんぽ" -> String.format("%08d", random.nextInt(100_000_000));
            case "共済組合" -> "公" + (100 + random.nextInt(900));
            default -> String.valueOf(1000 + random.nextInt(9000));
        };
    }

    private Places places(int prefecture, int variant) {
        List<Institution> clinics = institutionsOf(prefecture, "診療所");
        List<Institution> pharmacies = institutionsOf(prefecture, "薬局");
        return new Places(clinics.get(0), clinics.get(1), clinics.get(2), clinics.get(3),
                institutionsOf(prefecture, "病院").get(0), institutionsOf(prefecture, "歯科診療所").get(0),
                pharmacies.get(variant % pharmacies.size()), pharmacies.get((variant + 1) % pharmacies.size()),
                institutionsOf(prefecture, "訪問看護ステーション").get(0));
    }

    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---------------------------------------------------------------- used by DemoLife, Baseline and Trend

    static double normal(SplittableRandom random, double mean, double deviation) {
        // Box–Muller from the deterministic source, clipped at three deviations.
        double u = Math.max(1e-12, random.nextDouble());
        double v = random.nextDouble();
        double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return mean + Math.max(-3, Math.min(3, z)) * deviation;
    }

    /** Clinics and pharmacies are closed on Sundays: move to the Monday. */
    static LocalDate weekday(LocalDate day) {
        return day.getDayOfWeek().getValue() == 7 ? day.plusDays(1) : day;
    }

}
