package dev.anneal.api.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace joined to this one by a veth pair, for a worker process whose
 * network a test can cut while the process stays alive. Needs root and {@code ip} (iproute2);
 * {@link #create} fails with an {@link IOException} where namespaces cannot be made, which
 * tests turn into a skip.
 *
 * <p>Names and the /30 subnet (in 10.247.0.0/16) derive from this JVM's pid, so concurrent test
 * runs on one machine do not collide.
 */
final class NetworkNamespace implements AutoCloseable {

    private final String name;
    private final String hostSide;
    private final InetAddress hostAddress;
    private final InetAddress insideAddress;

    private NetworkNamespace(String name, String hostSide, InetAddress hostAddress, InetAddress insideAddress) {
        this.name = name;
        this.hostSide = hostSide;
        this.hostAddress = hostAddress;
        this.insideAddress = insideAddress;
    }

    static NetworkNamespace create() throws IOException {
        long pid = ProcessHandle.current().pid();
        int slot = (int) (pid % 16384);
        String base = "10.247." + (slot / 64) + ".";
        int offset = (slot % 64) * 4;
        String host = base + (offset + 1);
        String inside = base + (offset + 2);
        String name = "anneal-p" + pid;
        String hostSide = "anp" + pid + "h";
        String insideSide = "anp" + pid + "n";
        // leftovers of a killed run that had this pid
        runQuietly("ip", "link", "del", hostSide);
        runQuietly("ip", "netns", "del", name);
        NetworkNamespace ns =
                new NetworkNamespace(name, hostSide, InetAddress.getByName(host), InetAddress.getByName(inside));
        try {
            run("ip", "netns", "add", name);
            run("ip", "link", "add", hostSide, "type", "veth", "peer", "name", insideSide);
            run("ip", "link", "set", insideSide, "netns", name);
            run("ip", "addr", "add", host + "/30", "dev", hostSide);
            run("ip", "link", "set", hostSide, "up");
            run("ip", "netns", "exec", name, "ip", "addr", "add", inside + "/30", "dev", insideSide);
            run("ip", "netns", "exec", name, "ip", "link", "set", insideSide, "up");
            run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
            // programs must be able to run inside (some containers refuse the /sys remount)
            run("ip", "netns", "exec", name, "true");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Command words that run a program inside the namespace. */
    List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    /** This side's address, the one processes inside reach the host by. */
    InetAddress hostAddress() {
        return hostAddress;
    }

    InetAddress insideAddress() {
        return insideAddress;
    }

    /**
     * Takes the link down: packets either way are dropped, and the processes inside see
     * nothing but silence (no reset, no error), as in a real partition.
     */
    void cut() throws IOException {
        run("ip", "link", "set", hostSide, "down");
    }

    void heal() throws IOException {
        run("ip", "link", "set", hostSide, "up");
    }

    @Override
    public void close() {
        // deleting one end of a veth pair deletes both
        runQuietly("ip", "link", "del", hostSide);
        runQuietly("ip", "netns", "del", name);
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static void runQuietly(String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing to clean up where ip cannot even start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
