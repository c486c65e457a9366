package dev.anneal.db.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A trial as read by the API and the scheduler. JPA inserts DL4J trials (QUEUED) and never
 * updates any trial: every later change is a fenced statement in {@link TrialQueue}, and
 * external trials are inserted and finished by {@link ExternalTrials}, so the concurrency story
 * lives in those two classes.
 */
@Entity
@Immutable
@Table(name = "trial")
public class TrialEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long jobId;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TrialState state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String params;

    private Double value;

    private Double rankKey;

    private Integer bestEpoch;

    private int epochsTrained;

    private int attempt;

    private long leaseVersion;

    private String workerId;

    private Instant heartbeatAt;

    private String stopRequest;

    private String failureReason;

    /** PRUNED trials: why the job's pruner stopped it. */
    private String pruneReason;

    @JdbcTypeCode(SqlTypes.JSON)
    private String preprocessing;

    /** k-fold validation: the objective per fold at the chosen epoch (a JSON array). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fold_values")
    private String foldValues;

    /** Jobs with several objectives (or constraints): every objective's value, in the spec's order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "objective_values")
    private Double[] objectiveValues;

    /** DL4J classification and regression trials: the kept network's cost (a JSON object). */
    @JdbcTypeCode(SqlTypes.JSON)
    private String cost;

    /** Jobs with constraints: each constraint's value, satisfied when ≤ 0. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "constraint_values")
    private Double[] constraintValues;

    /** Jobs with several objectives or constraints: 0 on the Pareto front of the feasible trials. */
    private Integer paretoRank;

    /** External trials: who asked for it, if the client said. */
    private String clientId;

    /** External trials: when a running one counts as failed unless told or reported before. */
    private Instant expiresAt;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant queuedAt;

    private Instant startedAt;

    private Instant finishedAt;

    protected TrialEntity() {}

    /** A new QUEUED trial. */
    public TrialEntity(long jobId, int number, String params) {
        this.jobId = jobId;
        this.number = number;
        this.params = params;
        this.state = TrialState.QUEUED;
    }

    /**
     * A detached snapshot of a trial row, for statements that change a trial and return it in
     * one round trip ({@code ... returning t.*}) instead of reading it back through JPA.
     */
    static TrialEntity fromRow(ResultSet rs) throws SQLException {
        TrialEntity t = new TrialEntity();
        t.id = rs.getLong("id");
        t.jobId = rs.getLong("job_id");
        t.number = rs.getInt("number");
        t.state = TrialState.valueOf(rs.getString("state"));
        t.params = rs.getString("params");
        t.value = rs.getObject("value", Double.class);
        t.rankKey = rs.getObject("rank_key", Double.class);
        t.bestEpoch = rs.getObject("best_epoch", Integer.class);
        t.epochsTrained = rs.getInt("epochs_trained");
        t.attempt = rs.getInt("attempt");
        t.leaseVersion = rs.getLong("lease_version");
        t.workerId = rs.getString("worker_id");
        t.heartbeatAt = instant(rs, "heartbeat_at");
        t.stopRequest = rs.getString("stop_request");
        t.failureReason = rs.getString("failure_reason");
        t.pruneReason = rs.getString("prune_reason");
        t.preprocessing = rs.getString("preprocessing");
        t.foldValues = rs.getString("fold_values");
        t.objectiveValues = doubles(rs.getArray("objective_values"));
        t.constraintValues = doubles(rs.getArray("constraint_values"));
        t.paretoRank = rs.getObject("pareto_rank", Integer.class);
        t.cost = rs.getString("cost");
        t.clientId = rs.getString("client_id");
        t.expiresAt = instant(rs, "expires_at");
        t.queuedAt = instant(rs, "queued_at");
        t.startedAt = instant(rs, "started_at");
        t.finishedAt = instant(rs, "finished_at");
        return t;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public Long getId() {
        return id;
    }

    public long getJobId() {
        return jobId;
    }

    public int getNumber() {
        return number;
    }

    public TrialState getState() {
        return state;
    }

    public String getParams() {
        return params;
    }

    /** A {@code double precision[]} column as read by JDBC, or null. */
    static Double[] doubles(java.sql.Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : ((Number) values[i]).doubleValue();
        }
        return out;
    }

    /** Every objective's value, or empty when the trial has none stored (one-objective jobs without constraints). */
    public java.util.List<Double> getObjectiveValues() {
        return objectiveValues == null ? java.util.List.of() : java.util.Arrays.asList(objectiveValues);
    }

    public java.util.List<Double> getConstraintValues() {
        return constraintValues == null ? java.util.List.of() : java.util.Arrays.asList(constraintValues);
    }

    public String getCost() {
        return cost;
    }

    public Integer getParetoRank() {
        return paretoRank;
    }

    public Double getValue() {
        return value;
    }

    public Integer getBestEpoch() {
        return bestEpoch;
    }

    public int getEpochsTrained() {
        return epochsTrained;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getWorkerId() {
        return workerId;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public String getPruneReason() {
        return pruneReason;
    }

    public String getPreprocessing() {
        return preprocessing;
    }

    public String getClientId() {
        return clientId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getFoldValues() {
        return foldValues;
    }
}
