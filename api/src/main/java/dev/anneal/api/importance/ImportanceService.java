package dev.anneal.api.importance;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.access.ScopedJob;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/**
 * Parameter importance of a job, fitted once per set of completed trials and then served from
 * memory. The dashboard asks for it on every page load; refitting the forest each time cost
 * seconds at 10,000 trials, while checking that nothing completed since costs one count.
 *
 * <p>An answer is cached under the {@link ScopedJob} (job and project: only a caller the
 * project resolver let through for that job reaches it) and the number of completed trials,
 * which only grows, so a new completed trial means a new key and a new fit. Callers that find
 * the same key missing share one fit: Caffeine puts the fit's future in the cache before it
 * runs, and the fit runs on {@link #FIT_THREADS} threads of its own, so cold requests for many
 * jobs cannot start more fits than that at once. At most {@link #MAX_ANSWERS} answers are kept
 * (a few hundred bytes each; superseded counts age out first).
 */
@Service
class ImportanceService {

    static final int MAX_ANSWERS = 256;
    static final int FIT_THREADS = 2;

    private final ProjectScope scope;
    private final ImportanceInputs inputs;
    private final ImportanceFitter fitter;
    private final ExecutorService fits = Executors.newFixedThreadPool(FIT_THREADS, new FitThreads());
    private final AsyncCache<Key, ParameterImportance> answers =
            Caffeine.newBuilder().maximumSize(MAX_ANSWERS).buildAsync();

    /** A job checked for a caller's project, at a number of completed trials. */
    private record Key(ScopedJob job, int completed) {}

    ImportanceService(ProjectScope scope, ImportanceInputs inputs, ImportanceFitter fitter) {
        this.scope = scope;
        this.inputs = inputs;
        this.fitter = fitter;
    }

    ParameterImportance of(long jobId) {
        // the caller's project's job only: another project's is 404, like one that does not exist
        ScopedJob job = scope.job(jobId);
        Key key = new Key(job, inputs.completed(job));
        try {
            return answers.get(
                            key,
                            (k, executor) ->
                                    CompletableFuture.supplyAsync(() -> fitter.fit(inputs.read(k.job())), fits))
                    .join();
        } catch (CompletionException e) {
            // a failed fit is not cached (Caffeine drops failed futures); the caller sees its cause
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        fits.shutdownNow();
    }

    private static final class FitThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, "importance-fit-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
