package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.KioskTerminal;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * One browser context plays a municipal kiosk: citizens log in one after another with their cards,
 * and whatever ends a session (Finish, the idle countdown, taking the card out) leaves nothing of
 * one person for the next. Touch in one flow, keyboard alone in another.
 */
class KioskE2ETest extends BrowserTest {

    private static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");
    private static final String START = "カードを置いてください";

    @Override
    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setLocale("ja-JP").setHasTouch(true).setViewportSize(1280, 1024);
    }

    @BeforeEach
    void becomeAKiosk() {
        KioskTerminal.playKiosk(context);
        KioskTerminal.removeAllCards();
    }

    @AfterEach
    void emptyTheReader() {
        KioskTerminal.removeAllCards();
    }

    private static Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private void h1(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    /** At the start screen, with a card on the reader, by touch: start, the idp, the kiosk's signer, the PIN. */
    private void logInByTouch(String card, String name) {
        KioskTerminal.insertCard(card);
        page.navigate(portal("/kiosk"));
        h1(START);
        page.getByRole(AriaRole.LINK, name("はじめる")).tap();
        page.getByRole(AriaRole.LINK, name("署名アプリを開いてカードを読み取る")).tap();
        h1("マイナンバーカードで本人確認");
        page.getByLabel(name).check();
        page.getByLabel("暗証番号（数字4桁）").fill("1234");
        page.getByRole(AriaRole.BUTTON, name("認証する")).tap();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("ようこそ、" + name + " さん");
    }

    private void assertNothingOf(String... texts) {
        for (String text : texts) {
            assertThat(page.locator("body")).not().containsText(text);
        }
    }

    @Test
    void taroFinishesAndHanakoAfterHimSeesOnlyHerOwnData() {
        page.navigate(portal("/kiosk"));
        h1(START);
        assertAccessible();
        page.getByRole(AriaRole.LINK, name("やさしい にほんご")).tap();
        h1("カード を おいて ください");
        assertAccessible();
        page.getByRole(AriaRole.LINK, name("English")).tap();
        h1("Please place your card");
        assertAccessible();
        page.getByRole(AriaRole.LINK, name("日本語")).tap();
        h1(START);

        logInByTouch("taro", "見本 太郎");
        assertThat(page.getByRole(AriaRole.BUTTON, name("終了する"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, name("ログアウト"))).hasCount(0);
        assertAccessible();
        assertTouchTargetsAreLarge();
        page.getByRole(AriaRole.NAVIGATION, name("メニュー")).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("お薬")).tap();
        h1("お薬の情報（薬剤情報）");
        assertThat(page.getByText("アムロジピン錠5mg「サワイ」").first()).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, name("印刷する"))).isVisible();
        assertAccessible();
        assertTouchTargetsAreLarge();

        // No downloads on a kiosk: the links are not offered and the addresses refuse.
        page.getByRole(AriaRole.NAVIGATION, name("メニュー")).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("確定申告")).tap();
        assertThat(page.getByRole(AriaRole.LINK, name("医療費通知情報（電子署名付きXML）"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, name("印刷用の明細"))).isVisible();
        assertAccessible();
        var refused = page.navigate(portal("/etax/2025/iryohi.xml"));
        assertThat(refused.status()).isEqualTo(403);
        h1("この端末ではファイルを受け取れません");
        page.navigate(portal("/drugs"));

        page.getByRole(AriaRole.BUTTON, name("終了する")).tap();
        h1(START);
        assertNothingOf("見本 太郎", "アムロジピン");
        assertThat(context.cookies().stream().filter(cookie -> cookie.name.equals("MYNA_PORTAL_SESSION"))).isEmpty();

        page.goBack();
        h1(START);
        assertNothingOf("見本 太郎", "アムロジピン");
        page.goBack();
        h1(START);
        assertNothingOf("見本 太郎", "アムロジピン");
        for (String address : List.of("/drugs", "/dashboard", "/insurance", "/etax/2025/statement")) {
            page.navigate(portal(address));
            h1(START);
            assertNothingOf("見本 太郎", "アムロジピン");
        }

        KioskTerminal.removeAllCards();
        logInByTouch("hanako", "見本 花子");
        page.navigate(portal("/drugs"));
        h1("お薬の情報（薬剤情報）");
        assertNothingOf("見本 太郎", "アムロジピン");

        // Every view of the kiosk session names the terminal in the access log.
        JdbcClient jdbc = RunningSystem.get().common().getBean(JdbcClient.class);
        List<String> terminals = jdbc.sql("""
                select distinct coalesce(terminal_id, '(none)') from portal.access_log
                where person_id = :taro and channel = 'kiosk'
                """).param("taro", TARO).query(String.class).list();
        assertThat(terminals).containsExactly(KioskTerminal.TERMINAL_ID);
        page.getByRole(AriaRole.BUTTON, name("終了する")).tap();
        h1(START);
    }

    /** A parent acts for her child at the kiosk with her own card; finishing ends both. */
    @Test
    void aParentActsForHerChildAndFinishingLeavesNothingOfEither() {
        logInByTouch("hanako", "見本 花子");
        page.getByRole(AriaRole.LINK, name("代理で見る")).tap();
        h1("家族・代理人");
        page.getByRole(AriaRole.BUTTON, name("見本 さくら さんの代理で見る")).tap();
        assertThat(page.getByText("見本 さくら さんの代理で表示中")).isVisible();
        h1("見本 さくら さんの情報");
        page.getByRole(AriaRole.NAVIGATION, name("メニュー")).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("予防接種")).tap();
        h1("予防接種");
        assertThat(page.getByText("見本 さくら さんの代理で表示中")).isVisible();
        assertAccessible();
        assertTouchTargetsAreLarge();

        page.getByRole(AriaRole.BUTTON, name("終了する")).tap();
        h1(START);
        assertNothingOf("見本 花子", "見本 さくら", "日本脳炎");
        page.navigate(portal("/vaccinations"));
        h1(START);
        assertNothingOf("見本 さくら", "日本脳炎");
    }

    @Test
    void afterTheIdleCountdownTheSessionEndsByKeyboardAlone() {
        page.clock().install();
        logInByTouch("taro", "見本 太郎");
        page.navigate(portal("/checkups"));
        h1("健診の結果（特定健診等情報）");

        page.clock().fastForward("01:31");
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("まだご利用中ですか？"));
        assertThat(dialog).isVisible();
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("続ける"))).isFocused();
        assertAccessible();
        page.keyboard().press("Enter");
        assertThat(dialog).isHidden();
        h1("健診の結果（特定健診等情報）");

        page.keyboard().press("Tab");
        page.clock().fastForward("01:31");
        assertThat(dialog).isVisible();
        page.clock().runFor("00:31");
        h1(START);
        assertNothingOf("見本 太郎");
        page.goBack();
        h1(START);
        page.navigate(portal("/checkups"));
        h1(START);

        // Finishing by keyboard alone: the button is in reach of Tab and Enter presses it.
        KioskTerminal.insertCard("taro");
        page.getByRole(AriaRole.LINK, name("はじめる")).focus();
        page.keyboard().press("Enter");
        page.getByRole(AriaRole.LINK, name("署名アプリを開いてカードを読み取る")).focus();
        page.keyboard().press("Enter");
        page.getByLabel("見本 太郎").focus();
        page.keyboard().press("Space");
        page.getByLabel("暗証番号（数字4桁）").focus();
        page.keyboard().type("1234");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("ようこそ、見本 太郎 さん");
        page.getByRole(AriaRole.BUTTON, name("終了する")).focus();
        page.keyboard().press("Enter");
        h1(START);
    }

    @Test
    void takingTheCardOutEndsTheSession() {
        logInByTouch("taro", "見本 太郎");
        page.navigate(portal("/drugs"));
        h1("お薬の情報（薬剤情報）");
        KioskTerminal.removeAllCards();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(START, new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertNothingOf("見本 太郎", "アムロジピン");
        page.navigate(portal("/drugs"));
        h1(START);
    }

    @Test
    void aCitizensOwnBrowserIsNeverAKiosk() {
        // The same start screen in a browser whose signer is an ordinary one: a web session.
        context.unrouteAll();
        page.navigate(portal("/kiosk"));
        page.getByRole(AriaRole.LINK, name("はじめる")).tap();
        page.getByRole(AriaRole.LINK, name("署名アプリを開いてカードを読み取る")).tap();
        CardLogin.usePin(page, "見本 太郎", "1234");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("ようこそ、見本 太郎 さん");
        assertThat(page.getByRole(AriaRole.BUTTON, name("ログアウト"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, name("終了する"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
    }

    /** Every link and button the citizen can touch is at least 44 × 44 CSS pixels. */
    private void assertTouchTargetsAreLarge() {
        Locator targets = page.locator("main a:visible, main button:visible, header a:visible, header button:visible, nav a:visible");
        int count = targets.count();
        assertThat(count).isPositive();
        for (int i = 0; i < count; i++) {
            BoundingBox box = targets.nth(i).boundingBox();
            String what = targets.nth(i).innerText();
            assertThat(box.height).as("height of %s", what).isGreaterThanOrEqualTo(44);
            assertThat(box.width).as("width of %s", what).isGreaterThanOrEqualTo(44);
        }
    }
}
