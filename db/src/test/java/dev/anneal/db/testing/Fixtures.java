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

    public void ageHeartbeat(long trialId, int seconds) {
        jdbc.sql("update trial set heartbeat_at = now() - :s * interval '1 second' where id = :id")
                .param("s", seconds)
                .param("id", trialId)
                .update();
    }
}
