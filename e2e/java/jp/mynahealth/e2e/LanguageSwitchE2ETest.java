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
 * The language switch changes the language and nothing else: a list keeps the filters chosen with
 * htmx, the signer keeps the login it was asked for, also after a wrong PIN.
 */
class LanguageSwitchE2ETest extends BrowserTest {

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text).setExact(true);
    }

    private void h1(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
    }

    @Test
    void filteredListsKeepTheirFiltersInTheOtherLanguage() {
        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.navigate(portal("/drugs"));
        page.getByLabel("お薬の名前").fill("ろすばすたちん");
        page.getByRole(AriaRole.BUTTON, name("この条件で表示する")).click();
        assertThat(page.getByText("アムロジピン錠5mg「サワイ」")).hasCount(0);

        page.getByRole(AriaRole.LINK, name("English")).click();
        h1("Your medicines (dispensed drugs)");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByLabel("Medicine name")).hasValue("ろすばすたちん");
        assertThat(page.getByText("ロスバスタチン錠2.5mg「DSEP」").first()).isVisible();
        assertThat(page.getByText("アムロジピン錠5mg「サワイ」")).hasCount(0);
        assertAccessible();

        page.navigate(portal("/costs"));
        page.getByLabel("Year").selectOption("2025");
        page.getByRole(AriaRole.BUTTON, name("Show")).click();
        assertThat(page.getByRole(AriaRole.HEADING, name("Medical costs in 2025"))).isVisible();
        page.getByRole(AriaRole.LINK, name("日本語")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.getByRole(AriaRole.HEADING, name("2025年の医療費"))).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/costs\\?year=2025&lang=ja$"));
        assertAccessible();
    }

    @Test
    void theSignerKeepsTheLoginInTheOtherLanguageAlsoAfterAWrongPin() {
        CardLogin.openSigner(page, RunningSystem.portalUrl());
        page.getByRole(AriaRole.LINK, name("English")).click();
        h1("Confirm it is you with your My Number card");
        assertThat(page.getByText("http://", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        assertAccessible();

        page.getByLabel("見本 一郎").check();
        page.getByLabel("PIN (4 digits)").fill("9999");
        page.getByRole(AriaRole.BUTTON, name("Confirm")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The PIN is wrong.");

        page.getByRole(AriaRole.LINK, name("日本語")).click();
        h1("マイナンバーカードで本人確認");
        assertThat(page.locator("body")).not().containsText("この依頼には応じられません");
        CardLogin.usePin(page, "見本 一郎", "1234");
        h1("ようこそ、見本 一郎 さん");
    }
}
