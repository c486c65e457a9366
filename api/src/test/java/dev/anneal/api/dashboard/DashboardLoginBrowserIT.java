package dev.anneal.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.HeadlessChromium;
import dev.anneal.db.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard with security on (the product default): the first page asks for a token, a
 * wrong one is refused, the right one shows the token's project, and the job page's event
 * stream (read with fetch, which can send the token) goes live and follows a tell.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "anneal.worker.slots=0",
            "anneal.security.enabled=true",
            "anneal.security.bootstrap-token=" + DashboardLoginBrowserIT.TOKEN
        })
@DirtiesContext
class DashboardLoginBrowserIT {

    static final String TOKEN = "anneal_dashboard-login-test-token-0123456789";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    ApiClient api;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = HeadlessChromium.start();
        api = new ApiClient(port, TOKEN);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aTokenLoginOpensTheProjectsJobsAndTheirLiveEvents() throws Exception {
        long id = api.submit("""
                { "execution": "external", "name": "behind-login",
                  "searchSpace": { "x": { "type": "float", "min": 0, "max": 1 } },
                  "objective": { "metric": "score", "direction": "maximize" }, "maxTrials": 3 }
                """);
        assertThat(api.postJson("/api/v1/jobs/" + id + "/trials/ask", "{}").status())
                .isEqualTo(201);
        assertThat(api.postJson("/api/v1/jobs/" + id + "/trials/ask", "{}").status())
                .isEqualTo(201);
        tell(id, 0, 0.4);

        browser.get(url("/"));
        login("anneal_not-the-token");
        waitUp().until(b -> b.findElements(By.id("login")).size() == 1);
        assertThat(browser.findElement(By.id("login")).getText()).contains("unknown or revoked");

        login(TOKEN);
        waitUp().until(b -> b.findElements(By.cssSelector("#jobs-table tr[data-job='" + id + "']"))
                        .size()
                == 1);
        assertThat(browser.findElements(By.id("login"))).isEmpty();

        browser.get(url("/job.html?id=" + id));
        waitUp().until(b ->
                b.findElements(By.cssSelector("#leaderboard tbody tr")).size() == 1);
        waitUp().until(b -> b.findElement(By.id("live")).getText().equals("live"));
        tell(id, 1, 0.9);
        waitUp().until(b ->
                b.findElements(By.cssSelector("#leaderboard tbody tr")).size() == 2);
        HeadlessChromium.screenshot(browser, "job-after-login");
    }

    private void login(String token) {
        waitUp().until(b -> b.findElements(By.id("login-token")).size() == 1);
        browser.findElement(By.id("login-token")).sendKeys(token);
        browser.findElement(By.id("login-save")).click();
    }

    private void tell(long id, int number, double value) {
        assertThat(api.postJson("/api/v1/jobs/" + id + "/trials/" + number + "/tell", "{\"value\": " + value + "}")
                        .status())
                .isEqualTo(200);
    }

    private WebDriverWait waitUp() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
