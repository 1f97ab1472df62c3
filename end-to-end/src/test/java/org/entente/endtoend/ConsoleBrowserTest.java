package org.entente.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.UUID;

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
 * address is not found for Latvia. Screenshots go to target/screenshots.
 */
@Order(3)
class ConsoleBrowserTest {

    static final Duration WAIT = RunningServices.WAIT;
    static final Pattern DUE = Pattern.compile("^acknowledge due in \\d.*");

    static RunningServices services;
    static Chromium estonia;
    static Chromium latvia;

    @BeforeAll
    static void openBrowsers() {
        Chromium.assumeInstalled();
        services = RunningServices.get();
        estonia = Chromium.start(WAIT);
        latvia = Chromium.start(WAIT);
    }

    @AfterAll
    static void closeBrowsers() {
        if (estonia != null) {
            estonia.close();
        }
        if (latvia != null) {
            latvia.close();
        }
    }

    @Test
    void aPartnersReportAppearsLiveInThePocsInboxAndIsAcknowledgedThereButNeverReachesAThirdState() {
        signInWithToken(estonia, TestTokens.token("poc-ee"));
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

    private static void signInWithToken(Chromium browser, String token) {
        browser.driver.get(services.consoleUrl() + "/#/sign-in");
        browser.wait.until(presenceOfElementLocated(By.id("token"))).sendKeys(token);
        browser.driver.findElement(By.id("sign-in-token")).click();
        browser.wait.until(textToBe(By.tagName("h1"), "Inbox of EE"));
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
}
