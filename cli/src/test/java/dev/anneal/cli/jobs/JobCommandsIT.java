package dev.anneal.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.http.Json;
import dev.anneal.cli.support.AnnealServer;
import dev.anneal.cli.support.Cli;
import dev.anneal.cli.support.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The read commands on a job trained by the real server, its best model, and the datasets commands. */
class JobCommandsIT {

    @TempDir
    static Path dir;

    static Cli cli;
    static long job;

    @BeforeAll
    static void completedJob() {
        cli = Cli.against(AnnealServer.url(), dir);
        Cli.Run run =
                cli.run("submit", Specs.write(dir, "job.json", Specs.IRIS_TINY).toString(), "--wait");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        job = Long.parseLong(run.out().replaceAll("(?s).*Submitted job (\\d+).*", "$1"));
    }

    @Test
    void statusShowsStateCountsAndTheBestTrial() {
        Cli.Run run = cli.run("status", Long.toString(job));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("job " + job + " (iris-tiny): COMPLETED")
                .contains("objective  val_accuracy (maximize)")
                .contains("trials     3/3 done: ")
                .contains("best       ")
                .contains("params     {");
    }

    @Test
    void leaderboardAsTableJsonAndCsv() {
        List<String> table =
                cli.run("leaderboard", Long.toString(job)).out().lines().toList();
        assertThat(table.get(0)).startsWith("RANK  TRIAL  VALUE");
        assertThat(table.get(1)).startsWith("1 ");

        JsonNode json =
                Json.MAPPER.readTree(cli.run("leaderboard", Long.toString(job), "--format", "json", "--limit", "2")
                        .out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).path("rank").asInt()).isEqualTo(1);

        List<String> csv = cli.run("leaderboard", Long.toString(job), "--format=csv")
                .out()
                .lines()
                .toList();
        assertThat(csv.get(0))
                .isEqualTo(
                        "rank,trial,value,epochs_trained,best_epoch,duration_ms,epochs,hiddenLayers,learningRate,units");
        assertThat(csv).hasSize(1 + 3);
    }

    @Test
    void trialsListsEveryTrial() {
        Cli.Run run = cli.run("trials", Long.toString(job));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).hasSize(1 + 3);
        assertThat(run.out()).contains("COMPLETED");
    }

    @Test
    void cancellingAFinishedJobIsAUsageErrorWithTheServersReason() {
        Cli.Run run = cli.run("cancel", Long.toString(job));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("answered 409 Job already finished");
    }

    @Test
    void bestModelDownloadsTheDl4jZipWithAnnealsEntries() throws Exception {
        Path zip = dir.resolve("model.zip");

        Cli.Run run = cli.run("best-model", Long.toString(job), "-o", zip.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip())
                .matches(
                        "Saved the model of job " + job + " \\(iris-tiny\\), trial \\d+ \\(val_accuracy [0-9.]+\\), to "
                                + Pattern.quote(zip.toString()) + " \\(\\d+ (KB|bytes)\\)");
        assertThat(entries(zip)).contains("anneal/preprocessing.json", "anneal/job-spec.json", "configuration.json");
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void bestModelKeepsAnExistingFileUnlessForced() throws Exception {
        Path existing = Files.writeString(dir.resolve("keep.zip"), "mine");

        Cli.Run refused = cli.run("best-model", Long.toString(job), "-o", existing.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains(existing + " already exists; use --force to replace it");
        assertThat(Files.readString(existing)).isEqualTo("mine");

        Cli.Run forced = cli.run("best-model", Long.toString(job), "-o", existing.toString(), "--force");

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(entries(existing)).contains("configuration.json");
    }

    @Test
    void bestModelOfAJobWithoutACompletedTrialSaysWhyAndWritesNothing() {
        Cli.Run submit = cli.run(
                "submit",
                Specs.write(dir, "long.json", Specs.IRIS_LONG.replace("iris-long", "iris-no-model"))
                        .toString());
        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        String id = submit.out().replaceAll("(?s).*Submitted job (\\d+).*", "$1");
        // cancelled at once: its first trial (1000 epochs) cannot have completed
        assertThat(cli.run("cancel", id).exitCode()).isZero();
        Path zip = dir.resolve("none.zip");

        Cli.Run run = cli.run("best-model", id, "-o", zip.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("GET /api/v1/jobs/" + id + "/best-model answered 404 Model not available: job " + id
                        + " is CANCELLED and has no completed trial with a stored model");
        assertThat(zip).doesNotExist();
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void samplesOfAClassificationJobAreRefusedWithTheServersReason() {
        Path csv = dir.resolve("samples.csv");

        Cli.Run run = cli.run("best-model", Long.toString(job), "--samples", "-o", csv.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("answered 409 Not a generation job: job " + job
                        + " predicts a target; only generation (GAN) jobs and language models store generated samples");
        assertThat(csv).doesNotExist();
    }

    @Test
    void bestModelOfAnUnknownJobExits4() {
        Cli.Run run =
                cli.run("best-model", "999999", "-o", dir.resolve("unknown.zip").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("GET /api/v1/jobs/999999 answered 404");
        assertThat(dir.resolve("unknown.zip")).doesNotExist();
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** Scratch files of interrupted or refused downloads, which must not stay behind. */
    private static List<Path> scratchFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void datasetsUploadAndList() throws Exception {
        Path csv = Files.writeString(dir.resolve("points.csv"), "x,y,label\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n");

        Cli.Run upload = cli.run("datasets", "upload", csv.toString(), "--name", "points");
        Cli.Run list = cli.run("datasets", "list");

        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        assertThat(upload.out()).contains("Uploaded dataset points (id ").contains("4 rows, 3 columns");
        assertThat(list.out()).contains("iris").contains("points").contains("points.csv");
        assertThat(cli.run("datasets", "upload", csv.toString(), "--name", "points")
                        .err())
                .contains("answered 409");
        assertThat(cli.run("datasets").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
