package dev.anneal.api.dataset;

import dev.anneal.api.problem.ApiProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Registers the sample datasets that ship in the jar (see {@code datasets/ATTRIBUTION.md}) on
 * first start, so a new user can submit a job before uploading anything.
 */
@Component
class BuiltinDatasets implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltinDatasets.class);
    static final List<String> NAMES = List.of("iris", "wine", "digits");

    private final DatasetService datasets;

    BuiltinDatasets(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String name : NAMES) {
            if (datasets.builtinExists(name)) {
                continue;
            }
            ClassPathResource file = new ClassPathResource("datasets/" + name + ".csv");
            if (!file.exists()) {
                throw new IllegalStateException("built-in dataset " + name + " is missing from the jar");
            }
            try {
                datasets.store(name, name + ".csv", file::getInputStream, true);
                log.info("Registered built-in dataset {}", name);
            } catch (ApiProblem e) {
                // another server registered it at the same moment
                log.debug("Built-in dataset {} not registered: {}", name, e.getMessage());
            }
        }
    }
}
