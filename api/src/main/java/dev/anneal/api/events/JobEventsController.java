package dev.anneal.api.events;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.security.CurrentCaller;
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
    private final ProjectScope scope;
    private final CurrentCaller caller;

    JobEventsController(JobEventHub hub, ProjectScope scope, CurrentCaller caller) {
        this.hub = hub;
        this.scope = scope;
        this.caller = caller;
    }

    @GetMapping(path = "/api/v1/jobs/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Live events of a job (Server-Sent Events)",
            description = "job: the job now and on every change; trial: a trial that was created, changed state "
                    + "or trained an epoch; heartbeat: every anneal.events.heartbeat-interval (15 s). Read from "
                    + "PostgreSQL, so trials trained by workers in other processes count too. The stream ends when "
                    + "the token that opened it is revoked; a token holds at most "
                    + "anneal.events.max-streams-per-token (8) streams, 429 beyond.")
    SseEmitter events(@PathVariable long jobId) {
        // checked here, on the request's thread; the hub's poller then reads this job without a caller
        return hub.subscribe(scope.job(jobId), caller.get().tokenId());
    }
}
