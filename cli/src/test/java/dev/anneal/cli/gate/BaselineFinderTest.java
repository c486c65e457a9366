package dev.anneal.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.anneal.cli.CliFailure;
import dev.anneal.cli.config.ServerSettings;
import dev.anneal.cli.http.AnnealClient;
import dev.anneal.cli.http.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline query of the contract with the server half of issue 7, against a stub (the
 * server of this branch has no job tags): what is asked, and what is done with each answer.
 */
class BaselineFinderTest {

    HttpServer stub;
    final AtomicReference<String> query = new AtomicReference<>();

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    @Test
    void asksForTheNewestCompletedJobWithTheTag() throws Exception {
        ObjectNode tagged = Jobs.json(3, "COMPLETED", "val_accuracy", "maximize", 0.93);
        tagged.putObject("tags").put("branch", "main");

        Baseline baseline = finder(page(tagged)).byTag("branch", "main");

        assertThat(query.get()).isEqualTo("tag=branch%3Amain&state=COMPLETED&latest=true&size=1");
        assertThat(baseline.source()).isEqualTo("tag branch=main");
        assertThat(baseline.job().id()).isEqualTo(3);
        assertThat(baseline.job().bestValue()).isEqualTo(0.93);
    }

    @Test
    void noTaggedJobYetMeansNoBaseline() throws Exception {
        Baseline baseline = finder(page()).byTag("branch", "main");

        assertThat(baseline.job()).isNull();
    }

    @Test
    void refusesAJobWithoutTheTagFromAServerThatIgnoredTheFilter() throws Exception {
        BaselineFinder finder = finder(page(Jobs.json(5, "COMPLETED", "val_accuracy", "maximize", 0.9)));

        assertThatThrownBy(() -> finder.byTag("branch", "main"))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("job 5, which does not carry that tag");
    }

    private static String page(ObjectNode... jobs) {
        ObjectNode page = Json.MAPPER.createObjectNode();
        var items = page.putArray("items");
        for (ObjectNode job : jobs) {
            items.add(job);
        }
        page.put("page", 0).put("size", 1).put("totalItems", jobs.length).put("totalPages", jobs.length);
        return Json.MAPPER.writeValueAsString(page);
    }

    private BaselineFinder finder(String answer) throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/api/v1/jobs", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        URI url = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
        return new BaselineFinder(new AnnealClient(new ServerSettings(url, null)));
    }
}
