package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/** 見本 太郎 filters his drugs, opens a checkup, views a trend chart and switches cost years, in ja and en. */
class RecordsE2ETest extends BrowserTest {

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private void h1(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    @Test
    void taroWalksThroughHisRecords() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.getByRole(AriaRole.LINK, name("お薬の情報を見る")).click();
        h1("お薬の情報（薬剤情報）");
        assertThat(page.getByText("アムロジピン錠5mg「サワイ」").first()).isVisible();
        assertAccessible();

        // htmx swaps the results in place; the address keeps the filter so Back and reload work.
        page.getByLabel("お薬の名前").fill("ろすばすたちん");
        page.getByRole(AriaRole.BUTTON, name("この条件で表示する")).click();
        assertThat(page.getByText("アムロジピン錠5mg「サワイ」")).hasCount(0);
        assertThat(page.getByText("ロスバスタチン錠2.5mg「DSEP」").first()).isVisible();
        assertAccessible();

        page.getByLabel("お薬の名前").fill("");
        page.getByRole(AriaRole.BUTTON, name("この条件で表示する")).click();
        int before = page.getByRole(AriaRole.ROWGROUP).count();
        page.getByRole(AriaRole.LINK, name("さらに表示する")).click();
        assertThat(page.getByRole(AriaRole.ROWGROUP)).not().hasCount(before);

        page.getByRole(AriaRole.NAVIGATION, name("メニュー")).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("健診")).click();
        h1("健診の結果（特定健診等情報）");
        assertAccessible();
        page.getByRole(AriaRole.TABLE).getByRole(AriaRole.LINK).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, name("血圧"))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, name("BMIの経年変化")).click();
        h1("BMIの経年変化");
        assertThat(page.getByRole(AriaRole.IMG, name("BMIの経年変化のグラフ"))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.NAVIGATION, name("メニュー")).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("医療費")).click();
        h1("医療費のお知らせ（医療費通知情報）");
        assertAccessible();
        page.getByLabel("表示する年").selectOption("2025");
        page.getByRole(AriaRole.BUTTON, name("表示する")).click();
        assertThat(page.getByRole(AriaRole.HEADING, name("2025年の医療費"))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, name("月ごとの明細"))).isVisible();
        assertAccessible();

        page.navigate(portal("/drugs?lang=en"));
        h1("Your medicines (dispensed drugs)");
        assertAccessible();
        page.navigate(portal("/checkups/trend/9N011000000000001"));
        h1("BMI over the years");
        assertAccessible();
        page.navigate(portal("/costs?year=2025"));
        assertThat(page.getByRole(AriaRole.HEADING, name("Medical costs in 2025"))).isVisible();
        assertAccessible();
    }

    /**
     * The demo's e-prescription of the reference day (today) heads 見本 太郎's drug list: its row group
     * says where it comes from, the brand drugs say what a generic could save, and the page says how
     * fresh each source is.
     */
    @Test
    void taroSeesTodaysEPrescriptionOnTopOfHisDrugList() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.getByRole(AriaRole.LINK, name("お薬の情報を見る")).click();
        h1("お薬の情報（薬剤情報）");
        assertThat(page.getByText("電子処方箋の情報：")).isVisible();
        assertThat(page.getByText("レセプト（調剤報酬明細書）の情報：")).isVisible();

        var table = page.getByRole(AriaRole.TABLE, name("調剤されたお薬（新しい順、調剤日・薬局・情報のもとごと）"));
        // The first row group is the head of the table; the second, the newest dispensing.
        var newest = table.getByRole(AriaRole.ROWGROUP).nth(1);
        var head = newest.getByRole(AriaRole.ROW).first();
        assertThat(head).containsText("電子処方箋（当日反映）");
        assertThat(head).containsText("見本耳鼻咽喉科");
        assertThat(newest.getByRole(AriaRole.CELL, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("クラリス錠200")
                .setExact(false))).containsText("切り替えについては薬剤師にご相談ください");
        assertThat(newest.getByText("ムコダイン錠500mg")).isVisible();
        assertThat(table.getByRole(AriaRole.ROWGROUP).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("レセプト（約1か月遅れ）")).first()).isVisible();
        assertAccessible();

        page.navigate(portal("/drugs?lang=en"));
        var english = page.getByRole(AriaRole.TABLE, name("Dispensed medicines (newest first, by day, pharmacy and source)"));
        assertThat(english.getByRole(AriaRole.ROWGROUP).nth(1).getByRole(AriaRole.ROW).first()).containsText("E-prescription (same day)");
        assertThat(page.getByText("E-prescriptions: as of")).isVisible();
        assertAccessible();
    }

    @Test
    void anotherPersonsCheckupAddressShowsThe404Page() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 花子");
        page.navigate(portal("/checkups"));
        String own = page.getByRole(AriaRole.TABLE).getByRole(AriaRole.LINK).first().getAttribute("href");
        page.getByRole(AriaRole.BUTTON, name("ログアウト")).click();
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        var response = page.navigate(portal(own));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        h1("ページが見つかりません");
    }
}
