package dev.anneal.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.api.access.PathIds.Id;
import dev.anneal.api.access.PathIds.Kind;
import org.junit.jupiter.api.Test;

class PathIdsTest {

    @Test
    void readsWhatEachPathIdNames() {
        assertThat(PathIds.of("/api/v1/jobs/{id}")).containsExactly(new Id("id", Kind.JOB));
        assertThat(PathIds.of("/api/v1/jobs/{jobId}/trials/{number}/tell"))
                .containsExactly(new Id("jobId", Kind.JOB), new Id("number", Kind.TRIAL));
        assertThat(PathIds.of("/api/v1/datasets/{id}")).containsExactly(new Id("id", Kind.DATASET));
        assertThat(PathIds.of("/api/v1/tokens/{id}")).containsExactly(new Id("id", Kind.TOKEN));
        assertThat(PathIds.of("/api/v1/jobs/{jobId:\\d+}/events")).containsExactly(new Id("jobId", Kind.JOB));
        assertThat(PathIds.of("/api/v1/workers")).isEmpty();
    }

    @Test
    void aVariableOfUnknownScopeIsRefused() {
        assertThatThrownBy(() -> PathIds.of("/api/v1/experiments/{id}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/api/v1/experiments/{id}")
                .hasMessageContaining("PathIds");
        assertThatThrownBy(() -> PathIds.of("/api/v1/trials/{number}"))
                .as("a trial number means nothing without its job")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathIds.of("/api/v1/jobs/job-{id}")).isInstanceOf(IllegalArgumentException.class);
    }
}
