package jp.mynahealth.common.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Changes the language on {@code ?lang=ja|en|easy}: only the languages the service is written in;
 * anything else (a hand-edited address) is ignored rather than breaking the page.
 */
final class SupportedLocaleInterceptor implements HandlerInterceptor {

    static final String PARAMETER = "lang";
    static final Map<String, Locale> SUPPORTED = Map.of("ja", WebCommonConfiguration.JAPANESE, "en", Locale.ENGLISH,
            "easy", WebCommonConfiguration.EASY_JAPANESE);

    private final LocaleResolver locales;

    SupportedLocaleInterceptor(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String asked = request.getParameter(PARAMETER);
        Locale locale = asked == null ? null : SUPPORTED.get(asked);
        if (locale != null) {
            locales.setLocale(request, response, locale);
        }
        return true;
    }
}
