package dev.anneal.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.security.CurrentCaller;
import dev.anneal.db.job.JobRepository;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The module rules of DESIGN.md that Maven's dependency graph alone does not enforce. */
class ArchitectureTest {

    static final JavaClasses ANNEAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.anneal");

    @Test
    void deepLearningLibrariesAppearOnlyInTheWorker() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.anneal.worker..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .check(ANNEAL);
    }

    @Test
    void entitiesLiveInTheDbModule() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage("dev.anneal.db..")
                .check(ANNEAL);
    }

    @Test
    void controllersAreInTheApiAndNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage("dev.anneal.api..")
                .andShould()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(ANNEAL);
    }

    @Test
    void nothingBelowTheApiDependsOnIt() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.anneal.db..", "dev.anneal.tuner..", "dev.anneal.worker..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.anneal.api..")
                .check(ANNEAL);
    }

    /**
     * The scheduler, event streams, importance fits and web plumbing take their log keys, meter
     * names and in-process signals from dev.anneal.db.shared; the worker is for training, and
     * the api imports it only to run embedded workers, validate against what they train and
     * serve predictions.
     */
    @Test
    void theApiTakesCrossCuttingNamesFromTheSharedPackage() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.anneal.api.scheduler..",
                        "dev.anneal.api.events..",
                        "dev.anneal.api.importance..",
                        "dev.anneal.api.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.anneal.worker..")
                .check(ANNEAL);
    }

    /**
     * The api imports the worker only to serve predictions with the worker's encoders and
     * networks ({@code api.model}); embedded workers run through component scanning of
     * {@code dev.anneal.worker.config}, not imports. Spec checks read {@code spec.catalog},
     * uploads {@code data}, ask/tell's pruning {@code db.prune}.
     */
    @Test
    void onlyPredictionsImportTheWorker() {
        noClasses()
                .that()
                .resideInAPackage("dev.anneal.api..")
                .and()
                .resideOutsideOfPackage("dev.anneal.api.model..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.anneal.worker..")
                .check(ANNEAL);
    }

    /** The shared names are names: they reach nothing of Anneal's beyond themselves. */
    @Test
    void theSharedNamesDependOnNothingOfAnneals() {
        classes()
                .that()
                .resideInAPackage("dev.anneal.db.shared..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.slf4j..", "dev.anneal.db.shared..")
                .check(ANNEAL);
    }

    /** Workers decide pruning after each epoch (DESIGN.md allows it), but never sample. */
    @Test
    void theWorkerUsesPrunersButNoSearchAlgorithms() {
        noClasses()
                .that()
                .resideInAPackage("dev.anneal.worker..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.anneal.tuner.sampler..", "dev.anneal.tuner.space..")
                .check(ANNEAL);
    }

    /**
     * DESIGN.md "Several teams, one server": a request resolves job ids through ProjectScope,
     * which checks them against the caller's project; only background work, which acts for no
     * caller, reads jobs by id alone.
     */
    @Test
    void requestsReadJobsByIdOnlyThroughTheProjectScope() {
        noClasses()
                .that()
                .resideInAPackage("dev.anneal.api..")
                .and()
                .resideOutsideOfPackages("dev.anneal.api.access..", "dev.anneal.api.scheduler..")
                .should()
                .callMethod(JobRepository.class, "findById", Object.class)
                .orShould()
                .callMethod(JobRepository.class, "findByIdForUpdate", Long.class)
                .orShould()
                .callMethod(JobRepository.class, "existsById", Object.class)
                .orShould()
                .callMethod(JobRepository.class, "getReferenceById", Object.class)
                .check(ANNEAL);
    }

    /** Background threads have no caller; asking for one would throw (security on) or guess (off). */
    @Test
    void backgroundWorkNeverAsksForACaller() {
        noClasses()
                .that()
                .resideInAPackage("dev.anneal.api.scheduler..")
                .or()
                .haveSimpleName("JobEventHub")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(CurrentCaller.class, ProjectScope.class)
                .check(ANNEAL);
    }
}
