package jp.mynahealth.common.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The addresses of the language links, for templates ({@code th:with="en=${@languageSwitch.href('en')}"}:
 * Thymeleaf's restricted mode keeps bean calls out of {@code th:href}): the page's own address with
 * only {@code lang} replaced, so that switching keeps a list's filters and the signer's login request.
 * <p>
 * The link is a query-only reference ({@code ?q=…&lang=en}). The browser resolves it against the
 * address it shows, so it cannot lead to another site or path whatever the request's Host header
 * or forwarded headers say, and on an error page (served from {@code /error}) it still reloads the
 * address that failed. The query is copied as the browser sent it, already percent-encoded; the
 * template escapes it for HTML.
 */
public class LanguageSwitch {

    /**
     * A page that answers a POST has no query to keep: its controller may put here the query of the
     * GET address that shows the same screen (already encoded); without it the link reloads the bare path.
     */
    public static final String SCREEN_QUERY = LanguageSwitch.class.getName() + ".screenQuery";

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    public String href(String language) {
        return href(currentQuery(), language);
    }

    static String href(String query, String language) {
        return UriComponentsBuilder.newInstance()
                .query(query)
                .replaceQueryParam(SupportedLocaleInterceptor.PARAMETER, language)
                .build()
                .toUriString();
    }

    private static String currentQuery() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        HttpServletRequest request = servlet.getRequest();
        if (request.getAttribute(SCREEN_QUERY) instanceof String screen) {
            return screen;
        }
        // Forwards and error pages: the query of the address the browser asked for, not of /error.
        return PATHS.getOriginatingQueryString(request);
    }
}
