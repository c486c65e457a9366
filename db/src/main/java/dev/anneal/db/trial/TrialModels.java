package dev.anneal.db.trial;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trained models of trials. A worker stores its trial's model just before completing it, fenced
 * by the lease like every holder write; a job that finishes keeps only its best trial's model.
 */
@Repository
public class TrialModels {

    public static final String NETWORK = "dl4j-network";
    public static final String GAN_GENERATOR = "dl4j-gan-generator";

    /** A stored model and what it was trained with. */
    public record StoredModel(
            long trialId, int trialNumber, String format, byte[] model, String samples, String preprocessing) {}

    /** Which trial's model is the job's best, without the model's bytes; {@code params} as JSON. */
    public record BestTrial(long trialId, int trialNumber, String format, String preprocessing, String params) {}

    /**
     * The job's best completed trial that has a stored model, in the leaderboard's order: one
     * definition for downloads, predictions and the clean-up when the job finishes.
     */
    private static final String BEST_WITH_MODEL = """
            select t.id from trial t join trial_model m on m.trial_id = t.id
             where t.job_id = :job and t.state = 'COMPLETED'
             order by t.rank_key, t.finished_at, t.number
             limit 1""";

    private final JdbcClient jdbc;

    public TrialModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores (or replaces, for a trial run again) the model of a running trial still held under
     * {@code lease}.
     *
     * @param samples generated rows as CSV (GAN), else {@code null}
     * @return {@code false} if the lease was lost: nothing was written
     */
    public boolean save(Lease lease, String format, byte[] model, String samples) {
        return jdbc.sql("""
                        insert into trial_model (trial_id, format, model, samples)
                        select id, :format, :model, :samples from trial
                         where id = :id and lease_version = :version and state = 'RUNNING'
                        on conflict (trial_id) do update
                           set format = excluded.format, model = excluded.model, samples = excluded.samples,
                               created_at = now()
                        """)
                        .param("id", lease.trialId())
                        .param("version", lease.version())
                        .param("format", format)
                        .param("model", model)
                        .param("samples", samples)
                        .update()
                == 1;
    }

    /** The model of the job's best completed trial that has one. */
    public Optional<StoredModel> best(long jobId) {
        return jdbc.sql("""
                select t.id, t.number, m.format, m.model, m.samples, t.preprocessing::text as preprocessing
                  from trial t join trial_model m on m.trial_id = t.id
                 where t.id = (%s)
                """.formatted(BEST_WITH_MODEL))
                .param("job", jobId)
                .query((rs, row) -> new StoredModel(
                        rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBytes(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /**
     * Which trial holds the job's best model, without reading the model itself: predictions ask
     * this on every request and read the bytes only when the trial's network is not loaded yet.
     */
    public Optional<BestTrial> bestTrial(long jobId) {
        return jdbc.sql("""
                select t.id, t.number, m.format, t.preprocessing::text as preprocessing, t.params::text as params
                  from trial t join trial_model m on m.trial_id = t.id
                 where t.id = (%s)
                """.formatted(BEST_WITH_MODEL))
                .param("job", jobId)
                .query((rs, row) ->
                        new BestTrial(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** A trial's model zip; empty if it has none (any more: a finished job keeps only its best). */
    public Optional<byte[]> model(long trialId) {
        return jdbc.sql("select model from trial_model where trial_id = :id")
                .param("id", trialId)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    /** Deletes every model of the job except its best trial's; returns how many went. */
    public int keepOnlyBest(long jobId) {
        return jdbc.sql("""
                delete from trial_model d using trial o
                 where d.trial_id = o.id and o.job_id = :job and d.trial_id is distinct from (%s)
                """.formatted(BEST_WITH_MODEL)).param("job", jobId).update();
    }
}
