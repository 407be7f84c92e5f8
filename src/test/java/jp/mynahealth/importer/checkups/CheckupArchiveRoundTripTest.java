package jp.mynahealth.importer.checkups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** What the writer writes, the reader reads back equal — with the demo generator's kinds of values. */
class CheckupArchiveRoundTripTest {

    private static final CheckupArchiveHeader HEADER = new CheckupArchiveHeader("06132013", LocalDate.of(2025, 4, 1));
    private static final String[] DIPSTICK = { "−", "±", "+", "2+", "3+" };

    @Test
    void documentsLikeTheDemoGeneratorsReadBackEqual() throws IOException {
        Random random = new Random(42);
        List<CheckupDocument> given = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            given.add(document(random, i));
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<CheckupDocument> written = new ArrayList<>();
        try (CheckupArchiveWriter writer = new CheckupArchiveWriter(bytes, HEADER)) {
            for (CheckupDocument document : given) {
                written.add(writer.add(document));
            }
        }
        List<CheckupDocument> read = TestArchives.read(bytes.toByteArray());

        assertThat(read).isEqualTo(written);
        assertThat(read).extracting(CheckupDocument::recordNumber).startsWith(1L, 2L, 3L).endsWith(1_000L);
        assertThat(read.get(0).entryName()).isEqualTo("06132013_2_202504010_1/DATA/h0006132013202504010100000" + "1.xml");
        assertThat(read.get(0).items().get(2).referenceLow().scale()).as("18.50 keeps its scale").isEqualTo(2);
    }

    @Test
    void anEmptyArchiveReadsBackEmpty() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new CheckupArchiveWriter(bytes, HEADER).close();

        assertThat(TestArchives.read(bytes.toByteArray())).isEmpty();
    }

    @Test
    void scriptAndMarkupInTextRoundTripAsText() throws IOException {
        CheckupDocument document = withItems(document(new Random(1), 0), List.of(
                new CheckupItem("9N511000000000049", "医師の診断(判定) <b>", null, "<script>alert(\"x\")</script> & 要精査\n2行目",
                        null, null, null, null)));
        document = new CheckupDocument(0, null, null, 1, document.checkedOn(), document.program(),
                document.institutionCode(), document.insurerNumber(), document.symbol(), document.number(),
                document.branch(), "<script>alert(1)</script>", document.birthDate(), document.sex(), null, null,
                document.items());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckupDocument written;
        try (CheckupArchiveWriter writer = new CheckupArchiveWriter(bytes, HEADER)) {
            written = writer.add(document);
        }

        assertThat(TestArchives.read(bytes.toByteArray())).containsExactly(written);
    }

    @Test
    void theWriterRefusesWhatTheReaderWouldRefuse() {
        CheckupDocument good = document(new Random(3), 0);
        CheckupArchiveWriter writer = new CheckupArchiveWriter(new ByteArrayOutputStream(), HEADER);

        assertThatThrownBy(() -> writer.add(withItems(good, List.of(new CheckupItem("9N00100000000001", "身長",
                BigDecimal.ONE, null, "cm", null, null, null))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JLAC10");
        assertThatThrownBy(() -> writer.add(withItems(good, List.of(new CheckupItem("9N001000000000001", "身\u0001長",
                BigDecimal.ONE, null, "cm", null, null, null))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> writer.add(withItems(good, List.of(new CheckupItem("9N001000000000001", "身長",
                new BigDecimal("1E+20"), null, "cm", null, null, null))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric value");
    }

    /** One person's checkup with the items, scales, units and texts the demo generator produces. */
    private static CheckupDocument document(Random random, int i) {
        boolean latter = i % 5 == 4;
        boolean male = random.nextBoolean();
        List<CheckupItem> items = new ArrayList<>();
        items.add(numeric("9N001000000000001", "身長", 150 + random.nextDouble() * 40, 1, "cm", null, null));
        items.add(numeric("9N006000000000001", "体重", 45 + random.nextDouble() * 50, 1, "kg", null, null));
        items.add(numeric("9N011000000000001", "BMI", 17 + random.nextDouble() * 15, 1, "kg/m2", 18.5, 24.9));
        if (!latter) {
            items.add(numeric("9N016160100000001", "腹囲(実測)", 65 + random.nextDouble() * 40, 1, "cm", null,
                    male ? 84.9 : 89.9));
        }
        items.add(numeric("9A751000000000001", "収縮期血圧(1回目)", 100 + random.nextDouble() * 60, 0, "mmHg", null, 129.0));
        items.add(numeric("3F070000002327101", "HDLコレステロール", 30 + random.nextDouble() * 60, 0, "mg/dL", 40.0, null));
        items.add(numeric("3D046000001906202", "HbA1c(NGSP値)", 4.5 + random.nextDouble() * 3, 1, "%", 4.6, 5.5));
        items.add(numeric("3C015000002327101", "血清クレアチニン", 0.4 + random.nextDouble(), 2, "mg/dL", male ? 0.65 : 0.46,
                male ? 1.07 : 0.79));
        items.add(numeric("8A065000002391901", "eGFR", 40 + random.nextDouble() * 60, 1, "mL/min/1.73m2", 60.0, null));
        int grade = random.nextInt(DIPSTICK.length);
        items.add(new CheckupItem("1A020000000190111", "尿糖", null, DIPSTICK[grade], null, null, null,
                grade >= 2 ? "H" : null));
        items.add(new CheckupItem("1A010000000190111", "尿蛋白", null, DIPSTICK[random.nextInt(DIPSTICK.length)], null,
                null, null, null));
        items.add(answer("9N701000000000011", "服薬1(血圧)", random.nextBoolean()));
        items.add(answer("9N736000000000011", "喫煙", random.nextBoolean()));
        LocalDate checked = LocalDate.of(2024, 4, 1).plusDays(random.nextInt(365));
        return new CheckupDocument(0, null, i % 2 == 0 ? "1.2.392.200119.6.102.1311234567^2024-" + i : null,
                i % 2 == 0 ? 1 + random.nextInt(3) : 1, checked, latter ? "後期高齢者健診" : "特定健診",
                String.format("13%08d", random.nextInt(100_000_000)), latter ? "39131015" : "06132013",
                latter ? null : "記号" + random.nextInt(1000), Integer.toString(random.nextInt(10_000_000)),
                latter ? null : String.format("%02d", random.nextInt(10)), "テスト　タロウ" + i,
                checked.minusYears(40 + random.nextInt(45)), male ? 1 : 2,
                latter ? null : 1 + random.nextInt(4), latter ? null : 1 + random.nextInt(4), items);
    }

    private static CheckupItem numeric(String code, String name, double value, int scale, String unit, Double low,
            Double high) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        String flag = high != null && rounded.doubleValue() > high ? "H"
                : low != null && rounded.doubleValue() < low ? "L" : null;
        return new CheckupItem(code, name, rounded, null, unit, scaled(low), scaled(high), flag);
    }

    private static BigDecimal scaled(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static CheckupItem answer(String code, String name, boolean yes) {
        return new CheckupItem(code, name, null, yes ? "はい" : "いいえ", null, null, null, null);
    }

    private static CheckupDocument withItems(CheckupDocument d, List<CheckupItem> items) {
        return new CheckupDocument(d.recordNumber(), d.entryName(), d.setId(), d.version(), d.checkedOn(), d.program(),
                d.institutionCode(), d.insurerNumber(), d.symbol(), d.number(), d.branch(), d.name(), d.birthDate(),
                d.sex(), d.metabolicJudgement(), d.guidanceLevel(), items);
    }
}
