package dev.anneal.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The command that runs this benchmark program again, from the packaged jar or from classes. */
public final class JvmCommand {

    private JvmCommand() {}

    public static List<String> self(String java, String classpath, String... args) {
        List<String> command = new ArrayList<>(List.of(java));
        if (classpath.endsWith(".jar") && !classpath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classpath));
        } else {
            command.addAll(List.of("-cp", classpath, Bench.class.getName()));
        }
        command.addAll(List.of(args));
        return command;
    }
}
