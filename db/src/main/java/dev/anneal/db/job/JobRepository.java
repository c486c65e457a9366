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

    /** A project's job; another project's answers empty, as if it did not exist. */
    Optional<JobEntity> findByIdAndProjectId(long id, long projectId);

    boolean existsByIdAndProjectId(long id, long projectId);

    /**
     * A project's jobs, newest first, optionally in one state and carrying every given tag
     * ({@code tagsJson} a JSON object; {@code {}} matches all). The containment test uses the
     * GIN index on tags.
     */
    @Query(value = """
                    select * from job
                    where project_id = :project
                      and (cast(:state as text) is null or state = cast(:state as text))
                      and tags @> cast(:tagsJson as jsonb)
                    order by created_at desc, id desc
                    """, countQuery = """
                    select count(*) from job
                    where project_id = :project
                      and (cast(:state as text) is null or state = cast(:state as text))
                      and tags @> cast(:tagsJson as jsonb)
                    """, nativeQuery = true)
    Page<JobEntity> search(long project, String state, String tagsJson, Pageable pageable);

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
