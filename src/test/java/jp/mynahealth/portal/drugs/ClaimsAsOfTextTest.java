package jp.mynahealth.portal.drugs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The claims line of the drug and cost pages says the month and how far behind it is, in ja and en. */
class ClaimsAsOfTextTest {

    private static String text(String key, Locale locale, int monthsBehind) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        String month = locale == Locale.ENGLISH ? "October 2026" : "令和8年10月";
        return messages.getMessage(key, new Object[] {month, monthsBehind}, locale);
    }

    @Test
    void theLagFollowsTheMonths() {
        assertThat(text("drugs.asof.claims", Locale.JAPANESE, 1)).isEqualTo("レセプト（調剤報酬明細書）の情報：令和8年10月分まで（約1か月遅れ）");
        assertThat(text("drugs.asof.claims", Locale.JAPANESE, 2)).isEqualTo("レセプト（調剤報酬明細書）の情報：令和8年10月分まで（約2か月遅れ）");
        assertThat(text("drugs.asof.claims", Locale.JAPANESE, 0)).isEqualTo("レセプト（調剤報酬明細書）の情報：令和8年10月分まで");
        assertThat(text("drugs.asof.claims", Locale.ENGLISH, 1)).isEqualTo("Pharmacy claims: up to October 2026 (about 1 month behind)");
        assertThat(text("drugs.asof.claims", Locale.ENGLISH, 3)).isEqualTo("Pharmacy claims: up to October 2026 (about 3 months behind)");
        assertThat(text("costs.asof.claims", Locale.JAPANESE, 1)).endsWith("令和8年10月診療分まで（約1か月遅れ）");
        assertThat(text("costs.asof.claims", Locale.ENGLISH, 0)).endsWith("treatment up to October 2026");
    }
}
