package dev.anneal.api.job;

import dev.anneal.api.web.PageResponse;
import dev.anneal.api.web.Paging;
import dev.anneal.db.job.JobState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Submit tuning jobs, follow them and cancel them")
class JobController {

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a tuning job", description = "The README's job-spec reference documents every field.")
    ResponseEntity<JobResponse> submit(
            @RequestBody JsonNode spec,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey) {
        JobService.Submitted submitted = jobs.submit(spec, idempotencyKey);
        return ResponseEntity.created(
                        URI.create("/api/v1/jobs/" + submitted.job().id()))
                .header("Idempotent-Replayed", Boolean.toString(submitted.replayed()))
                .body(submitted.job());
    }

    @GetMapping
    @Operation(
            summary = "List the project's jobs, newest first, optionally by state and tags",
            description = "tag=key:value (repeatable: every tag must match); latest=true answers only the newest"
                    + " match, e.g. ?tag=branch:main&state=COMPLETED&latest=true for a CI baseline")
    PageResponse<JobResponse> list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) List<String> tag,
            @RequestParam(defaultValue = "false") boolean latest,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        // the query orders by creation itself; a Sort here would be appended to its SQL
        var request = Paging.of(page, size, Sort.unsorted());
        return PageResponse.of(
                jobs.list(Paging.enumParam("state", state, JobState.class), TagFilter.parse(tag), latest, request),
                j -> j);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job's state, trial counts and best trial")
    JobResponse get(@PathVariable long id) {
        return jobs.get(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running job")
    JobResponse cancel(@PathVariable long id) {
        return jobs.cancel(id);
    }
}
