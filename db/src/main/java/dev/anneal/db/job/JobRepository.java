package dev.anneal.db.job;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface JobRepository extends JpaRepository<JobEntity, Long> {

    Page<JobEntity> findByState(JobState state, Pageable pageable);

    @Query("select j.id from JobEntity j where j.state in :states order by j.id")
    List<Long> findIdsByStateIn(Collection<JobState> states);

    /**
     * Loads the job and holds its row lock until the transaction ends. The scheduler takes it
     * before creating trials, so two scheduler passes (or two api replicas) never number
     * trials of one job at the same time.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from JobEntity j where j.id = :id")
    Optional<JobEntity> findByIdForUpdate(Long id);
}
