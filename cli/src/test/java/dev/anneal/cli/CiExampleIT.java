package dev.anneal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.support.AnnealServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Runs the CLI exactly as {@code examples/ci/} does: the {@code bin/anneal submit ...} command is
 * read out of the GitHub Actions workflow (and must be the same in the GitLab job), then run with
 * bash through the launcher script and the built jar, against the real server. Only the server
 * differs: the examples start {@code api/target/anneal.jar}, this test the same application
 * in-process.
 */
class CiExampleIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path workdir;

    @Test
    void theExamplesGatedSubmitPassesAndWritesItsReports() throws Exception {
        String command = submitCommand(ROOT.resolve("examples/ci/github-actions.yml"));
        assertThat(submitCommand(ROOT.resolve("examples/ci/gitlab-ci.yml"))).isEqualTo(command);
        assertThat(command).startsWith("bin/anneal submit examples/ci/iris-job.yaml --wait");
        // the workflow's relative paths, with the reports landing in a scratch directory
        Files.createSymbolicLink(workdir.resolve("bin"), ROOT.resolve("bin"));
        Files.createSymbolicLink(workdir.resolve("examples"), ROOT.resolve("examples"));

        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                .directory(workdir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("ANNEAL_URL", AnnealServer.url());
        // the examples export the token the server was started with
        builder.environment().put("ANNEAL_TOKEN", AnnealServer.ADMIN_TOKEN);
        Process process = builder.start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        // not a terminal: plain progress lines, no carriage returns
        assertThat(output).contains("COMPLETED  trials 4/4 done").doesNotContain("\r");
        Element suite = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(workdir.resolve("anneal-report.xml").toFile())
                .getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("anneal iris-ci");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(Files.readString(workdir.resolve("anneal-summary.md")))
                .contains("| `--fail-if best.val_accuracy < 0.8` | ✅ passed |");
        assertThat(workdir.resolve("anneal-result.json")).exists();
    }

    /** The {@code bin/anneal submit} line of a CI file, with its backslash continuations joined. */
    static String submitCommand(Path ciFile) throws Exception {
        List<String> parts = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(ciFile)) {
            String text = line.strip();
            inside = inside || text.startsWith("bin/anneal submit");
            if (inside) {
                boolean continues = text.endsWith("\\");
                parts.add(continues ? text.substring(0, text.length() - 1).strip() : text);
                if (!continues) {
                    break;
                }
            }
        }
        assertThat(parts).as("a bin/anneal submit command in " + ciFile).isNotEmpty();
        return String.join(" ", parts);
    }
}
