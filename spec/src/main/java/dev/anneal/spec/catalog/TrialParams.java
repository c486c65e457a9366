package dev.anneal.spec.catalog;

import java.util.Map;

/** Typed access to one trial's parameters, with catalog defaults for those the job did not search. */
public record TrialParams(Map<String, Object> values) {

    public TrialParams {
        values = Map.copyOf(values);
    }

    public double getDouble(String name) {
        return ((Number) valueOf(name)).doubleValue();
    }

    public int getInt(String name) {
        return ((Number) valueOf(name)).intValue();
    }

    public boolean getBoolean(String name) {
        Object v = valueOf(name);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    public String getString(String name) {
        return valueOf(name).toString();
    }

    private Object valueOf(String name) {
        Object v = values.get(name);
        return v != null ? v : Hyperparameters.get(name).defaultValue();
    }
}
