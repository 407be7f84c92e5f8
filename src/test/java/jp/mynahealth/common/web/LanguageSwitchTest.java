package jp.mynahealth.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/** The language links' addresses: the page's own query with only {@code lang} replaced, never another host or path. */
class LanguageSwitchTest {

    private final LanguageSwitch languages = new LanguageSwitch();

    @AfterEach
    void unbind() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static MockHttpServletRequest current(String method, String uri, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setQueryString(query);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return request;
    }

    @Test
    void keepsEveryOtherParameterAsSentAndReplacesOnlyLang() {
        current("GET", "/drugs", "from=2025-01&q=%E3%82%8D%E3%81%99&lang=ja&institution=");
        assertThat(languages.href("en")).isEqualTo("?from=2025-01&q=%E3%82%8D%E3%81%99&institution=&lang=en");
    }

    @Test
    void addsLangWhenThereIsNoneAndWhenThereIsNoQueryAtAll() {
        current("GET", "/costs", "year=2025");
        assertThat(languages.href("ja")).isEqualTo("?year=2025&lang=ja");
        current("GET", "/", null);
        assertThat(languages.href("en")).isEqualTo("?lang=en");
    }

    @Test
    void aRepeatedOrUnknownLangBecomesOne() {
        current("GET", "/drugs", "lang=xx&q=a&lang=en");
        assertThat(languages.href("ja")).isEqualTo("?q=a&lang=ja");
    }

    /** Relative to the address the browser shows: the Host and forwarded headers cannot send it elsewhere. */
    @Test
    void isAlwaysAQueryOnlyReferenceWhateverTheHostSays() {
        MockHttpServletRequest request = current("GET", "//evil.example/drugs", "q=a");
        request.setServerName("evil.example");
        request.addHeader("Host", "evil.example");
        request.addHeader("X-Forwarded-Host", "evil.example");
        assertThat(languages.href("en")).isEqualTo("?q=a&lang=en").doesNotContain("evil");
    }

    /** The error page is rendered from /error: its links must keep the query of the address that failed. */
    @Test
    void onAnErrorPageKeepsTheQueryOfTheFailedAddress() {
        MockHttpServletRequest request = current("GET", "/error", null);
        request.setAttribute(WebUtils.ERROR_REQUEST_URI_ATTRIBUTE, "/no-such-page");
        request.setAttribute(WebUtils.FORWARD_REQUEST_URI_ATTRIBUTE, "/no-such-page");
        request.setAttribute(WebUtils.FORWARD_QUERY_STRING_ATTRIBUTE, "x=1&lang=ja");
        assertThat(languages.href("en")).isEqualTo("?x=1&lang=en");
    }

    @Test
    void aPageAnsweringAPostUsesTheScreenQueryItsControllerGave() {
        MockHttpServletRequest request = current("POST", "/v1/authenticate", null);
        request.addParameter("pin", "1234");
        assertThat(languages.href("en")).isEqualTo("?lang=en");
        request.setAttribute(LanguageSwitch.SCREEN_QUERY, "challenge=abc&lang=ja");
        assertThat(languages.href("en")).isEqualTo("?challenge=abc&lang=en").doesNotContain("1234");
    }

    @Test
    void outsideARequestItIsJustTheLanguage() {
        assertThat(languages.href("en")).isEqualTo("?lang=en");
    }
}
