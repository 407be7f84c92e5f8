package jp.mynahealth.importer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckDigitTest {

    @Test
    void givesThePublishedNumberOfTheTokyoBranchOfKyokaiKenpo() {
        assertThat(CheckDigit.append("0113001")).isEqualTo("01130012");
    }

    @Test
    void everyCatalogNumberHasTheRightLengthAndCheckDigit() {
        assertThat(DemoCatalog.INSURERS).allSatisfy(insurer -> {
            assertThat(insurer.number()).matches("\\d{6}|\\d{8}");
            String body = insurer.number().substring(0, insurer.number().length() - 1);
            assertThat(CheckDigit.append(body)).isEqualTo(insurer.number());
        });
        assertThat(DemoCatalog.INSTITUTIONS).allSatisfy(institution -> assertThat(institution.code()).matches("\\d{10}"));
    }

    @Test
    void refusesWhatIsNotDigits() {
        assertThatThrownBy(() -> CheckDigit.append("01A")).isInstanceOf(IllegalArgumentException.class);
    }
}
