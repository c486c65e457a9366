package dev.anneal.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.CliFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {

    @TempDir
    Path home;

    @Test
    void defaultsToLocalhostWithoutAToken() {
        ServerSettings settings = ServerSettings.resolve(new ServerOptions(), context(Map.of()));

        assertThat(settings.url()).hasToString("http://localhost:8080");
        assertThat(settings.token()).isNull();
    }

    @Test
    void theDefaultConfigFileBeatsTheDefault() throws Exception {
        defaultConfig("url: https://anneal.example/\ntoken: from-file\n");

        ServerSettings settings = ServerSettings.resolve(new ServerOptions(), context(Map.of()));

        assertThat(settings.url()).hasToString("https://anneal.example");
        assertThat(settings.token()).isEqualTo("from-file");
    }

    @Test
    void theEnvironmentBeatsTheConfigFile() throws Exception {
        defaultConfig("url: https://file.example\ntoken: from-file\n");

        ServerSettings settings = ServerSettings.resolve(
                new ServerOptions(),
                context(Map.of("ANNEAL_URL", "http://env.example:9000", "ANNEAL_TOKEN", "from-env")));

        assertThat(settings.url()).hasToString("http://env.example:9000");
        assertThat(settings.token()).isEqualTo("from-env");
    }

    @Test
    void flagsBeatTheEnvironmentAndEachValueResolvesOnItsOwn() throws Exception {
        defaultConfig("url: https://file.example\ntoken: from-file\n");

        ServerSettings settings = ServerSettings.resolve(
                new ServerOptions("http://flag.example", null, null),
                context(Map.of("ANNEAL_URL", "http://env.example:9000")));

        assertThat(settings.url()).hasToString("http://flag.example");
        assertThat(settings.token()).isEqualTo("from-file");
    }

    @Test
    void configFlagReplacesTheDefaultFile() throws Exception {
        defaultConfig("url: https://default-file.example\n");
        Path other = Files.writeString(home.resolve("ci.yaml"), "url: http://ci.example\ntoken: ci\n");

        ServerSettings settings = ServerSettings.resolve(new ServerOptions(null, null, other), context(Map.of()));

        assertThat(settings.url()).hasToString("http://ci.example");
        assertThat(settings.token()).isEqualTo("ci");
    }

    @Test
    void aMissingExplicitConfigFileIsAUsageError() {
        assertThatThrownBy(() -> ServerSettings.resolve(
                        new ServerOptions(null, null, home.resolve("nope.yaml")), context(Map.of())))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        assertThatThrownBy(() ->
                        ServerSettings.resolve(new ServerOptions("localhost:8080", null, null), context(Map.of())))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("http:// or https://");
    }

    @Test
    void neverPrintsTheToken() {
        ServerSettings settings = ServerSettings.resolve(new ServerOptions(null, "s3cret", null), context(Map.of()));

        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    private void defaultConfig(String yaml) throws Exception {
        Path file = home.resolve(".config/anneal/config.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private CliContext context(Map<String, String> env) {
        return new CliContext(
                env,
                home,
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                false,
                Duration.ofSeconds(1));
    }
}
