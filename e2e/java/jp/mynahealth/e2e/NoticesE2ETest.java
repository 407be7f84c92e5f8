package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;
import jp.mynahealth.support.StoreLogins;

/**
 * 見本 さくら (7) finds the notice of her overdue 日本脳炎 booster from the header, opens it, and the
 * header's unread count drops; a forged notice key gets the polite not-found page. As in
 * VaccinationsE2ETest she logs in with her own demo card, as a parent holding it would.
 */
class NoticesE2ETest extends BrowserTest {

    static final UUID SAKURA = UUID.fromString("a7408f4f-2fb2-430b-bfe4-3ce7ee22e335");
    private static final Pattern UNREAD = Pattern.compile("お知らせ（未読 (\\d+)件）");

    /** The store outlives a run: she starts with nothing read. */
    @BeforeEach
    void nothingRead() {
        JdbcClient.create(StoreLogins.owner(RunningSystem.get().common()))
                .sql("delete from portal.notice_read where person_id = :p").param("p", SAKURA).update();
    }

    private Locator header() {
        return page.getByRole(AriaRole.BANNER);
    }

    /** The header's count, from the name of the link that says it; with nothing unread the link says only 「お知らせ」. */
    private int unreadInHeader() {
        page.waitForLoadState();
        Locator counted = header().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(UNREAD));
        if (counted.count() == 0) {
            return 0;
        }
        var matcher = UNREAD.matcher(counted.ariaSnapshot());
        org.assertj.core.api.Assertions.assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** Her mother, acting for her as her legal representative, sees the overdue dose and its notice. */
    @Test
    void sakurasParentSeesHerOverdueDoseAndItsNotice() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 花子");
        page.getByText("代理で見る", new Page.GetByTextOptions().setExact(true)).click();
        header().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("見本 さくら さん").setExact(true)).click();
        assertThat(page.getByText("見本 さくら さんの代理で表示中")).isVisible();
        assertThat(page.getByText("標準的な時期を過ぎた予防接種が1件あります。")).isVisible();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("お知らせ").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("お知らせ");
        assertThat(page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("日本脳炎 1期追加：標準的な時期を過ぎています")))
                .containsText("定期接種（公費）として受けられるのは令和8年12月");
        assertThat(page.getByText("見本 さくら さんの代理で表示中")).isVisible();
        assertAccessible();
    }

    @Test
    void sakuraOpensHerOverdueDosesNoticeAndTheCountDrops() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 さくら");
        Locator inboxLink = header().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(UNREAD));
        assertThat(inboxLink).isVisible();
        int before = unreadInHeader();
        org.assertj.core.api.Assertions.assertThat(before).isPositive();
        assertThat(page.getByText("未読のお知らせが" + before + "件あります。")).isVisible();

        inboxLink.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("お知らせ");
        Locator notice = page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("日本脳炎 1期追加：標準的な時期を過ぎています"));
        assertThat(notice).containsText("【未読】");
        assertThat(notice).containsText("定期接種（公費）として受けられるのは令和8年12月");
        assertAccessible();

        // On paper the notices stay, the buttons go.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(notice).isVisible();
        assertThat(notice.getByRole(AriaRole.BUTTON)).hasCount(0);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("予防接種のページへ")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("予防接種");
        org.assertj.core.api.Assertions.assertThat(unreadInHeader()).isEqualTo(before - 1);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("お知らせ").setExact(true)).click();
        Locator read = page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("日本脳炎 1期追加：標準的な時期を過ぎています"));
        assertThat(read).containsText("【既読】");
        assertThat(read.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("既読にする"))).hasCount(0);
        assertAccessible();

        page.navigate(portal("/notices?lang=en"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Notices");
        assertThat(page.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText("Japanese encephalitis")))
                .containsText("[Read]");
        assertAccessible();
    }

    @Test
    void aForgedNoticeKeyGetsThePoliteNotFoundPage() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 さくら");
        page.navigate(portal("/notices"));
        // The form as a forger would change it: a key that is none of her notices (another person's, or made up).
        page.locator("input[name=key]").first().evaluate("input => input.value = 'card-certificate:2020-01-01:renew'");
        page.locator("form[action='/notices/read']").first().getByRole(AriaRole.BUTTON).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("ページが見つかりません");
        assertAccessible();
        page.navigate(portal("/notices"));
        assertThat(page.getByText("【既読】")).hasCount(0);
    }
}
