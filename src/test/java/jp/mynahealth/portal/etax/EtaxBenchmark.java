package jp.mynahealth.portal.etax;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.mynahealth.records.CostNotice;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.records.Qualification;

/**
 * Issue 6's benchmark: the time to build and sign one person-year of 200 notices, with the demo
 * data provider's key. {@code EtaxBenchmark <data folder> [files]}; prints figures, asserts nothing.
 */
public final class EtaxBenchmark {

    private EtaxBenchmark() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        MedicalExpenseXml xml = new MedicalExpenseXml(new SigningKey(data.resolve("ca/data-provider.p12"),
                data.resolve("ca/data-provider.password")));
        Person person = new Person(new PersonId(UUID.randomUUID()), "見本", "太郎", "ミホン", "タロウ", LocalDate.of(1981, 5, 12), 1,
                "131016");
        Qualification qualification = new Qualification("06139129", "見本電機健康保険組合", "健康保険組合", "1203", "4567", "00",
                "本人", 30, LocalDate.of(2024, 4, 1), null, null);
        List<CostNotice> notices = new ArrayList<>();
        String[] categories = { "外来", "調剤", "歯科", "入院", "訪問看護" };
        for (int i = 0; i < 200; i++) {
            notices.add(new CostNotice(i, YearMonth.of(2025, 1 + i % 12), "13110" + (10000 + i), "見本医療機関" + (i % 40),
                    categories[i % categories.length], 1 + i % 5, 4_000 + i * 37L, 2_800 + i * 25L, 0, 1_200 + i * 12L,
                    "見本電機健康保険組合"));
        }
        TaxYear year = TaxYear.of(2025, notices, LocalDate.of(2026, 9, 30));
        for (int i = 0; i < 300; i++) {
            xml.build(person, qualification, year, LocalDate.of(2026, 11, 24));
        }
        long began = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < files; i++) {
            bytes = xml.build(person, qualification, year, LocalDate.of(2026, 11, 24)).length;
        }
        double millis = (System.nanoTime() - began) / 1e6 / files;
        System.out.printf("signed XML of 200 notices (%,d bytes): %.2f ms per file on one thread over %d files"
                + " (target ≤ 20 ms)%n", bytes, millis, files);
    }
}
