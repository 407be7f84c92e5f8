package jp.mynahealth.portal.drugs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import jp.mynahealth.common.web.DisplayFormats;
import jp.mynahealth.records.CheaperGeneric;
import jp.mynahealth.records.Dispensing;

/** The words the drug list prints around its figures, in the visitor's language: looked up once per page, not per line. */
final class DrugListText {

    /** 頓服 is counted in doses, everything else in days. */
    private static final String AS_NEEDED = "頓服";

    private final MessageSource messages;
    private final Locale locale;
    private final DisplayFormats formats;
    private final String daysSuffix;
    private final String timesSuffix;
    private final Map<String, String> categories;
    private final String freshSource;
    private final String claimSource;

    DrugListText(MessageSource messages, Locale locale, DisplayFormats formats) {
        this.messages = messages;
        this.locale = locale;
        this.formats = formats;
        this.daysSuffix = messages.getMessage("drugs.days.suffix", null, locale);
        this.timesSuffix = messages.getMessage("drugs.times.suffix", null, locale);
        this.categories = Map.of("内服", messages.getMessage("drugs.category.内服", null, locale),
                AS_NEEDED, messages.getMessage("drugs.category.頓服", null, locale),
                "外用", messages.getMessage("drugs.category.外用", null, locale),
                "注射", messages.getMessage("drugs.category.注射", null, locale));
        this.freshSource = messages.getMessage("drugs.source.e_prescription", null, locale);
        this.claimSource = messages.getMessage("drugs.source.claim", null, locale);
    }

    String date(LocalDate day) {
        return formats.date(day);
    }

    String prescriber(String name) {
        return messages.getMessage("drugs.prescriber", new Object[] {name}, locale);
    }

    String supply(String category, int days) {
        return days + (AS_NEEDED.equals(category) ? timesSuffix : daysSuffix);
    }

    String category(String category) {
        return categories.get(category);
    }

    String source(Dispensing.Source source) {
        return source == Dispensing.Source.E_PRESCRIPTION ? freshSource : claimSource;
    }

    /** Only a brand line with a generic at least 10 yen cheaper for the person has a saving to mention; else null. */
    String saving(CheaperGeneric generic, BigDecimal quantity) {
        if (generic == null) {
            return null;
        }
        long yen = generic.savingYen(quantity);
        if (yen < 10) {
            return null;
        }
        int percent = generic.copayPercent();
        return messages.getMessage("drugs.generic.saving", new Object[] {formats.yen(yen), percent / 10, percent}, locale);
    }
}
