package dev.anneal.spec;

import java.util.List;

/** The network families a DL4J job can tune ({@code model.type}). */
public final class ModelFamilies {

    public static final String MLP = "mlp";
    public static final String CNN = "cnn";
    public static final String LSTM = "lstm";
    public static final String GAN = "gan";

    /** In documentation order. */
    public static final List<String> ALL = List.of(MLP, CNN, LSTM, GAN);

    private ModelFamilies() {}
}
