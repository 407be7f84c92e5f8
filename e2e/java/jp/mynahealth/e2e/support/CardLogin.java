package jp.mynahealth.e2e.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The card login as a citizen does it: portal button, idp page, signer page, card, PIN. */
public final class CardLogin {

    private CardLogin() {
    }

    /** From the portal's home page to the signer's PIN page. */
    public static void openSigner(Page page, String portalUrl) {
        page.navigate(portalUrl + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("マイナンバーカードでログイン")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("マイナンバーカードでログイン");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("署名アプリを開いてカードを読み取る")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("マイナンバーカードで本人確認");
    }

    /** On the signer page: choose the card by its label, type the PIN, confirm. */
    public static void usePin(Page page, String cardLabel, String pin) {
        page.getByLabel(cardLabel).check();
        page.getByLabel("暗証番号（数字4桁）").fill(pin);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("認証する")).click();
    }

    /** The whole login, ending on the dashboard. */
    public static void logIn(Page page, String portalUrl, String cardLabel) {
        openSigner(page, portalUrl);
        usePin(page, cardLabel, "1234");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("ようこそ、" + cardLabel + " さん");
    }
}
