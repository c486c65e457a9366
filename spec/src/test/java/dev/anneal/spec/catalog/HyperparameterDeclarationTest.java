package dev.anneal.spec.catalog;

import static dev.anneal.spec.catalog.HyperparameterDeclaration.choice;
import static dev.anneal.spec.catalog.HyperparameterDeclaration.flag;
import static dev.anneal.spec.catalog.HyperparameterDeclaration.real;
import static dev.anneal.spec.catalog.HyperparameterDeclaration.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.spec.catalog.Hyperparameter.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A declaration builds the record the positional constructor would, and refuses an incomplete or inconsistent one. */
class HyperparameterDeclarationTest {

    @Test
    void eachKindBuildsTheRecordWithATypedDefault() {
        assertThat(real("r").above(0).below(1).byDefault(0.5).usedBy("mlp").means("d"))
                .isEqualTo(new Hyperparameter("r", Kind.FLOAT, 0, true, 1, true, List.of(), 0.5, Set.of("mlp"), "d"));
        assertThat(real("r").atLeast(0).atMost(1).byDefault(0).usedBy("mlp").means("d"))
                .isEqualTo(new Hyperparameter("r", Kind.FLOAT, 0, false, 1, false, List.of(), 0.0, Set.of("mlp"), "d"));
        assertThat(whole("w")
                        .atLeast(1)
                        .atMost(9)
                        .byDefault(3)
                        .usedBy("cnn", "gan")
                        .means("d"))
                .isEqualTo(new Hyperparameter(
                        "w", Kind.INT, 1, false, 9, false, List.of(), 3L, Set.of("cnn", "gan"), "d"));
        assertThat(choice("c").oneOf("a", "b").byDefault("b").usedBy("lstm").means("d"))
                .isEqualTo(new Hyperparameter(
                        "c", Kind.CHOICE, 0, false, 0, false, List.of("a", "b"), "b", Set.of("lstm"), "d"));
        assertThat(flag("f").byDefault(true).usedBy("mlp").means("d"))
                .isEqualTo(
                        new Hyperparameter("f", Kind.BOOLEAN, 0, false, 0, false, List.of(), true, Set.of("mlp"), "d"));
    }

    @Test
    void aDefaultOutsideItsBoundsOrChoicesIsRefused() {
        assertThatThrownBy(() ->
                        real("r").above(0).atMost(1).byDefault(0).usedBy("mlp").means("d"))
                .hasMessage("hyperparameter r needs a default within > 0 and <= 1");
        assertThatThrownBy(() -> whole("w")
                        .atLeast(1)
                        .atMost(9)
                        .byDefault(10)
                        .usedBy("mlp")
                        .means("d"))
                .hasMessage("hyperparameter w needs a default within >= 1 and <= 9");
        assertThatThrownBy(() ->
                        choice("c").oneOf("a", "b").byDefault("z").usedBy("mlp").means("d"))
                .hasMessage("hyperparameter c needs a default among [a, b]");
    }

    @Test
    void aMissingStepIsNamed() {
        assertThatThrownBy(() -> real("r").atMost(1).byDefault(0).usedBy("mlp").means("d"))
                .hasMessage("hyperparameter r needs above(...) or atLeast(...)");
        assertThatThrownBy(() -> whole("w").atLeast(1).atMost(9).usedBy("mlp").means("d"))
                .hasMessage("hyperparameter w needs byDefault(...)");
        assertThatThrownBy(() -> flag("f").byDefault(false).means("d"))
                .hasMessage("hyperparameter f needs usedBy(...)");
    }
}
