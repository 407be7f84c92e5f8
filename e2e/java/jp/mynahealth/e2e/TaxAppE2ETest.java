package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.Role;
import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * 見本 太郎 connects the demo tax software (role taxapp) to Mynaportal and it fetches his 2025 notice.
 *
 * <p>Through the idp's consent page (太郎 acts for his daughter, so it first asks whose data) and the
 * portal's {@code /api/v1/tax-notices/{year}}; the tax software checks the XML signature itself.
 */
class TaxAppE2ETest extends BrowserTest {

    private static Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private void fromTheTaxSoftwareToTheConsentPage() {
        page.navigate("http://localhost:" + RunningSystem.get().port(Role.TAXAPP) + "/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("医療費控除の入力");
        assertThat(page.getByText("国税庁の確定申告書等作成コーナーではありません")).isVisible();
        assertAccessible();
        page.getByLabel("年分").selectOption("2025");
        page.getByRole(AriaRole.BUTTON, name("マイナポータル連携で取得")).click();
        // At the idp: the card login first, then the consent.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("マイナンバーカードでログイン");
        assertThat(page.getByText("「見本の確定申告ソフト（デモ）」（Myna Health Portal デモ）との連携のためのログインです")).isVisible();
        page.getByRole(AriaRole.LINK, name("署名アプリを開いてカードを読み取る")).click();
        CardLogin.usePin(page, "見本 太郎", "1234");
        // 太郎 is さくら's parent: whose notice? His own (一郎's grant has no tax return, so 一郎 is not offered).
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("「見本の確定申告ソフト（デモ）」に、誰の情報を渡しますか");
        assertThat(page.getByRole(AriaRole.RADIO, name("見本 一郎 さん（あなたが代理人です）"))).hasCount(0);
        assertAccessible();
        page.getByRole(AriaRole.RADIO, name("あなた（見本 太郎 さん）")).check();
        page.getByRole(AriaRole.BUTTON, name("次へ")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, name("同意して連携する"))).isVisible();
        assertThat(page.getByRole(AriaRole.RADIO, name("今回の1回だけ"))).isChecked();
        assertAccessible();
    }

    @Test
    void taroConsentsAndTheVerifiedNoticeIsShown() {
        fromTheTaxSoftwareToTheConsentPage();
        assertThat(page.getByRole(AriaRole.CHECKBOX, name("確定申告用の医療費通知情報"))).isChecked();
        page.getByRole(AriaRole.BUTTON, name("同意して連携する")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("医療費通知情報を取得しました（署名を確認しました）");
        assertThat(page.getByRole(AriaRole.HEADING, name("2025年分　医療費控除に入力する金額"))).isVisible();
        assertThat(page.getByText("見本 太郎")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).isVisible();
        assertAccessible();
        // One fetch only: the token is gone, so reloading does not read the data again.
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("取得の手続きが見つかりません");
    }

    @Test
    void taroDeclinesAndIsToldPolitelyWithAWayToRetry() {
        fromTheTaxSoftwareToTheConsentPage();
        page.getByRole(AriaRole.BUTTON, name("連携しない")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("連携が許可されませんでした");
        assertThat(page.getByRole(AriaRole.LINK, name("もう一度取得する"))).isVisible();
        assertAccessible();
    }
}
