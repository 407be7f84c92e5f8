package jp.mynahealth.idp.login;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Carries the portal's language into the idp: the authorization request's {@code ui_locales}
 * (OIDC) sets the idp's own language cookie before the login page is shown.
 */
class UiLocalesFilter extends OncePerRequestFilter {

    private static final Set<String> SUPPORTED = Set.of("ja", "en");
    private final LocaleResolver locales;

    UiLocalesFilter(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/oauth2/authorize".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String asked = request.getParameter("ui_locales");
        if (asked != null) {
            for (String tag : asked.trim().split("\\s+")) {
                String language = Locale.forLanguageTag(tag).getLanguage();
                if (SUPPORTED.contains(language)) {
                    locales.setLocale(request, response, Locale.forLanguageTag(language));
                    break;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
