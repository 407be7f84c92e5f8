package jp.mynahealth.importer.checkups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The hand-written fixture archive, built from the specification, read to exact values. */
class CheckupArchiveReaderTest {

    @Test
    void readsTheSpecificCheckupWithItsJudgements() throws IOException {
        List<CheckupDocument> documents = TestArchives.read(TestArchives.zip(TestArchives.hand()));

        assertThat(documents).hasSize(2);
        CheckupDocument d = documents.get(0);
        assertThat(d.recordNumber()).isEqualTo(1);
        assertThat(d.entryName()).isEqualTo(TestArchives.DOC1);
        assertThat(d.setId()).isEqualTo("1.2.392.200119.6.102.1311234567^2025-000123");
        assertThat(d.version()).isEqualTo(2);
        assertThat(d.checkedOn()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(d.program()).isEqualTo("特定健診");
        assertThat(d.institutionCode()).isEqualTo("1311234567");
        assertThat(d.insurerNumber()).isEqualTo("06132013");
        assertThat(d.symbol()).isEqualTo("１３１");
        assertThat(d.number()).isEqualTo("4567");
        assertThat(d.branch()).isEqualTo("01");
        assertThat(d.name()).isEqualTo("ケンシン　タロウ");
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1962, 8, 12));
        assertThat(d.sex()).isEqualTo(1);
        assertThat(d.metabolicJudgement()).isEqualTo(1);
        assertThat(d.guidanceLevel()).isEqualTo(1);
        assertThat(d.items()).containsExactly(
                numeric("9N001000000000001", "身長", "171.2", "cm", null, null, null),
                numeric("9N006000000000001", "体重", "72.0", "kg", null, null, null),
                numeric("9N011000000000001", "BMI", "24.6", "kg/m2", "18.5", "24.9", null),
                numeric("9N016160100000001", "腹囲(実測)", "86.0", "cm", null, "84.9", "H"),
                numeric("9A751000000000001", "収縮期血圧(1回目)", "134", "mmHg", null, "129", "H"),
                numeric("9A761000000000001", "拡張期血圧(1回目)", "82", "mmHg", null, "84", null),
                numeric("3F070000002327101", "HDLコレステロール", "48", "mg/dL", "40", null, null),
                numeric("3D046000001906202", "HbA1c(NGSP値)", "5.8", "%", "4.6", "5.5", "H"),
                text("1A020000000190111", "尿糖", "−"),
                text("9N736000000000011", "喫煙", "はい"),
                text("9N511000000000049", "医師の診断(判定)", "<script>alert(1)</script>要経過観察"));
        assertThat(d.items().get(1).valueNumeric().scale()).as("72.0 keeps its decimal").isEqualTo(1);
    }

    @Test
    void readsTheLatterStageCheckupWithoutSymbolBranchOrJudgements() throws IOException {
        CheckupDocument d = TestArchives.read(TestArchives.zip(TestArchives.hand())).get(1);

        assertThat(d.recordNumber()).isEqualTo(2);
        assertThat(d.entryName()).isEqualTo(TestArchives.DOC2);
        assertThat(d.setId()).isNull();
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.program()).isEqualTo("後期高齢者健診");
        assertThat(d.checkedOn()).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(d.institutionCode()).isEqualTo("1319876543");
        assertThat(d.insurerNumber()).isEqualTo("39131015");
        assertThat(d.symbol()).isNull();
        assertThat(d.number()).isEqualTo("00012345");
        assertThat(d.branch()).isNull();
        assertThat(d.name()).isEqualTo("コウキ　ハナコ");
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1948, 1, 3));
        assertThat(d.sex()).isEqualTo(2);
        assertThat(d.metabolicJudgement()).isNull();
        assertThat(d.guidanceLevel()).isNull();
        assertThat(d.items()).containsExactly(
                numeric("9N001000000000001", "身長", "150.4", "cm", null, null, null),
                numeric("9N006000000000001", "体重", "44.5", "kg", null, null, null),
                numeric("3C015000002327101", "血清クレアチニン", "0.81", "mg/dL", "0.46", "0.79", "H"),
                text("1A010000000190111", "尿蛋白", "±"),
                text("9N701000000000011", "服薬1(血圧)", "いいえ"));
    }

    @Test
    void readsAnArchiveWithoutRootFolderAndWithClaimsAndSchemas() throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        TestArchives.hand().forEach((name, bytes) -> entries.put(name.substring(TestArchives.ROOT.length()), bytes));
        entries.put("XSD/hc08_V08.xsd", TestArchives.utf8("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>"));
        entries.put("CLAIMS/c13112345672025031501000001.xml", TestArchives.utf8("<claim/>"));

        List<CheckupDocument> documents = TestArchives.read(TestArchives.zip(entries));

        assertThat(documents).extracting(CheckupDocument::entryName)
                .containsExactly("DATA/h13112345672025031501000001.xml", "DATA/h13198765432025031801000002.xml");
    }

    static CheckupItem numeric(String code, String name, String value, String unit, String low, String high,
            String flag) {
        return new CheckupItem(code, name, new BigDecimal(value), null, unit, low == null ? null : new BigDecimal(low),
                high == null ? null : new BigDecimal(high), flag);
    }

    static CheckupItem text(String code, String name, String value) {
        return new CheckupItem(code, name, null, value, null, null, null, null);
    }
}
