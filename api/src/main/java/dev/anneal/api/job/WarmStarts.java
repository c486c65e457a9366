package dev.anneal.api.job;

import dev.anneal.db.job.JobRepository;
import tools.jackson.databind.json.JsonMapper;

/** A job's warm start, checked against the earlier jobs of the submitting project. */
record WarmStarts(JobRepository jobs, JsonMapper json) {

    WarmStart parse(SpecNode root, SearchRules.Search search, ObjectiveRules.Objective objective, long project) {
        if (search.space() == null) {
            return WarmStart.NONE;
        }
        return WarmStartParser.parse(
                root,
                search.space().space(),
                objective.metric(),
                objective.direction(),
                search.maxTrials(),
                id -> jobs.findByIdAndProjectId(id, project),
                json);
    }
}
