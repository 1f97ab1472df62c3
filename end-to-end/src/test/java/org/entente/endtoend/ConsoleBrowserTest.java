package org.entente.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.entente.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

/**
 * The console in real headless Chromium, against the running services: Estonia's PoC signs in
 * with a pasted token, Latvia's with the sample sign-in; Finland reports an incident for Estonia
 * over the API; the alert appears in Estonia's open inbox without a reload; the PoC opens and
 * acknowledges it, and the status and countdown change; Latvia's inbox never shows it and its
 * address is not found for Latvia. Lithuania's PoC sees its state's communication check above the
 * alerts, acknowledges it there and sees it decided; its trust page and the operator's count it
 * under communication checks. Screenshots go to target/screenshots.
 */
@Order(3)
class ConsoleBrowserTest {

    static final Duration WAIT = RunningServices.WAIT;
    static final Pattern DUE = Pattern.compile("^acknowledge due in \\d.*");

    static RunningServices services;
    static Chromium estonia;
    static Chromium latvia;
    static Chromium lithuania;

    @BeforeAll
    static void openBrowsers() {
        Chromium.assumeInstalled();
        services = RunningServices.get();
        estonia = Chromium.start(WAIT);
        latvia = Chromium.start(WAIT);
        lithuania = Chromium.start(WAIT);
    }

    @AfterAll
    static void closeBrowsers() {
        Stream.of(estonia, latvia, lithuania).filter(Objects::nonNull).forEach(Chromium::close);
    }

    @Test
    void aPartnersReportAppearsLiveInThePocsInboxAndIsAcknowledgedThereButNeverReachesAThirdState() {
        signInWithToken(estonia, TestTokens.token("poc-ee"), "Inbox of EE");
        signInAsSample(latvia, "LV");
        for (Chromium browser : new Chromium[] {estonia, latvia}) {
            browser.wait.until(textToBePresentInElementLocated(By.id("live-state"), "live"));
        }
        estonia.driver.executeScript("window.sameDocument = true;");

        String title = "Browser test: substation intrusion " + UUID.randomUUID().toString().substring(0, 8);
        reportFromFinlandToEstonia(title);

        String alertId = estonia.wait.until(presenceOfElementLocated(By.xpath(
                "//tbody[@id='inbox-rows']/tr[.//a[normalize-space()='" + title + "']]"))).getAttribute("data-alert-id");
        assertThat(estonia.driver.executeScript("return window.sameDocument === true;"))
                .as("the alert appeared without a reload").isEqualTo(true);
        // Rows are redrawn as changes come: every check looks the row up again.
        estonia.wait.until(textToBe(cell(alertId, "status"), "delivered"));
        estonia.wait.until(textToBe(cell(alertId, "from"), "FI"));
        estonia.wait.until(textToBe(cell(alertId, "tlp-cell"), "TLP:AMBER"));
        estonia.wait.until(textMatches(cell(alertId, "countdown"), DUE));
        estonia.screenshot("inbox");

        estonia.driver.findElement(By.linkText(title)).click();
        estonia.wait.until(textToBe(By.tagName("h1"), title));
        assertThat(estonia.driver.findElement(By.id("withheld")).getText())
                .isEqualTo("personal-data: not permitted under baltic-nordic-energy v3");
        estonia.wait.until(textMatches(By.id("alert-countdown"), DUE));
        estonia.driver.findElement(By.id("acknowledge")).click();
        estonia.wait.until(textToBe(By.id("alert-status"), "acknowledged"));
        assertThat(estonia.driver.findElement(By.id("alert-countdown")).getText()).isEqualTo("no open deadline");
        assertThat(estonia.driver.findElement(By.id("acknowledge")).isEnabled()).isFalse();
        estonia.screenshot("alert");

        estonia.driver.findElement(By.linkText("← Inbox")).click();
        estonia.wait.until(textToBe(cell(alertId, "status"), "acknowledged"));
        estonia.wait.until(textToBe(cell(alertId, "countdown"), "no open deadline"));

        // Latvia's inbox was open all along, on the same stream that announced Estonia's alert.
        assertThat(latvia.driver.findElements(By.cssSelector("tr[data-alert-id='" + alertId + "']"))).isEmpty();
        assertThat(latvia.driver.findElement(By.id("inbox-rows")).getText()).doesNotContain(title);
        latvia.driver.get(services.consoleUrl() + "/#/alerts/" + alertId);
        latvia.wait.until(textToBePresentInElementLocated(By.id("alert"), "No such alert in your state's inbox."));
    }

    /**
     * Lithuania's primary contact has a contact chain in the sample data, and no other test answers
     * its check. Whether the answer is on time depends on where earlier tests left the clock; the
     * service decides by that clock, and so does this test.
     */
    @Test
    void aPocAcknowledgesItsCommunicationCheckAboveTheAlertsAndTrustCountsItApartFromCommitments() {
        Map<?, ?> check = await().atMost(WAIT).until(() -> services.openCommunicationCheckOf("poc-lt"), Objects::nonNull);
        Instant dueAt = Instant.parse((String) check.get("dueAt"));
        String result = RunningServices.CLOCK.instant().isAfter(dueAt) ? "late" : "honoured";
        signInAsSample(lithuania, "LT");

        lithuania.wait.until(attributeToBe(By.id("communication-check"), "data-check-id", (String) check.get("id")));
        assertThat(lithuania.driver.findElement(By.id("communication-check-title")).getText())
                .isEqualTo("Communication check — a test from the hub, no incident");
        assertThat(lithuania.driver.findElement(By.id("communication-check-status")).getText()).isEqualTo("open");
        assertThat(lithuania.driver.findElement(communicationCheckTime("Due")).getAttribute("datetime"))
                .isEqualTo(check.get("dueAt"));
        lithuania.screenshot("communication-check");

        lithuania.driver.findElement(By.id("acknowledge-check")).click();
        lithuania.wait.until(textMatches(By.id("communication-check-status"), Pattern.compile("^" + result + " in \\d.*")));
        assertThat(lithuania.driver.findElement(By.id("communication-check-feedback")).getText())
                .isEqualTo("Acknowledgement recorded.");
        assertThat(lithuania.driver.findElements(By.id("acknowledge-check"))).isEmpty();
        lithuania.screenshot("communication-check-decided");

        // Seen again later, the decided check reads quietly above the alerts.
        lithuania.driver.navigate().refresh();
        lithuania.wait.until(textMatches(By.id("communication-check-last"),
                Pattern.compile("^Last communication check \\(sent .+\\): " + result + " in \\d.*\\.$")));
        assertThat(lithuania.driver.findElements(By.id("communication-check"))).isEmpty();

        await().atMost(WAIT).untilAsserted(() -> RunningServices.client(services.trust()).get()
                .uri("/api/v1/trust/communication-checks/LT").header("Authorization", TestTokens.bearer("poc-lt")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.figures.total").isEqualTo(1));
        String honouredLateMissedRatio = "late".equals(result) ? "0 1 0 0 %" : "1 0 0 100 %";
        Pattern lithuaniaAnsweredOnce = Pattern.compile("^LT " + honouredLateMissedRatio + " .*");
        lithuania.driver.findElement(By.linkText("Trust")).click();
        lithuania.wait.until(textToBe(By.tagName("h1"), "Trust: partners of LT"));
        lithuania.wait.until(textMatches(communicationCheckRow("LT"), lithuaniaAnsweredOnce));
        lithuania.driver.executeScript("document.getElementById('communication-checks').scrollIntoView();");
        lithuania.screenshot("trust-communication-checks");

        signInWithToken(lithuania, TestTokens.token("operator"), "Trust: every state");
        lithuania.wait.until(textMatches(communicationCheckRow("LT"), lithuaniaAnsweredOnce));
    }

    private static void signInWithToken(Chromium browser, String token, String firstPage) {
        browser.driver.get(services.consoleUrl() + "/#/sign-in");
        browser.wait.until(presenceOfElementLocated(By.id("token"))).sendKeys(token);
        browser.driver.findElement(By.id("sign-in-token")).click();
        browser.wait.until(textToBe(By.tagName("h1"), firstPage));
    }

    private static void signInAsSample(Chromium browser, String state) {
        browser.driver.get(services.consoleUrl() + "/#/sign-in");
        new Select(browser.wait.until(presenceOfElementLocated(By.id("sample-role")))).selectByValue("poc");
        WebElement stateField = browser.driver.findElement(By.id("sample-state"));
        stateField.clear();
        stateField.sendKeys(state);
        browser.driver.findElement(By.id("sign-in-sample")).click();
        browser.wait.until(textToBe(By.tagName("h1"), "Inbox of " + state));
    }

    private static void reportFromFinlandToEstonia(String title) {
        RunningServices.client(services.incidents()).post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer("poc-fi"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"detectedAt": "%s", "sector": "energy", "incidentClass": "intrusions", "severity": "high",
                         "tlp": "AMBER", "title": "%s", "summary": "Unknown sessions on the substation gateway.",
                         "indicators": ["203.0.113.7"], "personalData": {"names": ["Operator on shift"]},
                         "namedRecipients": ["EE"]}""".formatted(RunningServices.CLOCK.instant().minusSeconds(600), title))
                .exchange()
                .expectStatus().isAccepted();
    }

    private static By cell(String alertId, String className) {
        return By.cssSelector("tr[data-alert-id='" + alertId + "'] td." + className);
    }

    private static By communicationCheckTime(String term) {
        return By.xpath("//section[@id='communication-check']//dt[.='" + term + "']/following-sibling::dd[1]/time");
    }

    private static By communicationCheckRow(String state) {
        return By.xpath("//section[@id='communication-checks']//tbody/tr[th='" + state + "']");
    }
}
