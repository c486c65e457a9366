package dev.anneal.api.dataset;

import dev.anneal.api.problem.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
            try (InputStream in = new ClassPathResource("datasets/" + name + ".csv").getInputStream()) {
                datasets.store(name, name + ".csv", in.readAllBytes(), true);
                log.info("Registered built-in dataset {}", name);
            } catch (IOException e) {
                throw new UncheckedIOException("built-in dataset " + name + " is missing from the jar", e);
            } catch (ApiProblem e) {
                // another server registered it at the same moment
                log.debug("Built-in dataset {} not registered: {}", name, e.getMessage());
            }
        }
    }
}
