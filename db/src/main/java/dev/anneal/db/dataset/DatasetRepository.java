package dev.anneal.db.dataset;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Datasets as a project sees them: its own uploads plus the built-in samples (project null),
 * which every project shares.
 */
public interface DatasetRepository extends JpaRepository<DatasetEntity, Long> {

    @Query("select d from DatasetEntity d where d.name = :name and (d.projectId = :project or d.projectId is null)")
    Optional<DatasetEntity> findVisible(String name, long project);

    @Query("select d from DatasetEntity d where d.id = :id and (d.projectId = :project or d.projectId is null)")
    Optional<DatasetEntity> findVisible(long id, long project);

    @Query("select d from DatasetEntity d where d.projectId = :project or d.projectId is null")
    Page<DatasetEntity> findVisible(long project, Pageable pageable);

    /** Built-in samples, by name; at most one each. */
    Optional<DatasetEntity> findByNameAndBuiltinTrue(String name);
}
