package dev.anneal.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
