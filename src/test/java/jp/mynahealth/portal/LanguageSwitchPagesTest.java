package jp.mynahealth.portal;

import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jp.mynahealth.Role;
import jp.mynahealth.support.PortalRole;

/**
 * The header's language links as the portal renders them: they keep the page's filters, are escaped,
 * stay on the page's own address whatever the Host header says, follow htmx's filter changes, and
 * keep an error page's address.
 */
class LanguageSwitchPagesTest {

    private static final Pattern ANCHOR = Pattern.compile("<a\\b([^>]*)>(日本語|English)</a>");
    private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]*)\"");
    private static MockMvc mvc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
    }

    /** The href of the language link with that text, as written in the HTML (entities not decoded). */
    private static String link(String html, String text) {
        Matcher anchor = ANCHOR.matcher(html);
        while (anchor.find()) {
            if (anchor.group(2).equals(text)) {
                Matcher href = HREF.matcher(anchor.group(1));
                assertThat(href.find()).as("href of %s", text).isTrue();
                return href.group(1);
            }
        }
        throw new AssertionError("no language link " + text + " in " + html);
    }

    private static String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(TARO))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void onAFilteredListTheLinksKeepTheFiltersAndChangeOnlyTheLanguage() throws Exception {
        String html = page(get(URI.create("/drugs?from=2025-01&to=2026-10&q=%E3%82%8D%E3%81%99&lang=ja")));
        assertThat(link(html, "English")).isEqualTo("?from=2025-01&amp;to=2026-10&amp;q=%E3%82%8D%E3%81%99&amp;lang=en");
        assertThat(link(html, "日本語")).isEqualTo("?from=2025-01&amp;to=2026-10&amp;q=%E3%82%8D%E3%81%99&amp;lang=ja");

        String english = page(get(URI.create("/costs?year=2025&lang=en")));
        assertThat(english).contains("Medical costs in 2025");
        assertThat(link(english, "日本語")).isEqualTo("?year=2025&amp;lang=ja");
    }

    /** htmx swaps the list and pushes the new address: the header's links come along out of band. */
    @Test
    void theHtmxFragmentOfAFilterChangeCarriesTheLinksForItsAddress() throws Exception {
        String fragment = page(get(URI.create("/costs?year=2025")).header("HX-Request", "true"));
        assertThat(fragment).contains("id=\"cost-year\"", "id=\"language-switch\"", "hx-swap-oob=\"true\"")
                .doesNotContain("<html");
        assertThat(link(fragment, "English")).isEqualTo("?year=2025&amp;lang=en");

        String full = page(get(URI.create("/costs?year=2025")));
        assertThat(full).doesNotContain("hx-swap-oob");
    }

    @Test
    void aHostileQueryIsEscapedAndAForeignHostIsNeverLinked() throws Exception {
        String html = page(get(URI.create("/drugs?q=x")).with(request -> {
            request.setQueryString("q=\"><img src=x onerror=alert(1)>&lang=xx");
            return request;
        }).header("Host", "evil.example").header("X-Forwarded-Host", "evil.example"));
        assertThat(html).doesNotContain("<img src=x");
        assertThat(link(html, "English")).isEqualTo("?q=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;lang=en");
        assertThat(link(html, "日本語")).startsWith("?").doesNotContain("evil");
    }

    /** The 404 page is rendered from /error, yet switching must reload the address that failed, in the other language. */
    @Test
    void theErrorPageLinksKeepTheFailedAddressQuery() throws Exception {
        int port = PortalRole.roles().port(Role.PORTAL);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/no-such-page?x=1&lang=en")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found");
        assertThat(link(response.body(), "日本語")).isEqualTo("?x=1&amp;lang=ja");
    }
}
