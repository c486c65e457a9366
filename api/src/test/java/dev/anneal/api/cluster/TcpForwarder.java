package dev.anneal.api.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Relays TCP connections accepted on one address to another: here, from the host side of a
 * network namespace's veth to a PostgreSQL that listens on 127.0.0.1 only, so a worker inside
 * the namespace reaches the database without the test changing PostgreSQL's configuration. The
 * connections to PostgreSQL come from 127.0.0.1 and authenticate as the test's own do.
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-forwarder");
        t.setDaemon(true);
        return t;
    });

    TcpForwarder(InetAddress listenOn, InetSocketAddress target) throws IOException {
        this.server = new ServerSocket(0, 50, listenOn);
        this.target = target;
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                for (Socket s : new Socket[] {client, upstream}) {
                    s.setTcpNoDelay(true);
                    open.add(s);
                }
                threads.execute(() -> pipe(client, upstream));
                threads.execute(() -> pipe(upstream, client));
            } catch (IOException e) {
                // closed, or PostgreSQL refused: the client sees its connection drop
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(TcpForwarder::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
