package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

class HomePageE2ETest extends BrowserTest {

    @Test
    void theHomePageIsInJapaneseByDefault() {
        page.navigate(portal("/"));
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1)))
                .hasText("マイナ健康ポータル");
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("マイナンバーカードでログイン"))).isVisible();
        assertThat(page.getByRole(AriaRole.MAIN)).isVisible();
        assertAccessible();
    }

    @Test
    void theLanguageSwitchShowsEnglishAndRemembersIt() {
        page.navigate(portal("/"));
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Log in with My Number card"))).isVisible();
        assertAccessible();

        page.navigate(portal("/"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("日本語")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
    }

    /** The site name in the header leads to the front page: for a logged-in citizen, that is their dashboard. */
    @Test
    void aLoggedInCitizenFollowsTheSiteNameToTheirDashboard() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.navigate(portal("/drugs"));
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("マイナ健康ポータル")).click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1)))
                .hasText("ようこそ、見本 太郎 さん");
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("マイナンバーカードでログイン"))).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("ログアウト")).click();
        page.navigate(portal("/"));
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("マイナンバーカードでログイン"))).isVisible();
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichMovesToTheMainContent() {
        page.navigate(portal("/"));
        page.keyboard().press("Tab");
        Locator skip = page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("本文へ移動"));
        assertThat(skip).isFocused();
        assertThat(skip).isInViewport();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*#main-content$"));
        assertThat(page.getByRole(AriaRole.MAIN)).isFocused();
    }

    @Test
    void anUnknownAddressGetsThePolite404PageInTheChosenLanguage() {
        Response response = page.navigate(portal("/no-such-page"));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1)))
                .hasText("ページが見つかりません");
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("トップページへ戻る"))).isVisible();
        assertAccessible();

        response = page.navigate(portal("/no-such-page?lang=en"));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1)))
                .hasText("Page not found");
    }
}
