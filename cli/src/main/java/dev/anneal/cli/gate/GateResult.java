package dev.anneal.cli.gate;

/** One gate's verdict and a sentence saying why. */
public record GateResult(String gate, Outcome outcome, String message) {

    public enum Outcome {
        PASSED,
        FAILED,
        SKIPPED
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    static GateResult passed(String gate, String message) {
        return new GateResult(gate, Outcome.PASSED, message);
    }

    static GateResult failed(String gate, String message) {
        return new GateResult(gate, Outcome.FAILED, message);
    }
}
