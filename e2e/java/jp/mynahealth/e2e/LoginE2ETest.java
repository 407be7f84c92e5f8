package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/** The card login in Chromium: portal → idp → signer page → PIN → back to the portal, and its unhappy paths. */
class LoginE2ETest extends BrowserTest {

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    @Test
    void taroLogsInWithHisCardSeesHisNameAndLogsOut() {
        CardLogin.openSigner(page, RunningSystem.portalUrl());
        assertAccessible();
        assertThat(page.getByText("http://127.0.0.1:", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        CardLogin.usePin(page, "見本 太郎", "1234");
        assertThat(page).hasURL(Pattern.compile("^http://localhost:\\d+/dashboard$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("ようこそ、見本 太郎 さん");
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, name("ログアウト")).click();
        assertThat(page).hasURL(Pattern.compile("^http://localhost:\\d+/$"));
        assertThat(page.getByRole(AriaRole.LINK, name("マイナンバーカードでログイン"))).isVisible();
        // Both sessions ended: the dashboard asks for the card again.
        page.navigate(portal("/dashboard"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("マイナンバーカードでログイン");
    }

    @Test
    void aWrongPinTellsTheTriesLeftAndTheRightPinThenLogsIn() {
        CardLogin.openSigner(page, RunningSystem.portalUrl());
        CardLogin.usePin(page, "見本 花子", "9999");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("暗証番号が違います。あと2回間違えるとロックされます。");
        assertAccessible();
        CardLogin.usePin(page, "見本 花子", "1234");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("ようこそ、見本 花子 さん");
    }

    @Test
    void aRevokedCardIsRefusedWithItsOwnMessage() {
        CardLogin.openSigner(page, RunningSystem.portalUrl());
        Response[] answer = new Response[1];
        page.onResponse(response -> {
            if (response.url().contains("/login/card/complete")) {
                answer[0] = response;
            }
        });
        CardLogin.usePin(page, "失効済みカード（見本）", "1234");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("この電子証明書は失効しています");
        org.assertj.core.api.Assertions.assertThat(answer[0].status()).isEqualTo(403);
        assertAccessible();
    }

    @Test
    void anExpiredCardIsRefusedAsExpired() {
        CardLogin.openSigner(page, RunningSystem.portalUrl());
        CardLogin.usePin(page, "期限切れカード（見本）", "1234");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("電子証明書の有効期限が切れています");
    }

    @Test
    void anUnlinkedCardIsRefusedAsNotRegistered() {
        CardLogin.openSigner(page, RunningSystem.portalUrl());
        CardLogin.usePin(page, "未登録カード（見本）", "1234");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("このカードはまだ登録されていません");
    }

    @Test
    void cancelOnTheSignerPageLeadsToAFriendlyPage() {
        CardLogin.openSigner(page, RunningSystem.portalUrl());
        page.getByRole(AriaRole.BUTTON, name("キャンセル")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("ログインを中止しました");
        assertAccessible();
        page.getByRole(AriaRole.LINK, name("ポータルに戻ってもう一度ログインする")).click();
        assertThat(page.getByRole(AriaRole.LINK, name("マイナンバーカードでログイン"))).isVisible();
    }

    @Test
    void theLoginWorksInEnglishToo() {
        page.navigate(portal("/?lang=en"));
        page.getByRole(AriaRole.LINK, name("Log in with My Number card")).click();
        page.getByRole(AriaRole.LINK, name("Open the signer and read the card")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Confirm it is you with your My Number card");
        assertAccessible();
        page.getByLabel("見本 一郎").check();
        page.getByLabel("PIN (4 digits)").fill("1234");
        page.getByRole(AriaRole.BUTTON, name("Confirm")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Welcome, 見本 一郎");
    }
}
