package dev.anneal.db.dataset;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatasetRepository extends JpaRepository<DatasetEntity, Long> {

    Optional<DatasetEntity> findByName(String name);

    boolean existsByName(String name);
}
