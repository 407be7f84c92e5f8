package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimForm;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimsWriter;
import jp.mynahealth.support.InsuredKey;
import jp.mynahealth.support.StoreLogins;

/**
 * A claim file dropped into the running service's inbox shows up on 見本 太郎's drug page with its
 * as-of date; a file with a drug code the master does not know is rejected and shows nothing.
 */
class InboxE2ETest extends BrowserTest {

    static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");
    /** The fixed day's month: newer than the demo's dispensing as-of (end of last month). */
    static final LocalDate TODAY = LocalDate.parse(RunningSystem.TODAY);
    static final YearMonth SERVICE_MONTH = YearMonth.from(TODAY);
    /** Files appear within two polls (2 s each) plus the import. */
    static final Duration FILE_WAIT = Duration.ofSeconds(20);
    /**
     * The portal reads the as-of dates at most every 30 s (README, "Cached, non-personal"); until it
     * does, the page keeps the old as-of and with it the old date range. Bounded a little above that.
     */
    static final Duration PAGE_WAIT = Duration.ofSeconds(40);

    JdbcClient jdbc;
    Path inbox;
    String prescriber;
    String insurer;
    String symbol;
    String number;
    String branch;
    LocalDate birth;

    private Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text);
    }

    @BeforeEach
    void findTaro() {
        jdbc = RunningSystem.get().common().getBean(JdbcClient.class);
        inbox = Path.of(RunningSystem.get().common().getEnvironment().getRequiredProperty("myna.import.inbox"));
        prescriber = jdbc.sql("select institution_code from records.institution where kind = '診療所' order by 1 limit 1")
                .query(String.class).single();
        birth = jdbc.sql("select birth_date from records.person where person_id = :p").param("p", TARO)
                .query(LocalDate.class).single();
        InsuredKey key = InsuredKey.inForce(jdbc, TARO, TODAY);
        insurer = key.insurer();
        symbol = key.symbol();
        number = key.number();
        branch = key.branch();
    }

    @Test
    void aClaimFileDroppedIntoTheInboxShowsUpOnTarosDrugPageWithItsAsOfDate() throws IOException {
        LocalDate asOfBefore = dispensingAsOf();
        org.assertj.core.api.Assertions.assertThat(SERVICE_MONTH.atEndOfMonth()).isAfter(asOfBefore);
        Map<String, Object> pharmacy = strangePharmacy(0);
        // The drug master is the importer's own: read with its login.
        Map<String, Object> drug = StoreLogins.importer(RunningSystem.get().common()).sql("""
                select drug_code, name from records.drug_master
                where name not in (select drug_name from records.dispensing where person_id = :p)
                order by drug_code limit 1
                """).param("p", TARO).query().singleRow();
        String drugName = (String) drug.get("name");
        LocalDate dispensedOn = TODAY.minusDays(4);

        String file = "taro-" + System.nanoTime() + ".UKE";
        drop(file, (String) pharmacy.get("institution_code"), (String) pharmacy.get("name"),
                (String) drug.get("drug_code"), dispensedOn);

        String report = awaitReport(inbox.resolve("done"), file);
        org.assertj.core.api.Assertions.assertThat(report).contains("取り込みました");
        org.assertj.core.api.Assertions.assertThat(inbox.resolve("done").resolve(file)).exists();
        org.assertj.core.api.Assertions.assertThat(inbox.resolve(file)).doesNotExist();
        org.assertj.core.api.Assertions.assertThat(dispensingAsOf()).isEqualTo(SERVICE_MONTH.atEndOfMonth());

        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.getByRole(AriaRole.LINK, name("お薬の情報を見る")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("お薬の情報（薬剤情報）");
        Locator line = page.getByRole(AriaRole.ROWGROUP).filter(new Locator.FilterOptions().setHasText(drugName));
        reloadUntilVisible(line);

        assertThat(line).hasCount(1);
        assertThat(line.getByRole(AriaRole.ROWHEADER)).containsText("令和8年11月20日");
        assertThat(line.getByRole(AriaRole.ROWHEADER)).containsText((String) pharmacy.get("name"));
        assertThat(line.getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName(drugName))).isVisible();
        assertThat(line.getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName("1日1回朝食後"))).isVisible();
        // The feed sent November's claims already, so the page shows November and no lag: once the
        // portal's 30-second memory of the as-of dates (DataAsOfRepository.KEPT) has moved on, if an
        // earlier test's page filled it.
        reloadUntilVisible(page.getByText("レセプト（調剤報酬明細書）の情報：令和8年11月分まで", new Page.GetByTextOptions().setExact(true)));
        assertAccessible();
    }

    @Test
    void aFileWithAnUnknownDrugCodeIsRejectedAndShowsNothing() throws IOException {
        Map<String, Object> pharmacy = strangePharmacy(1);
        String pharmacyName = (String) pharmacy.get("name");

        String file = "unknown-drug-" + System.nanoTime() + ".UKE";
        drop(file, (String) pharmacy.get("institution_code"), pharmacyName, "699999999", TODAY.minusDays(3));

        String report = awaitReport(inbox.resolve("rejected"), file);
        org.assertj.core.api.Assertions.assertThat(report).contains("受け付けませんでした")
                .contains("項目 / field 医薬品コード: 医薬品マスターにない医薬品コードです");
        org.assertj.core.api.Assertions.assertThat(inbox.resolve("rejected").resolve(file)).exists();
        org.assertj.core.api.Assertions.assertThat(inbox.resolve("done").resolve(file)).doesNotExist();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from records.dispensing where person_id = :p and dispenser_code = :c")
                .param("p", TARO).param("c", pharmacy.get("institution_code")).query(Long.class).single()).isZero();

        CardLogin.logIn(page, RunningSystem.portalUrl(), "見本 太郎");
        page.getByRole(AriaRole.LINK, name("お薬の情報を見る")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("お薬の情報（薬剤情報）");
        assertThat(page.getByRole(AriaRole.ROWGROUP).first()).isVisible();
        assertThat(page.getByText(pharmacyName)).hasCount(0);
    }

    /**
     * The n-th pharmacy 太郎 never used, named unlike any he did (demo names repeat across codes), so
     * his demo lines and other tests' expectations stay as they were and its name finds only its line.
     */
    private Map<String, Object> strangePharmacy(int n) {
        return jdbc.sql("""
                select institution_code, name from records.institution
                where kind = '薬局' and name not in (select i.name from records.institution i
                                                    join records.dispensing d on d.dispenser_code = i.institution_code
                                                    where d.person_id = :p)
                order by institution_code offset :n limit 1
                """).param("p", TARO).param("n", n).query().singleRow();
    }

    private LocalDate dispensingAsOf() {
        return jdbc.sql("select complete_through from records.data_as_of where data_kind = 'dispensing'")
                .query(LocalDate.class).single();
    }

    /** One 調剤 receipt for 太郎, written under a .part name and then renamed, as the inbox asks. */
    private void drop(String name, String pharmacyCode, String pharmacyName, String drugCode, LocalDate dispensedOn)
            throws IOException {
        Path part = inbox.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(part);
                ClaimsWriter writer = new ClaimsWriter(out, new ClaimFileHeader(ClaimForm.PHARMACY, pharmacyCode, pharmacyName,
                        SERVICE_MONTH.plusMonths(1)))) {
            writer.receipt(new ClaimReceipt(0, 1, "調剤", SERVICE_MONTH, insurer, symbol == null || symbol.isEmpty() ? null : symbol,
                    number, branch, "見本　太郎", birth, 1, 1, 123, 0, 370, false),
                    List.of(new ClaimDrug(0, 1, dispensedOn, prescriber, drugCode, BigDecimal.valueOf(28), 28, "1日1回朝食後",
                            "内服")));
        }
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String awaitReport(Path folder, String name) throws IOException {
        Path report = folder.resolve(name + ".report.txt");
        long deadline = System.nanoTime() + FILE_WAIT.toNanos();
        while (!Files.exists(report)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no report " + report + " after " + FILE_WAIT + "; inbox holds " + listing(folder.getParent()));
            }
            sleep(200);
        }
        return Files.readString(report, StandardCharsets.UTF_8);
    }

    private static String listing(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.map(folder::relativize).map(Path::toString).toList().toString();
        }
    }

    private void reloadUntilVisible(Locator line) {
        long deadline = System.nanoTime() + PAGE_WAIT.toNanos();
        while (line.count() == 0 && System.nanoTime() < deadline) {
            sleep(1000);
            page.reload();
        }
        assertThat(line.first()).isVisible();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
