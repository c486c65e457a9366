package dev.anneal.cli.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.support.AnnealServer;
import dev.anneal.cli.support.Cli;
import dev.anneal.cli.support.Specs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tag} and {@code --baseline-tag} against the real server's job tags and baseline query
 * ({@code GET /api/v1/jobs?tag=k:v&state=COMPLETED&latest=true}).
 */
class TagsIT {

    @TempDir
    Path dir;

    @Test
    void tagsReachTheJobAndTheNewestTaggedJobIsTheBaseline() {
        Cli cli = Cli.against(AnnealServer.url(), dir);
        String branch = "b" + System.nanoTime();
        Path spec = Specs.write(dir, "job.json", Specs.IRIS_TINY);

        // the first run on a branch has no baseline: the gate passes and says so
        Cli.Run first = cli.run(
                "submit",
                spec.toString(),
                "--wait",
                "--tag",
                "branch=" + branch,
                "--tag",
                "commit=abc123",
                "--baseline-tag",
                "branch=" + branch,
                "--max-regression",
                "0.5");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("no completed baseline job for tag branch=" + branch);
        long firstId = SubmitIT.jobId(first);

        Cli.Run second = cli.run(
                "submit",
                spec.toString(),
                "--wait",
                "--tag",
                "branch=" + branch,
                "--baseline-tag",
                "branch=" + branch,
                "--max-regression",
                "0.5");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
        assertThat(second.out())
                .contains("PASSED  --max-regression 0.5 vs tag branch=" + branch)
                .contains("vs baseline job " + firstId);
    }
}
