package dev.anneal.api.dataset;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.api.web.PageResponse;
import dev.anneal.api.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets", description = "Upload CSV datasets and read their profiles")
class DatasetController {

    private final DatasetService datasets;

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a dataset",
            description = "Multipart form with `file` (.csv or .csv.gz: header row, comma separated, UTF-8) and `name`."
                    + " Limits (anneal.limits.dataset.*): upload size, size after decompression, and cells;"
                    + " over one is 413")
    ResponseEntity<DatasetResponse> upload(@RequestPart("file") MultipartFile file, @RequestParam("name") String name) {
        if (file.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_DATASET, "Invalid dataset", "the file is empty");
        }
        DatasetResponse stored = datasets.store(name, file.getOriginalFilename(), file::getInputStream, false);
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + stored.id()))
                .body(stored);
    }

    @GetMapping
    @Operation(summary = "List datasets by name")
    PageResponse<DatasetResponse> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(datasets.list(Paging.of(page, size, Sort.by("name"))), d -> d);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A dataset with its profile")
    DatasetResponse get(@PathVariable long id) {
        return datasets.get(id);
    }
}
