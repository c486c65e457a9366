package dev.anneal.cli.submit;

import dev.anneal.cli.http.JobView;
import dev.anneal.cli.output.Numbers;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows a job's progress while {@code --wait} polls it. On a terminal one line is redrawn in
 * place (carriage return); elsewhere (CI logs, pipes) a plain line is printed when something
 * changed, and at least every {@link #PLAIN_HEARTBEAT}, so a log never fills with repeats nor
 * goes silent long enough to look hung.
 */
final class Progress {

    static final Duration PLAIN_HEARTBEAT = Duration.ofSeconds(30);

    private final PrintWriter out;
    private final boolean terminal;
    private String lastStatus;
    private Duration lastPrinted = Duration.ZERO;
    private int drawnWidth;

    Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void update(JobView job, Duration elapsed) {
        String status = status(job);
        String line = status + "  elapsed " + Numbers.format(elapsed);
        if (terminal) {
            // pad over the rest of a longer previous line
            out.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
            out.flush();
        } else if (!status.equals(lastStatus) || elapsed.minus(lastPrinted).compareTo(PLAIN_HEARTBEAT) >= 0) {
            out.println(line);
            out.flush();
            lastPrinted = elapsed;
        }
        lastStatus = status;
    }

    /** Ends the redrawn line so that what follows starts on a line of its own. */
    void finish() {
        if (terminal && drawnWidth > 0) {
            out.println();
            out.flush();
        }
    }

    static String status(JobView job) {
        StringBuilder line = new StringBuilder()
                .append("job ")
                .append(job.id())
                .append(' ')
                .append(job.state())
                .append("  trials ")
                .append(job.done())
                .append('/')
                .append(job.maxTrials())
                .append(" done");
        if (job.running() > 0) {
            line.append(" (").append(job.running()).append(" running)");
        }
        if (job.failed() > 0) {
            line.append(", ").append(job.failed()).append(" failed");
        }
        line.append("  best ").append(job.metric()).append(' ').append(Numbers.format(job.bestValue()));
        return line.toString();
    }
}
