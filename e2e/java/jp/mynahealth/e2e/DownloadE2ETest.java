package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.KioskTerminal;
import jp.mynahealth.e2e.support.RunningSystem;

/** 見本 太郎 downloads his whole record from データのダウンロード; at a kiosk the page says files are not offered there. */
class DownloadE2ETest extends BrowserTest {

    private static Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    private void h1(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    @Test
    void taroDownloadsHisRecordAsAFhirBundle() throws Exception {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("データのダウンロード")).click();
        h1("データのダウンロード");
        assertAccessible();
        Download bundle = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, name("すべての情報をダウンロード（FHIR形式）")).click());
        org.assertj.core.api.Assertions.assertThat(bundle.suggestedFilename()).isEqualTo("マイナ健康記録_すべて_" + RunningSystem.TODAY + ".json");
        JsonNode json = new ObjectMapper().readTree(Files.readString(bundle.path()));
        org.assertj.core.api.Assertions.assertThat(json.path("resourceType").asText()).isEqualTo("Bundle");
        org.assertj.core.api.Assertions.assertThat(json.path("type").asText()).isEqualTo("collection");
        org.assertj.core.api.Assertions.assertThat(json.path("entry").get(0).path("resource").path("resourceType").asText())
                .isEqualTo("Patient");
        Download summary = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, name("患者サマリーをダウンロード（IPS形式）")).click());
        org.assertj.core.api.Assertions.assertThat(new ObjectMapper().readTree(Files.readString(summary.path())).path("type").asText())
                .isEqualTo("document");
    }

    @Test
    void aKioskSessionIsToldPolitelyThatItCannotDownload() {
        KioskTerminal.playKiosk(context);
        KioskTerminal.removeAllCards();
        try {
            KioskTerminal.insertCard("taro");
            page.navigate(portal("/kiosk"));
            page.getByRole(AriaRole.LINK, name("はじめる")).click();
            page.getByRole(AriaRole.LINK, name("署名アプリを開いてカードを読み取る")).click();
            page.getByLabel("見本 太郎").check();
            page.getByLabel("暗証番号（数字4桁）").fill("1234");
            page.getByRole(AriaRole.BUTTON, name("認証する")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("見本 太郎");
            page.getByRole(AriaRole.NAVIGATION, name("メニュー"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("データのダウンロード")).click();
            h1("データのダウンロード");
            assertThat(page.getByRole(AriaRole.HEADING, name("この端末ではダウンロードできません"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, name("すべての情報をダウンロード（FHIR形式）"))).hasCount(0);
            assertAccessible();
            var refused = page.navigate(portal("/download/fhir-bundle.json"));
            org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
            h1("この端末ではダウンロードできません");
            // The refusal page is an error answer without the session's bar (as e-Tax's): finish from a page of the portal.
            page.navigate(portal("/download"));
            page.getByRole(AriaRole.BUTTON, name("終了する")).click();
        } finally {
            KioskTerminal.removeAllCards();
        }
    }
}
