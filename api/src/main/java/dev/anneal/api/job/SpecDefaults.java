package dev.anneal.api.job;

import dev.anneal.spec.JobSpec;
import java.util.Optional;
import java.util.Set;

/** The job's name and description, and the preparation settings that are not searched, with their defaults. */
final class SpecDefaults {

    private SpecDefaults() {}

    /** Settings of data preparation that are not searched, with their defaults. */
    static JobSpec.PreprocessingSpec preprocessing(SpecNode root) {
        Optional<SpecNode> node = root.object("preprocessing", false);
        node.ifPresent(p -> p.rejectUnknown(Set.of("fillValue", "flips")));
        double fillValue = node.flatMap(p -> p.number("fillValue", false)).orElse(0.0);
        boolean flips = node.flatMap(p -> p.bool("flips")).orElse(false);
        return new JobSpec.PreprocessingSpec(fillValue, flips);
    }

    static String name(SpecNode root, String fallback) {
        Optional<String> name = root.string("name", false);
        name.filter(n -> n.length() > 200)
                .ifPresent(n -> root.error("name", "must be at most 200 characters, but has " + n.length()));
        return name.orElse(fallback);
    }

    static final int MAX_DESCRIPTION_LENGTH = 2000;

    /** What the job is for: free text, kept with the spec and shown with the job. */
    static String description(SpecNode root) {
        Optional<String> description = root.string("description", false);
        description
                .filter(d -> d.length() > MAX_DESCRIPTION_LENGTH)
                .ifPresent(d -> root.error(
                        "description",
                        "must be at most " + MAX_DESCRIPTION_LENGTH + " characters, but has " + d.length()));
        return description.orElse(null);
    }
}
