package dev.anneal.spec;

import java.util.Arrays;
import java.util.List;

/**
 * The spellings of {@link ModelFamily}, as compile-time constants for the catalog's family sets,
 * {@code switch}es over parsed strings and messages ({@code ClosedSetsTest} keeps them equal).
 */
public final class ModelFamilies {

    public static final String MLP = "mlp";
    public static final String CNN = "cnn";
    public static final String LSTM = "lstm";
    public static final String GAN = "gan";

    /** In documentation order. */
    public static final List<String> ALL =
            Arrays.stream(ModelFamily.values()).map(ModelFamily::spelling).toList();

    private ModelFamilies() {}
}
