package dev.anneal.api.asktell;

import dev.anneal.api.trial.TrialResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/jobs/{jobId}/trials")
@Tag(name = "Ask/tell", description = "Trials of external jobs: the client evaluates them and tells the result")
class AskTellController {

    private final AskTellService service;

    AskTellController(AskTellService service) {
        this.service = service;
    }

    // no consumes: a bare POST without a body (or a content type) is a valid ask
    @PostMapping("/ask")
    @Operation(
            summary = "Ask for a trial to evaluate",
            description = "201 with a new trial's number and parameters; 200 with the same trial when the optional"
                    + " clientId already holds a running trial of the job; 409 once maxTrials trials exist.")
    ResponseEntity<AskResponse> ask(@PathVariable long jobId, @RequestBody(required = false) JsonNode body) {
        TrialChooser.Chosen asked = service.ask(jobId, AskRequest.from(body));
        if (!asked.created()) {
            return ResponseEntity.ok(asked.trial());
        }
        URI location =
                URI.create("/api/v1/jobs/" + jobId + "/trials/" + asked.trial().number());
        return ResponseEntity.created(location).body(asked.trial());
    }

    @PostMapping(path = "/{number}/tell", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Tell a trial's result",
            description = "{\"value\": v} completes the trial; {\"state\": \"FAILED\", \"error\": \"...\"} fails it."
                    + " 409 if it was already told, expired or cancelled.")
    TrialResponse tell(@PathVariable long jobId, @PathVariable int number, @RequestBody JsonNode body) {
        return service.tell(jobId, number, TellRequest.from(body));
    }

    @PostMapping(path = "/{number}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Report an intermediate value of a running trial",
            description = "{\"step\": k, \"value\": v}; extends the trial's deadline. Answers whether to prune it.")
    ReportResponse report(@PathVariable long jobId, @PathVariable int number, @RequestBody JsonNode body) {
        return service.report(jobId, number, ReportRequest.from(body));
    }
}
