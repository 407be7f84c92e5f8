package jp.mynahealth.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;

import jp.mynahealth.Role;
import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * Every page a citizen can reach, on a small phone (320 px), the phone most hold (390 px) and a
 * desktop (1280 px), in Japanese and English: nothing scrolls sideways, axe-core finds nothing,
 * buttons, fields and menu links are big enough to tap on a phone, and on the 390 px phone the page
 * starts near the top of the first screen instead of below a tall header. A full-page screenshot
 * of each goes to target/screenshots/every-page for a person to look at: a test can say a page
 * fits, not that it looks right.
 *
 * <p>One browser context per width and language, logged in once, so that the whole tour stays
 * fast; the checks collect every problem of the tour instead of stopping at the first one.
 */
class EveryPageE2ETest extends BrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots", "every-page");
    private static final int DESKTOP = 1280;
    /** An iPhone 12 to 15: the most common phone width among the portal's visitors. */
    private static final int PHONE = 390;
    /** On that phone, the header may take this much of the 844 px screen before the page's own content starts. */
    private static final double CONTENT_STARTS_WITHIN = 200;
    /** WCAG 2.5.5's 44 CSS px, the size of a fingertip. */
    private static final double TOUCH_TARGET = 44;

    private int width;
    private String lang;
    private Properties messages;
    private SoftAssertions soft;

    static Stream<Arguments> screens() {
        return Stream.of(320, PHONE, DESKTOP).flatMap(width -> Stream.of("ja", "en").map(lang -> Arguments.of(width, lang)));
    }

    @ParameterizedTest(name = "{0} px wide, {1}")
    @MethodSource("screens")
    void everyPageFitsTheScreenAndPassesAxe(int width, String lang) {
        this.width = width;
        this.lang = lang;
        this.messages = messages(lang);
        this.soft = new SoftAssertions();
        page.setViewportSize(width, width == DESKTOP ? 800 : 844);

        // The kiosk's start page marks the browser as a kiosk (a cookie): seen first, then forgotten.
        portal("/kiosk?lang=" + lang, "kiosk-start");
        context.clearCookies();

        portal("/no-such-page?lang=" + lang, "not-found");
        portal("/", "home");

        link("home.login.button").click();
        check("idp-login");
        link("idp.login.open").click();
        check("signer");
        button("signer.cancel").click();
        check("idp-cancelled");
        link("idp.retry").click();
        link("home.login.button").click();
        link("idp.login.open").click();
        // A wrong PIN, then the right one at once: a right PIN resets the card's counter of wrong tries.
        page.getByLabel("見本 太郎").check();
        page.getByLabel(text("signer.pin")).fill("9999");
        button("signer.sign").click();
        check("signer-wrong-pin");
        page.getByLabel(text("signer.pin")).fill("1234");
        button("signer.sign").click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text("dashboard.welcome", "見本 太郎"))).waitFor();
        check("dashboard");

        Locator menu = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(text("nav.label")));
        Locator drugs = menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text("nav.drugs")));
        if (width < DESKTOP) {
            // On a phone the menu is folded: its links are there only once it is opened.
            soft.assertThat(drugs.isVisible()).as("%s: the menu is folded on a phone", width).isFalse();
            menu.getByText(text("nav.label"), new Locator.GetByTextOptions().setExact(true)).click();
            check("dashboard-menu-open", false);
        } else {
            soft.assertThat(drugs.isVisible()).as("the menu is open on a desktop").isTrue();
        }
        drugs.click();
        check("drugs");

        portal("/insurance", "insurance");
        portal("/insurance/registration", "insurance-registration");
        button("registration.submit").click();
        check("insurance-registration-error");
        // A form whose token the server no longer accepts (a page kept open from an earlier session).
        page.evaluate("document.querySelectorAll('input[name=_csrf]').forEach(input => input.value = 'stale')");
        button("registration.submit").click();
        check("forbidden");
        portal("/insurance/registration/cancel", "insurance-cancel");

        portal("/checkups", "checkups");
        page.getByRole(AriaRole.TABLE).getByRole(AriaRole.LINK).first().click();
        check("checkup");
        link("checkup.trend.link", "BMI").click();
        check("checkup-trend");
        portal("/vaccinations", "vaccinations");
        portal("/notices", "notices");
        portal("/care", "care");

        portal("/costs", "costs");
        portal("/etax", "etax");
        link("etax.statement.link").click();
        check("etax-statement");
        // 太郎 adds さくら (his grant as her parent includes e-Tax): the household's page and statement.
        page.navigate(portal("/etax"));
        page.getByLabel("見本 さくら").check();
        button("etax.family.submit").click();
        check("etax-family");
        link("etax.family.statement.link").click();
        check("etax-family-statement");
        portal("/history", "history");
        portal("/proxies", "proxies");
        portal("/proxies/legal", "proxies-legal");
        portal("/apps", "apps");
        // 太郎 acting for his daughter: the band on every page, the menu of what the grant reaches.
        page.navigate(portal("/proxies"));
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("見本 さくら"))).first().click();
        check("acting-dashboard");
        portal("/vaccinations", "acting-vaccinations");
        button("proxy.band.back").click();
        portal("/checkups/no-such-checkup", "not-found-logged-in");

        // Nothing leads to these but a broken or forged request; they still have to read well.
        visit("http://127.0.0.1:" + RunningSystem.get().port(Role.IDP) + "/login/card/callback?lang=" + lang, "idp-failed");
        visit("http://127.0.0.1:" + RunningSystem.get().port(Role.SIGNER) + "/v1/authenticate?lang=" + lang, "signer-refused");

        soft.assertAll();
    }

    private void portal(String path, String name) {
        visit(portal(path), name);
    }

    private void visit(String url, String name) {
        page.navigate(url);
        check(name);
    }

    private void check(String name) {
        check(name, true);
    }

    /**
     * Checks the page on screen and saves its screenshot as {@code <width>-<lang>-<name>.png};
     * {@code startsHigh} is false where the header is meant to push the page down (an opened menu).
     */
    private void check(String name, boolean startsHigh) {
        page.waitForLoadState(LoadState.LOAD);
        String where = width + " px, " + lang + ", " + name;
        soft.assertThat(page.locator("html").getAttribute("lang")).as("%s: language", where).isEqualTo(lang);
        Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
        Number innerWidth = (Number) page.evaluate("window.innerWidth");
        soft.assertThat(scrollWidth.intValue()).as("%s: page width (no sideways scrolling)", where)
                .isLessThanOrEqualTo(innerWidth.intValue());
        soft.assertThat(sidewaysScrollingBoxes()).as("%s: boxes that scroll sideways", where).isEmpty();
        soft.check(this::assertAccessible);
        if (width < DESKTOP) {
            soft.assertThat(smallTargets()).as("%s: buttons, fields and menu links under %s px", where, TOUCH_TARGET).isEmpty();
        }
        if (width == PHONE && startsHigh) {
            // While acting for someone the band saying whose data this is comes first, on top of the header.
            Locator band = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(text("proxy.band.label")));
            double bandHeight = band.count() > 0 ? band.boundingBox().height : 0;
            soft.assertThat(contentTop() - bandHeight).as("%s: where the page's own content starts", where)
                    .isLessThanOrEqualTo(CONTENT_STARTS_WITHIN);
        }
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(width + "-" + lang + "-" + name + ".png")));
    }

    /** Parts of the page that scroll sideways on their own, such as a table in a scrolling box. */
    @SuppressWarnings("unchecked")
    private List<String> sidewaysScrollingBoxes() {
        return (List<String>) page.evaluate("""
                [...document.querySelectorAll('body *')]
                  .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
                  .map(e => e.tagName + ' ' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)""");
    }

    /** The top of the heading, or of an error summary when one comes first, as GOV.UK puts it. */
    private double contentTop() {
        double top = top(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).first());
        Locator alerts = page.getByRole(AriaRole.MAIN).getByRole(AriaRole.ALERT);
        return alerts.count() > 0 ? Math.min(top, top(alerts.first())) : top;
    }

    private static double top(Locator element) {
        BoundingBox box = element.boundingBox();
        return box == null ? Double.MAX_VALUE : box.y;
    }

    /** What a finger has to hit: buttons, form fields, and the links of the menu and the language switch. */
    private List<String> smallTargets() {
        List<String> small = new ArrayList<>();
        for (AriaRole role : List.of(AriaRole.BUTTON, AriaRole.COMBOBOX, AriaRole.TEXTBOX, AriaRole.SEARCHBOX)) {
            small.addAll(small(page.getByRole(role)));
        }
        small.addAll(small(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK)));
        return small;
    }

    @SuppressWarnings("unchecked")
    private static List<String> small(Locator targets) {
        return (List<String>) targets.evaluateAll("(elements, size) => elements"
                + ".map(e => [e, e.getBoundingClientRect()])"
                + ".filter(([e, box]) => box.width > 0 && (box.height < size - 0.5 || box.width < size - 0.5))"
                + ".map(([e, box]) => e.tagName + ' \"' + (e.textContent || e.name || '').trim() + '\" '"
                + " + Math.round(box.width) + 'x' + Math.round(box.height))", TOUCH_TARGET);
    }

    private Locator link(String key, Object... arguments) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text(key, arguments)).setExact(true));
    }

    private Locator button(String key) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(key)).setExact(true));
    }

    /** A text as the page shows it, from the application's own message bundle, so one tour serves both languages. */
    private String text(String key, Object... arguments) {
        String message = messages.getProperty(key);
        if (message == null) {
            throw new IllegalArgumentException("no message " + key + " in " + lang);
        }
        return arguments.length == 0 ? message : new MessageFormat(message).format(arguments);
    }

    private static Properties messages(String lang) {
        Properties messages = new Properties();
        try (InputStream in = EveryPageE2ETest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
