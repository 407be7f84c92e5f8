package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * Acting for family, as people do it, each with their own card in their own browser: 見本 一郎 asks
 * his son 太郎 to be his proxy for drugs and costs; 太郎 enters the code, acts for him, sees his
 * drugs, cannot open his checkups; 一郎 ends it; 太郎's next click is back on his own page.
 */
class ProxiesE2ETest extends BrowserTest {

    private static Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private static void h1(Page page, String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    private static Locator menuLink(Page page, String text) {
        return page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text).setExact(true));
    }

    @Test
    void taroActsForIchiroWithinTheGrantUntilIchiroEndsIt() {
        BrowserContext ichirosBrowser = anotherBrowser();
        Page ichiro = ichirosBrowser.newPage();
        CardLogin.logIn(ichiro, RunningSystem.portalUrl(), "見本 一郎");
        menuLink(ichiro, "家族・代理人").click();
        h1(ichiro, "家族・代理人");
        ichiro.getByLabel("お薬").check();
        ichiro.getByLabel("医療費", new Page.GetByLabelOptions().setExact(true)).check();
        ichiro.getByLabel("1年").check();
        ichiro.getByRole(AriaRole.BUTTON, name("招待コードを作る")).click();
        h1(ichiro, "招待コード");
        String code = ichiro.locator(".invitation-code strong").textContent();
        assertAccessible(ichiro);

        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        menuLink(page, "家族・代理人").click();
        page.getByLabel("招待コード（12文字）").fill(code);
        page.getByRole(AriaRole.BUTTON, name("内容を確認する")).click();
        h1(page, "代理人になる");
        assertThat(page.getByText("見本 一郎 さんが、あなたを代理人にしようとしています。")).isVisible();
        page.getByRole(AriaRole.BUTTON, name("代理人になる")).click();
        assertThat(page.getByText("代理人になりました。", new Page.GetByTextOptions().setExact(false))).isVisible();

        // The switcher in the header.
        page.getByText("代理で見る", new Page.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.BANNER).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("見本 一郎 さん")
                .setExact(true)).click();
        assertThat(page.getByText("見本 一郎 さんの代理で表示中")).isVisible();
        h1(page, "見本 一郎 さんの情報");
        assertThat(menuLink(page, "健診")).hasCount(0);
        assertAccessible();
        menuLink(page, "お薬").click();
        h1(page, "お薬の情報（薬剤情報）");
        assertThat(page.getByText("見本 一郎 さんの代理で表示中")).isVisible();
        assertAccessible();

        // His checkups are not in the grant: by address too, the polite not-found page.
        page.navigate(portal("/checkups"));
        h1(page, "ページが見つかりません");
        page.navigate(portal("/drugs"));

        // 一郎 ends it, and sees what 太郎 looked at in his history.
        menuLink(ichiro, "家族・代理人").click();
        ichiro.getByRole(AriaRole.BUTTON, name("見本 太郎 さんの代理を終了する")).click();
        assertThat(ichiro.getByText("代理を終了しました。", new Page.GetByTextOptions().setExact(false))).isVisible();
        menuLink(ichiro, "やりとり履歴").click();
        assertThat(ichiro.getByText("代理人 見本 太郎 さんが").first()).isVisible();
        ichirosBrowser.close();

        // 太郎's next click: back on his own page, told why, and 一郎 is no longer offered.
        menuLink(page, "医療費").click();
        h1(page, "ようこそ、見本 太郎 さん");
        assertThat(page.getByText("ご自身の情報に戻りました", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.getByText("見本 一郎 さんの代理で表示中")).hasCount(0);
        assertAccessible();
    }

    /** Registering as a child's legal representative: the parent's card, then the child's, in one login. */
    @Test
    void hanakoRegistersForSakuraWithBothCards() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 花子");
        menuLink(page, "家族・代理人").click();
        page.getByRole(AriaRole.LINK, name("お子さまの法定代理人として登録する")).click();
        h1(page, "お子さまの法定代理人の登録");
        assertAccessible();
        page.getByRole(AriaRole.LINK, name("登録を始める")).click();
        h1(page, "マイナンバーカードでログイン");
        assertThat(page.getByRole(AriaRole.HEADING, name("お子さまの法定代理人の登録"))).isVisible();
        page.getByRole(AriaRole.LINK, name("署名アプリを開いてカードを読み取る")).click();
        assertThat(page.getByRole(AriaRole.HEADING, name("1枚目：あなた（保護者）のカード"))).isVisible();
        CardLogin.usePin(page, "見本 花子", "1234");
        assertThat(page.getByRole(AriaRole.HEADING, name("2枚目：お子さまのカード"))).isVisible();
        // The same card again is refused, and said why.
        CardLogin.usePin(page, "見本 花子", "1234");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("1枚目と同じカードです");
        assertAccessible();
        CardLogin.usePin(page, "見本 さくら", "1234");

        h1(page, "家族・代理人");
        assertThat(page.getByText("お子さまの法定代理人として登録しました。", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        Locator sakura = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("見本 さくら さん"));
        assertThat(sakura.first()).containsText("法定代理人（お子さまの親権者）");
        page.getByRole(AriaRole.BUTTON, name("見本 さくら さんの代理で見る")).click();
        assertThat(page.getByText("見本 さくら さんの代理で表示中")).isVisible();
    }

    @Test
    void anAdultsCardMakesNoLegalLink() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 花子");
        page.navigate(portal("/proxies/legal"));
        page.getByRole(AriaRole.LINK, name("登録を始める")).click();
        page.getByRole(AriaRole.LINK, name("署名アプリを開いてカードを読み取る")).click();
        CardLogin.usePin(page, "見本 花子", "1234");
        CardLogin.usePin(page, "見本 太郎", "1234");
        h1(page, "家族・代理人");
        assertThat(page.getByText("2枚目のカードは18歳以上の方のものでした。", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
    }

    @Test
    void aWrongCodeIsRefusedPolitelyInEnglish() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 花子");
        page.navigate(portal("/proxies?lang=en"));
        h1(page, "Family and proxies");
        page.getByLabel("Invitation code (12 characters)").fill("WRONG-C0DE-1");
        page.getByRole(AriaRole.BUTTON, name("Check the invitation")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The code is wrong or can no longer be used");
        assertAccessible();
    }
}
