package jp.mynahealth.portal.care;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import jp.mynahealth.common.web.DisplayFormats;

/** The words the care list prints around the claims' codes, in the visitor's language: looked up once per page, not per line. */
final class CareText {

    /** The visit month heads each group, so a day needs no year (and no era) to be read. */
    private static final DateTimeFormatter JAPANESE_DAY = DateTimeFormatter.ofPattern("M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final MessageSource messages;
    private final Locale locale;
    private final DisplayFormats formats;
    private final boolean english;
    private final Map<CareClass, String> classes = new EnumMap<>(CareClass.class);

    CareText(MessageSource messages, Locale locale, DisplayFormats formats) {
        this.messages = messages;
        this.locale = locale;
        this.formats = formats;
        this.english = "en".equals(locale.getLanguage());
        for (CareClass careClass : CareClass.values()) {
            classes.put(careClass, messages.getMessage(careClass.messageKey(), null, locale));
        }
    }

    String month(YearMonth month) {
        return formats.month(month);
    }

    /** The days in order, 「11月5日、11月19日」 or "5 Nov, 19 Nov". */
    String days(List<LocalDate> days) {
        DateTimeFormatter format = english ? ENGLISH_DAY : JAPANESE_DAY;
        return days.stream().map(format::format).collect(Collectors.joining(english ? ", " : "、"));
    }

    String times(int times) {
        return messages.getMessage("care.times", new Object[] {times}, locale);
    }

    String careClass(CareClass careClass) {
        return classes.get(careClass);
    }

    /** The claims' category in words; one the page does not know yet is shown as the claims name it. */
    String category(String category) {
        return messages.getMessage("care.category." + category, null, category, locale);
    }

    String kind(String kind) {
        return kind == null ? null : messages.getMessage("care.kind." + kind, null, kind, locale);
    }

    /** The institution's name; a code the institution list lacks is shown as the code, said to be one. */
    String institution(String name, String code) {
        return name != null ? name : messages.getMessage("care.institution.unknown", new Object[] {code}, locale);
    }
}
