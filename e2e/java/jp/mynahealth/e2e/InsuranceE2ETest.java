package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * 見本 花子 registers her card as a health insurance card, cancels, sees the 資格確認書 notice and
 * registers again — with the keyboard only, axe-core clean on every page of the flow.
 */
class InsuranceE2ETest extends BrowserTest {

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private void h1(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    /** Moves the keyboard focus to the element and presses Enter or Space, as a keyboard user does. */
    private void press(com.microsoft.playwright.Locator target, String key) {
        for (int i = 0; i < 80 && !(Boolean) target.evaluate("element => element === document.activeElement"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(target).isFocused();
        page.keyboard().press(key);
    }

    @Test
    void hanakoRegistersCancelsAndRegistersAgainWithTheKeyboardOnly() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 花子");
        assertAccessible();

        press(page.getByRole(AriaRole.LINK, name("健康保険証利用の申込みをする")), "Enter");
        h1("健康保険証利用の申込み");
        assertAccessible();

        // Without the consent box ticked: the error summary at the top links to the box.
        press(page.getByRole(AriaRole.BUTTON, name("申し込む")), "Enter");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("入力内容を確認してください");
        assertAccessible();
        press(page.getByRole(AriaRole.LINK, name("申し込むには、同意のチェックボックスにチェックを入れてください")), "Enter");
        assertThat(page).hasURL(Pattern.compile(".*#consent$"));

        press(page.getByLabel("上の内容を読み、マイナンバーカードを健康保険証として利用することに同意します"), " ");
        press(page.getByRole(AriaRole.BUTTON, name("申し込む")), "Enter");
        assertThat(page.getByText("健康保険証としての利用登録が完了しました。")).isVisible();
        assertThat(page.getByText("令和8年11月24日（2026年）に登録しました。")).isVisible();
        assertAccessible();

        press(page.getByRole(AriaRole.LINK, name("利用登録の解除へ進む")), "Enter");
        h1("利用登録の解除");
        assertAccessible();
        press(page.getByRole(AriaRole.BUTTON, name("利用登録を解除する")), "Enter");
        h1("利用登録を解除しました");
        assertThat(page.getByText("ご加入の健康保険に資格確認書の交付を依頼しました。", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertAccessible();

        press(page.getByRole(AriaRole.LINK, name("もう一度登録する")), "Enter");
        h1("健康保険証利用の申込み");
        press(page.getByLabel("上の内容を読み、マイナンバーカードを健康保険証として利用することに同意します"), " ");
        press(page.getByRole(AriaRole.BUTTON, name("申し込む")), "Enter");
        assertThat(page.getByText("健康保険証としての利用登録が完了しました。")).isVisible();
    }

    @Test
    void taroSeesHisQualificationMaskedUntilHeAsksToShowIt() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("メニュー"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("資格情報")).click();
        h1("資格情報");
        assertThat(page.getByText("見本電機健康保険組合")).isVisible();
        assertThat(page.locator("body")).not().containsText("4567");
        assertAccessible();
        page.getByRole(AriaRole.LINK, name("記号・番号・枝番を表示する")).click();
        assertThat(page.getByText("番号 4567", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertAccessible();

        page.navigate(portal("/insurance?lang=en"));
        h1("Insurance qualification");
        assertAccessible();
    }
}
