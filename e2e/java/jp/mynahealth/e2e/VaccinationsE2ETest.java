package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * 見本 さくら (7) finds her overdue 日本脳炎 booster from the dashboard, in Japanese and English, and
 * on paper. Until proxies exist (issue 16) a parent cannot act for her, so the test logs in with her
 * own demo card ({@code sakura}), as a parent holding the child's card and PIN would.
 */
class VaccinationsE2ETest extends BrowserTest {

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private void h1(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    @Test
    void sakuraSeesHerOverdueDoseAndTheScheduleAhead() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 さくら");
        assertThat(page.getByText("標準的な時期を過ぎた予防接種が1件あります。")).isVisible();
        page.getByRole(AriaRole.LINK, name("予防接種の記録を見る")).click();
        h1("予防接種");

        assertThat(page.getByRole(AriaRole.HEADING, name("標準的な時期を過ぎた予防接種があります"))).isVisible();
        assertThat(page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("日本脳炎 1期追加")))
                .containsText("定期接種として受けられるのは令和8年12月");
        Locator schedule = page.getByRole(AriaRole.TABLE, name("これから受ける定期接種"));
        assertThat(schedule.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("標準的な時期を過ぎています")))
                .hasCount(1);
        assertThat(schedule.getByRole(AriaRole.ROW).nth(1)).containsText("日本脳炎");
        Locator given = page.getByRole(AriaRole.TABLE, name("記録されている予防接種"));
        assertThat(given.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("BCG（結核）")))
                .containsText("千代田区保健センター");
        assertAccessible();

        // On paper: the menu and the language switch go, the overdue notice and both tables stay.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.getByRole(AriaRole.NAVIGATION, name("メニュー"))).isHidden();
        assertThat(page.getByRole(AriaRole.HEADING, name("標準的な時期を過ぎた予防接種があります"))).isVisible();
        assertThat(given).isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("マイページ")).click();
        page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("予防接種")).click();
        h1("予防接種");

        page.navigate(portal("/vaccinations?lang=en"));
        h1("Vaccinations");
        assertThat(page.getByRole(AriaRole.HEADING, name("Some vaccinations are past the usual age"))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, name("Routine vaccinations still to receive"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Past the usual age"))).hasCount(1);
        assertAccessible();
    }

    @Test
    void anAdultWithoutRecordsIsToldWhatTheListWouldHold() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("予防接種")).click();
        h1("予防接種");
        assertThat(page.getByText("予防接種の記録はありません。", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).hasCount(0);
        assertThat(page.getByRole(AriaRole.HEADING, name("定期接種の予定"))).hasCount(0);
        assertAccessible();
    }
}
