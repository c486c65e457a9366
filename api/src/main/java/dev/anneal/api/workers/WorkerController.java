package dev.anneal.api.workers;

import dev.anneal.api.access.AdminOnly;
import dev.anneal.api.scheduler.SchedulerProperties;
import dev.anneal.db.worker.WorkerRecord;
import dev.anneal.db.worker.WorkerRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cluster's workers: host names, process ids and what every project's trials keep busy,
 * which is the operator's business and no single project's, so admin tokens only.
 */
@RestController
@RequestMapping("/api/v1/workers")
@Tag(name = "Workers", description = "Worker processes and threads that train trials")
@AdminOnly
class WorkerController {

    /** Stopped or vanished workers stay listed this long, so a crash is visible afterwards. */
    static final Duration SHOWN_FOR = Duration.ofHours(24);

    private final WorkerRegistry registry;
    private final SchedulerProperties scheduler;

    WorkerController(WorkerRegistry registry, SchedulerProperties scheduler) {
        this.registry = registry;
        this.scheduler = scheduler;
    }

    @GetMapping
    @Operation(
            summary = "Workers seen in the last 24 hours",
            description = "alive: running and heartbeating within anneal.scheduler.dead-after")
    List<WorkerRecord> list() {
        return registry.recent(SHOWN_FOR, scheduler.deadAfter());
    }
}
