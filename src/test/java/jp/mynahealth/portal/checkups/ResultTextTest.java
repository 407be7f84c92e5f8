package jp.mynahealth.portal.checkups;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import jp.mynahealth.records.CheckupResult;

class ResultTextTest {

    private static ResultText in(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ResultText(messages, locale);
    }

    private static CheckupResult result(String value, String low, String high) {
        return new CheckupResult("9N001000000000001", "item", new BigDecimal(value).setScale(2), null, "cm",
                low == null ? null : new BigDecimal(low).setScale(2), high == null ? null : new BigDecimal(high).setScale(2), null);
    }

    @Test
    void anItemWithoutARangeShowsADashInBothLanguages() {
        assertThat(in(Locale.JAPANESE).range(result("170.2", null, null))).isEqualTo("—");
        assertThat(in(Locale.ENGLISH).range(result("170.2", null, null))).isEqualTo("—");
        assertThat(in(Locale.JAPANESE).range(null, null, 1, "cm")).isEqualTo("—");
    }

    @Test
    void rangesReadAsWordsWithTheItemsDecimals() {
        ResultText ja = in(Locale.JAPANESE);
        ResultText en = in(Locale.ENGLISH);
        assertThat(ja.range(result("24.0", "18.5", "24.9"))).isEqualTo("18.5 ～ 24.9");
        assertThat(en.range(result("24.0", "18.5", "24.9"))).isEqualTo("18.5 to 24.9");
        assertThat(ja.range(result("128", null, "129"))).isEqualTo("129以下");
        assertThat(en.range(result("128", null, "129"))).isEqualTo("129 or less");
        assertThat(ja.range(result("52", "40", null))).isEqualTo("40以上");
        assertThat(en.range(null, new BigDecimal("129.00"), 0, "mmHg")).isEqualTo("129 mmHg or less");
        assertThat(ja.range(new BigDecimal("18.50"), new BigDecimal("24.90"), 1, "kg/m2")).isEqualTo("18.5 ～ 24.9 kg/m2");
    }

    @Test
    void valuesKeepTheirItemsDecimals() {
        ResultText ja = in(Locale.JAPANESE);
        assertThat(ja.value(result("24.0", "18.5", "24.9"))).isEqualTo("24.0");
        assertThat(ja.value(result("120", "60", "119"))).isEqualTo("120");
        assertThat(ja.value(new BigDecimal("171.00"), 1)).isEqualTo("171.0");
    }
}
