package dev.anneal.db.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

    @JdbcTypeCode(SqlTypes.JSON)
    private String preprocessing;

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
}
