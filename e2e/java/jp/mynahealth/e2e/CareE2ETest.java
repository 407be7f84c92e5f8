package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * 見本 太郎 opens 診療情報 from the menu and finds the repeat consultations at his clinic, asks for a
 * month whose claims have not come yet and is told why it is empty, shows older months, prints; and
 * a bad month typed into the address gets a polite 400 page in Japanese.
 */
class CareE2ETest extends BrowserTest {

    /** The demo's claims are complete through the month before the test day's. */
    private static final YearMonth CURRENT = YearMonth.from(LocalDate.parse(RunningSystem.TODAY));

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private void h1(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    private void openFromTheMenu() {
        page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("診療情報").setExact(true)).click();
        h1("診療情報");
    }

    @Test
    void taroSeesHisConsultationsAtTheClinicAndAnExplainedEmptyMonth() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        openFromTheMenu();
        assertThat(page.getByText("レセプト（診療報酬明細書）の情報：", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.getByText("病名（傷病名）は、マイナポータルと同じく表示しません。")).isVisible();

        // His clinic's group of the newest month: its header names the clinic, a line the 再診料 under 初診・再診.
        Locator table = page.getByRole(AriaRole.TABLE, name("受けた診療（新しい月から、月・医療機関ごと）"));
        Locator clinic = table.getByRole(AriaRole.ROWGROUP).filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.ROWHEADER).filter(new Locator.FilterOptions().setHasText("内科クリニック"))))
                .first();
        assertThat(clinic.getByRole(AriaRole.ROWHEADER)).containsText("外来");
        Locator revisit = clinic.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("再診料"));
        assertThat(revisit.first()).containsText("初診・再診");
        assertThat(revisit.first()).containsText("回");
        assertThat(clinic.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("外来管理加算"))).not().hasCount(0);
        assertAccessible();

        // Older months come in place (htmx), the groups already shown stay.
        int before = table.getByRole(AriaRole.ROWGROUP).count();
        page.getByRole(AriaRole.LINK, name("さらに表示する")).click();
        assertThat(table.getByRole(AriaRole.ROWGROUP)).not().hasCount(before);

        // On paper: the menu, the filters and the "more" link go; the table stays.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.getByRole(AriaRole.NAVIGATION, name("メニュー"))).isHidden();
        assertThat(page.getByRole(AriaRole.GROUP, name("絞り込み"))).isHidden();
        assertThat(table).isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // This month's claims are not in yet: no care to show, and the page says why.
        page.getByLabel("いつから（年月）").fill(CURRENT.toString());
        page.getByLabel("いつまで（年月）").fill(CURRENT.toString());
        page.getByRole(AriaRole.BUTTON, name("この条件で表示する")).click();
        assertThat(page.getByText("の診療分のレセプト（診療報酬明細書）は、まだ届いていません。", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).hasCount(0);
        assertAccessible();
    }

    @Test
    void aBadMonthInTheAddressGetsAPolite400InJapanese() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        Response response = page.navigate(portal("/care?from=2026-13&to=" + CURRENT.minusMonths(1)));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ja");
        h1("診療情報");
        Locator summary = page.getByRole(AriaRole.ALERT);
        assertThat(summary.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("入力内容を確認してください"))).isVisible();
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("「いつから」の年月が正しくありません。例：2025-04")).click();
        assertThat(page.getByLabel("いつから（年月）")).isFocused();
        assertThat(page.getByText("Exception", new Page.GetByTextOptions().setExact(false))).hasCount(0);
        assertAccessible();
    }
}
