package dev.anneal.db.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data written with plain SQL, so fixtures do not depend on the code under test. */
public final class Fixtures {

    private final JdbcClient jdbc;

    public Fixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long runningJob(String direction) {
        return jdbc.sql("""
                insert into job (name, state, spec, algorithm, objective_metric, direction, max_trials, parallelism, started_at)
                values ('fixture', 'RUNNING', '{}'::jsonb, 'random', 'val_accuracy', :direction, 1000, 1000, now())
                returning id
                """).param("direction", direction).query(Long.class).single();
    }

    /** A running external job (its trials are asked and told by a client). */
    public long runningExternalJob(String direction, int maxTrials) {
        return jdbc.sql("""
                insert into job (name, state, spec, execution, algorithm, objective_metric, direction, max_trials,
                                 parallelism, started_at)
                values ('external fixture', 'RUNNING', '{}'::jsonb, 'EXTERNAL', 'random', 'loss', :direction, :max, 1,
                        now())
                returning id
                """)
                .param("direction", direction)
                .param("max", maxTrials)
                .query(Long.class)
                .single();
    }

    public void queueTrials(long jobId, int count) {
        jdbc.sql("""
                insert into trial (job_id, number, state, params)
                select :job, n, 'QUEUED', jsonb_build_object('x', n) from generate_series(0, :count - 1) n
                """).param("job", jobId).param("count", count).update();
    }

    public String trialState(long trialId) {
        return jdbc.sql("select state from trial where id = :id")
                .param("id", trialId)
                .query(String.class)
                .single();
    }

    /** Moves a running external trial's deadline {@code seconds} into the past. */
    public void pastDeadline(long jobId, int number, int seconds) {
        jdbc.sql("update trial set expires_at = now() - :s * interval '1 second' where job_id = :job and number = :n")
                .param("s", seconds)
                .param("job", jobId)
                .param("n", number)
                .update();
    }

    public void ageHeartbeat(long trialId, int seconds) {
        jdbc.sql("update trial set heartbeat_at = now() - :s * interval '1 second' where id = :id")
                .param("s", seconds)
                .param("id", trialId)
                .update();
    }
}
