package dev.anneal.db.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.db.testing.Fixtures;
import dev.anneal.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database holds trials to {@link TrialState}'s lifecycle: from every state, a direct
 * {@code update} to every other state succeeds exactly when {@link TrialState#canTransitionTo}
 * allows it, whichever code issues it.
 */
@SpringBootTest
class TrialStateMachineIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcClient jdbc;

    long job;

    @BeforeEach
    void clean() {
        jdbc.sql("truncate job, trial, trial_metric restart identity cascade").update();
        job = new Fixtures(jdbc).runningJob("MAXIMIZE");
    }

    @ParameterizedTest
    @EnumSource(TrialState.class)
    void onlyTheLifecycleMovesAreAllowed(TrialState from) {
        for (TrialState to : TrialState.values()) {
            long trial = trialIn(from, to.ordinal());
            if (from == to || from.canTransitionTo(to)) {
                setState(trial, to);
                assertThat(state(trial)).as(from + " -> " + to).isEqualTo(to.name());
            } else {
                assertThatThrownBy(() -> setState(trial, to))
                        .as(from + " -> " + to)
                        .hasMessageContaining("cannot go from " + from + " to " + to);
                assertThat(state(trial)).as(from + " -> " + to + " left it").isEqualTo(from.name());
            }
        }
    }

    private long trialIn(TrialState state, int offset) {
        return jdbc.sql("""
                insert into trial (job_id, number, state, params, rank_key)
                values (:job, :number, :state, '{}'::jsonb, case when :state = 'COMPLETED' then 0.5 end)
                returning id
                """)
                .param("job", job)
                .param("number", state.ordinal() * 10 + offset)
                .param("state", state.name())
                .query(Long.class)
                .single();
    }

    private void setState(long trial, TrialState to) {
        // a completed trial has a rank key and no other state does (trial_rank_key_check)
        jdbc.sql("update trial set state = :state, rank_key = case when :state = 'COMPLETED' then 0.5 end"
                        + " where id = :id")
                .param("state", to.name())
                .param("id", trial)
                .update();
    }

    private String state(long trial) {
        return jdbc.sql("select state from trial where id = :id")
                .param("id", trial)
                .query(String.class)
                .single();
    }
}
