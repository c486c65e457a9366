package dev.anneal.cli.output;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Function;

/**
 * A file the CLI writes whole or not at all. The content goes to a scratch file next to the
 * target and is renamed onto it only once complete: a download that breaks off, or a Ctrl-C,
 * never leaves a truncated model where a pipeline would pick it up. An existing file is kept
 * unless {@code overwrite} says otherwise, so a typo in {@code -o} cannot destroy a model.
 */
public final class OutputFile {

    private final Path target;
    private final Path asGiven;
    private final boolean overwrite;

    private OutputFile(Path target, Path asGiven, boolean overwrite) {
        this.target = target;
        this.asGiven = asGiven;
        this.overwrite = overwrite;
    }

    /**
     * Checks up front, before anything is fetched, that {@code target} can be written: its
     * directory exists and it is not a directory, nor an existing file without {@code overwrite}.
     */
    public static OutputFile of(Path target, boolean overwrite) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw CliFailure.usage(target + " is a directory; give a file name");
        }
        if (!Files.isDirectory(absolute.getParent())) {
            throw CliFailure.usage(
                    "cannot write " + target + ": directory " + absolute.getParent() + " does not exist");
        }
        OutputFile file = new OutputFile(absolute, target, overwrite);
        file.refuseToReplace();
        return file;
    }

    /**
     * Lets {@code writer} fill a scratch file, then moves it onto the target; the scratch file
     * is deleted whatever happens.
     */
    public <T> T write(Function<Path, T> writer) {
        Path scratch = scratch();
        try {
            T result = writer.apply(scratch);
            // checked again: the file may have appeared while we downloaded, and a rename replaces silently
            refuseToReplace();
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot write " + asGiven + " (" + e + ")", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private void refuseToReplace() {
        if (!overwrite && Files.exists(target)) {
            throw CliFailure.usage(asGiven + " already exists; use --force to replace it");
        }
    }

    private Path scratch() {
        // hidden, and in the target's directory so that the final rename stays on one file system
        Path scratch = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            // createFile rather than createTempFile: the model should get the user's usual permissions
            Files.createFile(scratch);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot write to " + target.getParent() + " (" + e + ")", e);
        }
        // a Ctrl-C runs shutdown hooks but not the finally below
        scratch.toFile().deleteOnExit();
        return scratch;
    }

    private static void deleteQuietly(Path scratch) {
        try {
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            // the scratch file is hidden and named as such; leaving it is better than hiding the real outcome
        }
    }
}
