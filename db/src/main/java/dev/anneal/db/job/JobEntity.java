package dev.anneal.db.job;

import dev.anneal.tuner.study.Direction;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tuning job. The normalized spec is kept whole as JSON; the columns beside it are the parts
 * the database must filter or rank on.
 */
@Entity
@Table(name = "job")
public class JobEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String spec;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobExecution execution;

    private Long datasetId;

    @Column(nullable = false)
    private String algorithm;

    @Column(nullable = false)
    private String objectiveMetric;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Column(nullable = false)
    private int maxTrials;

    @Column(nullable = false)
    private int parallelism;

    private String stateReason;

    /** Set by the database's default on insert and read back by Hibernate. */
    @Generated
    @Column(nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    private Instant startedAt;

    private Instant finishedAt;

    /** The project that owns the job; tokens of other projects do not see it. */
    @Column(nullable = false, updatable = false)
    private long projectId;

    /** Labels given at submission, as a JSON object of strings. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private String tags;

    protected JobEntity() {}

    public JobEntity(
            String name,
            String spec,
            JobExecution execution,
            Long datasetId,
            String algorithm,
            String objectiveMetric,
            Direction direction,
            int maxTrials,
            int parallelism,
            long projectId,
            String tags) {
        this.name = name;
        this.projectId = projectId;
        this.tags = tags;
        this.state = JobState.QUEUED;
        this.spec = spec;
        this.execution = execution;
        this.datasetId = datasetId;
        this.algorithm = algorithm;
        this.objectiveMetric = objectiveMetric;
        this.direction = direction;
        this.maxTrials = maxTrials;
        this.parallelism = parallelism;
    }

    /**
     * Moves the job to {@code next}, stamping start and finish times.
     *
     * @throws IllegalJobTransitionException if the lifecycle does not allow it
     */
    public void transitionTo(JobState next, String reason, Instant now) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalJobTransitionException(id, state, next);
        }
        state = next;
        if (reason != null) {
            stateReason = reason;
        }
        if (next == JobState.RUNNING) {
            startedAt = now;
        }
        if (next.isFinished()) {
            finishedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public String getTags() {
        return tags;
    }

    public String getName() {
        return name;
    }

    public JobState getState() {
        return state;
    }

    public String getSpec() {
        return spec;
    }

    public JobExecution getExecution() {
        return execution;
    }

    public boolean isExternal() {
        return execution == JobExecution.EXTERNAL;
    }

    public Long getDatasetId() {
        return datasetId;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getObjectiveMetric() {
        return objectiveMetric;
    }

    public Direction getDirection() {
        return direction;
    }

    public int getMaxTrials() {
        return maxTrials;
    }

    public int getParallelism() {
        return parallelism;
    }

    public String getStateReason() {
        return stateReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
