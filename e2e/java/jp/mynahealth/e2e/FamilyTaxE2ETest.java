package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;

/** 見本 太郎 adds his daughter さくら to his 2025 return and downloads the family's collection form. */
class FamilyTaxE2ETest extends BrowserTest {

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    @Test
    void taroAddsSakuraAndDownloadsTheFamilysCollectionForm() throws Exception {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.navigate(portal("/etax?year=2025"));
        assertThat(page.getByRole(AriaRole.HEADING, name("家族の医療費を加える"))).isVisible();
        assertThat(page.getByLabel("見本 一郎")).hasCount(0);
        page.getByLabel("見本 さくら").check();
        page.getByRole(AriaRole.BUTTON, name("選んだ家族を加える")).click();

        assertThat(page.getByLabel("見本 さくら")).isChecked();
        assertThat(page.getByRole(AriaRole.TABLE, name("医療を受けた人ごとの医療費"))).containsText("見本 さくら");
        assertThat(page.getByRole(AriaRole.LINK, name("見本 さくら さんの医療費通知情報をダウンロード"))).isVisible();
        assertAccessible();

        Download xlsx = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, name("医療費集計フォーム（Excel形式・家族全員分）をダウンロード")).click());
        org.assertj.core.api.Assertions.assertThat(xlsx.suggestedFilename()).isEqualTo("医療費集計フォーム_2025年分_家族.xlsx");
        List<String> people = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("医療を受けた人");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                people.add(sheet.getRow(i).getCell(1).getStringCellValue());
            }
        }
        org.assertj.core.api.Assertions.assertThat(people).startsWith("見本 太郎").contains("見本 さくら")
                .containsOnly("見本 太郎", "見本 さくら");

        page.getByRole(AriaRole.LINK, name("印刷用の明細（家族全員分）を開く")).click();
        assertThat(page.getByRole(AriaRole.TABLE, name("見本 さくら さんの明細"))).isVisible();
        assertAccessible();
    }
}
