package dev.anneal.api.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Jobs")
class JobEventsController {

    private final JobEventHub hub;

    JobEventsController(JobEventHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/api/v1/jobs/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Live events of a job (Server-Sent Events)",
            description = "job: the job now and on every change; trial: a trial that was created, changed state "
                    + "or trained an epoch; heartbeat: every 15 s. Read from PostgreSQL, so trials trained "
                    + "by workers in other processes count too.")
    SseEmitter events(@PathVariable long jobId) {
        return hub.subscribe(jobId);
    }
}
