package dev.anneal.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.HeadlessChromium;
import dev.anneal.db.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real headless Chromium: pages load, tables match the API, every chart draws
 * something, and a running job's page follows the event stream without a reload. Screenshots
 * land in {@code target/dashboard-screenshots}. Skipped when Chromium is not installed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"anneal.worker.slots=1"})
@DirtiesContext
class DashboardBrowserIT {

    static final List<String> CHARTS = List.of("history", "importance", "parallel", "curves");

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
        api = new ApiClient(port);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void finishedJobPageShowsTheLeaderboardOfTheApiAndDrawsEveryChart() throws Exception {
        long id = api.submit("""
                { "dataset": "iris", "target": "label",
                  "searchSpace": { "learningRate": { "type": "float", "min": 0.001, "max": 0.1, "log": true },
                                   "optimizer": { "type": "categorical", "values": ["adam", "sgd"] },
                                   "units": { "type": "int", "min": 4, "max": 32 }, "epochs": 3 },
                  "algorithm": { "type": "random", "seed": 5 }, "maxTrials": 5, "parallelism": 1 }
                """);
        api.awaitFinished(id, Duration.ofMinutes(3));
        List<JsonNode> board =
                list(api.get("/api/v1/jobs/" + id + "/leaderboard?limit=100").json());

        browser.get(url("/job.html?id=" + id));
        awaitRows("#leaderboard tbody tr", board.size());

        List<WebElement> rows = browser.findElements(By.cssSelector("#leaderboard tbody tr"));
        for (int i = 0; i < board.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertThat(cells.get(0).getText())
                    .isEqualTo(board.get(i).path("rank").asString());
            assertThat(cells.get(1).getText())
                    .isEqualTo(board.get(i).path("trialNumber").asString());
            assertThat(Double.parseDouble(cells.get(2).getText()))
                    .isCloseTo(board.get(i).path("value").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
        }
        WebElement download = browser.findElement(By.id("download-model"));
        assertThat(download.getText()).isEqualTo("best model");
        assertThat(browser.findElement(By.id("facts")).getText()).contains("mlp");
        // the button fetches the zip with the token and hands it to the browser; a failure shows in #error
        browser.executeScript("window.__saved = null; const original = URL.createObjectURL;"
                + " URL.createObjectURL = (blob) => { window.__saved = blob.size; return original(blob); };");
        download.click();
        wait(Duration.ofSeconds(10))
                .until(b -> ((JavascriptExecutor) b).executeScript("return window.__saved") != null);
        assertThat(((Number) browser.executeScript("return window.__saved")).longValue())
                .isGreaterThan(1000);
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
        awaitChartsDrawn();
        rows.get(0).click();
        wait(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("trial-detail")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#trial-detail .trial-metrics tbody tr")))
                .hasSize(3);
        HeadlessChromium.screenshot(browser, "finished-job-trial");
        browser.executeScript("window.scrollTo(0, 0)");
        HeadlessChromium.screenshot(browser, "finished-job");

        browser.get(url("/"));
        wait(Duration.ofSeconds(20))
                .until(b -> b.findElements(By.cssSelector("#jobs-table tr[data-job='" + id + "']"))
                                .size()
                        == 1);
        assertThat(browser.findElement(By.cssSelector("#jobs-table tr[data-job='" + id + "']"))
                        .getText())
                .contains("COMPLETED", "5/5");
        browser.get(url("/datasets.html?name=iris"));
        awaitRows("#columns-table tbody tr", 5);
        HeadlessChromium.screenshot(browser, "dataset-iris");
    }

    @Test
    void languageModelPageShowsTheTextsItsBestModelDrew() {
        api.upload("names", "names.csv", dev.anneal.db.testing.SharedDatasets.bytes("names.csv"));
        long id = api.submit("""
                { "dataset": "names", "task": "language_model",
                  "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "maxLength": 12, "embeddingSize": 8, "units": 32, "hiddenLayers": 1,
                                   "learningRate": 0.01, "epochs": 1 },
                  "maxTrials": 1 }
                """);
        api.awaitFinished(id, Duration.ofMinutes(3));
        List<String> drawn = new String(
                        api.download("/api/v1/jobs/" + id + "/best-samples").body(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .toList();

        browser.get(url("/job.html?id=" + id));
        awaitRows("#text-samples li", drawn.size());

        assertThat(browser.findElement(By.id("text-samples-card")).isDisplayed())
                .isTrue();
        assertThat(browser.findElements(By.cssSelector("#text-samples li")).stream()
                        .map(WebElement::getText)
                        .toList())
                .isEqualTo(drawn.stream().map(String::strip).toList());
        assertThat(browser.findElement(By.id("download-samples")).getText()).isEqualTo("samples");
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
    }

    @Test
    void imageGanJobPageShowsItsBestSamplesAsAPicture() throws Exception {
        long id = api.submit("""
                { "dataset": "digits", "target": "label",
                  "model": { "type": "gan", "input": { "channels": 1, "height": 8, "width": 8 } }, "maxTrials": 1,
                  "searchSpace": { "epochs": 2, "filters": 8, "latentSize": 16, "batchSize": 64 } }
                """);
        api.awaitFinished(id, Duration.ofMinutes(3));

        browser.get(url("/job.html?id=" + id));

        // a decoded PNG: 10 x 10 digits of 8 x 8 pixels with 2-pixel borders, shown twice its size
        wait(Duration.ofSeconds(20))
                .until(b -> ((Number) ((JavascriptExecutor) b)
                                        .executeScript("const img = document.getElementById('samples-picture');"
                                                + " return img.complete ? img.naturalWidth : 0;"))
                                .longValue()
                        == 102);
        assertThat(browser.findElement(By.id("samples")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("samples-picture")).getSize().getWidth())
                .isEqualTo(204);
        assertThat(browser.findElement(By.id("samples-hint")).getText()).contains("1×8×8");
        assertThat(browser.findElement(By.id("download-samples-png")).getText()).isEqualTo("samples PNG");
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
        browser.executeScript("document.getElementById('samples').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "image-gan-job");
    }

    @Test
    void runningJobPageGainsARowWhenATrialFinishes() throws Exception {
        // an external job: the test decides when its trials finish, so the page is surely open first
        long id = api.submit("""
                { "execution": "external", "name": "live",
                  "searchSpace": { "x": { "type": "float", "min": 0, "max": 1 },
                                   "kind": { "type": "categorical", "values": ["a", "b"] } },
                  "algorithm": { "type": "random", "seed": 1 },
                  "objective": { "metric": "score", "direction": "maximize" }, "maxTrials": 6 }
                """);
        for (int n = 0; n < 4; n++) {
            assertThat(api.postJson("/api/v1/jobs/" + id + "/trials/ask", "{}").status())
                    .isEqualTo(201);
            api.postJson("/api/v1/jobs/" + id + "/trials/" + n + "/report", "{\"step\": 0, \"value\": 0." + n + "}");
        }
        tell(id, 0, 0.5);

        browser.get(url("/job.html?id=" + id));
        awaitRows("#leaderboard tbody tr", 1);
        wait(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("live")).getText().equals("live"));
        browser.executeScript("window.notReloaded = true");

        tell(id, 1, 0.9);
        tell(id, 2, 0.7);
        tell(id, 3, 0.1);
        awaitRows("#leaderboard tbody tr", 4);
        assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#leaderboard tbody tr td:nth-child(2)"))
                        .getText())
                .as("the best trial is on top")
                .isEqualTo("1");
        awaitChartsDrawn();
        HeadlessChromium.screenshot(browser, "running-job");
    }

    @Test
    void tradeOffJobPageDrawsTheParetoFrontAndEachPointOpensItsTrial() throws Exception {
        long id = api.submit("""
                { "execution": "external", "name": "trade-off",
                  "searchSpace": { "x": { "type": "float", "min": 0, "max": 1 } },
                  "algorithm": { "type": "random", "seed": 1 },
                  "objectives": [ { "metric": "error", "direction": "minimize" },
                                  { "metric": "size", "direction": "minimize" } ],
                  "constraints": [ { "metric": "latency", "max": 1 } ], "maxTrials": 6 }
                """);
        // (error, size, latency): 0, 1 and 2 on the front, 3 dominated, 4 infeasible, 5 on the front
        double[][] told = {{1, 5, 0}, {2, 3, 0}, {4, 1, 0}, {4, 4, 0}, {0.5, 0.5, 2}, {3, 2, 0}};
        for (int n = 0; n < told.length; n++) {
            assertThat(api.postJson("/api/v1/jobs/" + id + "/trials/ask", "{}").status())
                    .isEqualTo(201);
            assertThat(api.postJson(
                                    "/api/v1/jobs/" + id + "/trials/" + n + "/tell",
                                    "{\"values\": [%s, %s], \"metrics\": {\"latency\": %s}}"
                                            .formatted(told[n][0], told[n][1], told[n][2]))
                            .status())
                    .isEqualTo(200);
        }

        browser.get(url("/job.html?id=" + id));
        awaitRows("#leaderboard tbody tr", 6);
        wait(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("pareto-card")).isDisplayed());
        assertThat(browser.findElement(By.id("pareto-hint")).getText()).startsWith("4 trial(s) on the front of 6");
        @SuppressWarnings("unchecked")
        List<Number> front = (List<Number>) browser.executeScript("""
                const option = echarts.getInstanceByDom(document.getElementById('pareto')).getOption();
                return option.series.filter((s) => s.name === 'Pareto front').flatMap((s) => s.data.map((d) => d[2]));
                """);
        assertThat(front.stream().map(Number::intValue).sorted().toList()).containsExactly(0, 1, 2, 5);

        // a click on trial 2's point opens trial 2
        browser.executeScript("document.getElementById('pareto-card').scrollIntoView()");
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) browser.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('pareto'));
                return chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [4, 1]);
                """);
        WebElement chart = browser.findElement(By.cssSelector("#pareto canvas"));
        org.openqa.selenium.Dimension size = chart.getSize();
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(
                        chart,
                        pixel.get(0).intValue() - size.getWidth() / 2,
                        pixel.get(1).intValue() - size.getHeight() / 2)
                .click()
                .perform();
        wait(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("trial-detail")).isDisplayed()
                        && b.findElement(By.cssSelector("#trial-detail h2"))
                                .getText()
                                .startsWith("Trial 2"));
        assertThat(browser.findElement(By.id("trial-detail")).getText())
                .contains("objectives")
                .contains("feasible");
        HeadlessChromium.screenshot(browser, "pareto-front");
    }

    private void tell(long id, int number, double value) {
        assertThat(api.postJson("/api/v1/jobs/" + id + "/trials/" + number + "/tell", "{\"value\": " + value + "}")
                        .status())
                .isEqualTo(200);
    }

    private void awaitRows(String selector, int count) {
        wait(Duration.ofSeconds(20))
                .until(b -> b.findElements(By.cssSelector(selector)).size() == count);
    }

    /** Every chart's canvas has pixels that are not transparent. */
    private void awaitChartsDrawn() {
        for (String chart : CHARTS) {
            wait(Duration.ofSeconds(10)).until(b -> {
                Object painted = browser.executeScript("""
                        const canvas = document.querySelector('#' + arguments[0] + ' canvas');
                        if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
                        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                        let painted = 0;
                        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
                        return painted;
                        """, chart);
                return ((Number) painted).longValue() > 500;
            });
        }
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
