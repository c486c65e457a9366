package dev.anneal.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.http.Json;
import dev.anneal.cli.support.AnnealServer;
import dev.anneal.cli.support.Cli;
import dev.anneal.cli.support.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The read commands on a job trained by the real server, and the datasets commands. */
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
    void bestModelSaysModelsAreNotStoredYet() {
        Cli.Run run = cli.run(
                "best-model", Long.toString(job), "-o", dir.resolve("model.zip").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("the server does not store trained models yet");
        assertThat(dir.resolve("model.zip")).doesNotExist();
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
