package dev.anneal.api.access;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each id in an API route's path names, read from the route's pattern
 * ({@code /api/v1/jobs/{jobId}/trials/{number}}): a variable right after {@code jobs} is a job,
 * after {@code datasets} a dataset, after {@code trials} a trial of the job before it, after
 * {@code tokens} a token (resolved by the token service against the caller's project). A route
 * with any other variable does not start ({@link RouteAudit}): whoever adds it must say here
 * how its ids are scoped.
 */
final class PathIds {

    enum Kind {
        /** checked against the caller's project before the controller runs */
        JOB,
        /** checked against the caller's project before the controller runs */
        DATASET,
        /** a trial number under a job, which is checked */
        TRIAL,
        /** a token id, which the token service resolves within the caller's project */
        TOKEN
    }

    record Id(String variable, Kind kind) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    private PathIds() {}

    /**
     * @throws IllegalArgumentException for a variable whose kind the pattern does not tell
     */
    static List<Id> of(String pattern) {
        List<Id> ids = new ArrayList<>();
        String[] segments = pattern.split("/");
        for (int i = 0; i < segments.length; i++) {
            Matcher m = VARIABLE.matcher(segments[i]);
            if (!m.matches()) {
                if (segments[i].contains("{")) {
                    throw unknown(pattern, segments[i]);
                }
                continue;
            }
            String before = i > 0 ? segments[i - 1] : "";
            Kind kind = switch (before) {
                case "jobs" -> Kind.JOB;
                case "datasets" -> Kind.DATASET;
                case "trials" -> Kind.TRIAL;
                case "tokens" -> Kind.TOKEN;
                default -> throw unknown(pattern, segments[i]);
            };
            if (kind == Kind.TRIAL && ids.stream().noneMatch(id -> id.kind() == Kind.JOB)) {
                throw unknown(pattern, segments[i]);
            }
            ids.add(new Id(m.group(1), kind));
        }
        return ids;
    }

    private static IllegalArgumentException unknown(String pattern, String segment) {
        return new IllegalArgumentException("the route " + pattern + " has the path variable " + segment
                + " whose project scope is unknown; name it after jobs/, datasets/, trials/ or tokens/, or teach"
                + " dev.anneal.api.access.PathIds how to scope it");
    }
}
