package dev.anneal.api.importance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Trials")
class ImportanceController {

    private final ImportanceService importance;

    ImportanceController(ImportanceService importance) {
        this.importance = importance;
    }

    @GetMapping("/api/v1/jobs/{jobId}/importance")
    @Operation(
            summary = "How much each searched parameter explains the objective",
            description = "Permutation importance on a random forest fitted to the completed trials; "
                    + "empty until 4 trials completed. Importances are non-negative and sum to 1. "
                    + "Fitted once per number of completed trials, then answered from memory.")
    ParameterImportance get(@PathVariable long jobId) {
        return importance.of(jobId);
    }
}
