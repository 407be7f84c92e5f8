package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/** 見本 太郎 files last year's medical expenses: both downloads, the estimate, and the printed statement. */
class EtaxE2ETest extends BrowserTest {

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    @Test
    void taroDownloadsBothFilesEstimatesAndPrintsTheStatement() throws Exception {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("確定申告")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("確定申告（医療費控除）");
        assertAccessible();
        page.getByLabel("対象の年（1月～12月の診療分）").selectOption("2025");
        page.getByRole(AriaRole.BUTTON, name("表示する")).click();
        assertThat(page.getByRole(AriaRole.HEADING, name("2025年分の医療費"))).isVisible();

        Download xml = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, name("医療費通知情報（電子署名付きXML）をダウンロード")).click());
        org.assertj.core.api.Assertions.assertThat(xml.suggestedFilename()).isEqualTo("医療費通知情報_2025年分.xml");
        Path xmlFile = xml.path();
        org.assertj.core.api.Assertions.assertThat(Files.size(xmlFile)).isGreaterThan(3_000);
        org.assertj.core.api.Assertions.assertThat(Files.readString(xmlFile)).contains("<Shimei>見本 太郎</Shimei>", "ds:Signature");

        Download xlsx = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, name("医療費集計フォーム（Excel形式）をダウンロード")).click());
        org.assertj.core.api.Assertions.assertThat(xlsx.suggestedFilename()).isEqualTo("医療費集計フォーム_2025年分.xlsx");
        org.assertj.core.api.Assertions.assertThat(Files.size(xlsx.path())).isGreaterThan(3_000);

        page.getByLabel("総所得金額等（円）").fill("5000000");
        page.getByRole(AriaRole.BUTTON, name("計算する")).click();
        assertThat(page.getByRole(AriaRole.HEADING, name("計算の結果（目安）"))).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.LINK, name("印刷用の明細を開く")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("2025年分 医療費の明細");
        assertThat(page.getByRole(AriaRole.BUTTON, name("印刷する"))).isVisible();
        assertAccessible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.getByRole(AriaRole.NAVIGATION, name("メニュー"))).isHidden();
        assertThat(page.getByText("見本 太郎 様　印刷日：令和8年11月24日（2026年）")).isVisible();
        byte[] pdf = page.pdf();
        org.assertj.core.api.Assertions.assertThat(pdf.length).isGreaterThan(10_000);
    }
}
