package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.Role;
import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * 見本 一郎 connects the demo tax software for 30 days, finds it on 連携中のアプリ with what it read
 * and when, disconnects it, and his history names the app.
 */
class ConnectedAppsE2ETest extends BrowserTest {

    private static Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private void h1(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    private Locator menuLink(String text) {
        return page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text).setExact(true));
    }

    @Test
    void ichiroConnectsForThirtyDaysSeesItAndDisconnects() {
        page.navigate("http://localhost:" + RunningSystem.get().port(Role.TAXAPP) + "/");
        page.getByLabel("年分").selectOption("2025");
        page.getByRole(AriaRole.BUTTON, name("マイナポータル連携で取得")).click();
        page.getByRole(AriaRole.LINK, name("署名アプリを開いてカードを読み取る")).click();
        CardLogin.usePin(page, "見本 一郎", "1234");
        // 一郎 acts for nobody: straight to the consent, which says who runs the app and what it reads.
        h1("「見本の確定申告ソフト（デモ）」にあなたの情報を渡しますか");
        assertThat(page.getByText("Myna Health Portal デモ")).isVisible();
        assertThat(page.getByRole(AriaRole.CHECKBOX, name("確定申告用の医療費通知情報"))).isChecked();
        page.getByRole(AriaRole.RADIO, name("30日間")).check();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, name("同意して連携する")).click();
        h1("医療費通知情報を取得しました（署名を確認しました）");

        // The portal, in the same browser: the idp knows him, so no card is needed again.
        page.navigate(portal("/"));
        page.getByRole(AriaRole.LINK, name("マイナンバーカードでログイン")).click();
        menuLink("連携中のアプリ").click();
        h1("連携中のアプリ");
        Locator app = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("見本の確定申告ソフト（デモ）"));
        assertThat(app).containsText("確定申告用の医療費通知情報");
        assertThat(app).not().containsText("まだ読んでいません");
        assertAccessible();
        app.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("「見本の確定申告ソフト（デモ）」との連携を解除する")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("連携を解除しました"))).isVisible();
        assertThat(page.getByText("連携中のアプリはありません。")).isVisible();

        menuLink("やりとり履歴").click();
        assertThat(page.getByText("アプリが確定申告用の医療費通知情報を読みました").first()).isVisible();
        assertThat(page.getByText("連携中のアプリ「見本の確定申告ソフト（デモ）」").first()).isVisible();
        assertThat(page.getByText("アプリとの連携を解除しました").first()).isVisible();
    }
}
