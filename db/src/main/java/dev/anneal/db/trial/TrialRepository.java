package dev.anneal.db.trial;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrialRepository extends JpaRepository<TrialEntity, Long> {

    Optional<TrialEntity> findByJobIdAndNumber(long jobId, int number);

    /** Trials numbered above {@code after}: what a poller has not seen yet (unique index on job and number). */
    Page<TrialEntity> findByJobIdAndNumberGreaterThan(long jobId, int after, Pageable pageable);

    Page<TrialEntity> findByJobIdAndStateAndNumberGreaterThan(
            long jobId, TrialState state, int after, Pageable pageable);

    List<TrialEntity> findByJobIdAndNumberIn(long jobId, java.util.Collection<Integer> numbers);

    List<TrialEntity> findByJobIdOrderByNumber(long jobId);

    List<TrialEntity> findByJobIdInAndStateOrderByJobIdAscNumberAsc(
            java.util.Collection<Long> jobIds, TrialState state);

    /** Trial counts of one job, one row per state present: {@code [TrialState, Long]}. */
    @Query("select t.state, count(t) from TrialEntity t where t.jobId = :jobId group by t.state")
    List<Object[]> countByStateRows(long jobId);

    long countByState(TrialState state);
}
