package dev.anneal.db.trial;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrialRepository extends JpaRepository<TrialEntity, Long> {

    Page<TrialEntity> findByJobId(long jobId, Pageable pageable);

    Page<TrialEntity> findByJobIdAndState(long jobId, TrialState state, Pageable pageable);

    Optional<TrialEntity> findByJobIdAndNumber(long jobId, int number);

    List<TrialEntity> findByJobIdOrderByNumber(long jobId);

    List<TrialEntity> findByJobIdInAndStateOrderByJobIdAscNumberAsc(
            java.util.Collection<Long> jobIds, TrialState state);

    /** Trial counts of one job, one row per state present: {@code [TrialState, Long]}. */
    @Query("select t.state, count(t) from TrialEntity t where t.jobId = :jobId group by t.state")
    List<Object[]> countByStateRows(long jobId);

    long countByState(TrialState state);
}
