package nl.draagvlak.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of a real server that can hold the traffic without cutting it: while held,
 * every connection stays open and no byte passes either way (what is read is kept, in order); on
 * release it all passes. That is a store that stops answering, as a stalled network or a frozen
 * server looks to the client, unlike {@link TcpProxy}, which plays a store that goes away. The hold
 * can start at once, or when the client first sends a given text (a statement it knows the name of).
 */
public final class HoldingTcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<byte[]> holdOnClientText = new AtomicReference<>();
    private final Object gate = new Object();
    private boolean held;

    public HoldingTcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "holding-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on nothing passes, either way, until {@link #release()}. */
    public void hold() {
        synchronized (gate) {
            held = true;
        }
    }

    /** Holds everything from the moment a client sends this text, which is held too. */
    public void holdWhenClientSends(String text) {
        holdOnClientText.set(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Lets everything held pass, in order, and what follows. */
    public void release() {
        holdOnClientText.set(null);
        synchronized (gate) {
            held = false;
            gate.notifyAll();
        }
    }

    public boolean isHeld() {
        synchronized (gate) {
            return held;
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Connection connection = new Connection(client, upstream);
                pipe(connection, client, upstream, true);
                pipe(connection, upstream, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Both directions of one connection. An end of stream passes on as a half close, after the data
     * before it, so that a statement held and then released still reaches the server whole even when
     * its client has hung up meanwhile; the sockets close when both directions have ended.
     */
    private static final class Connection {
        private final Socket client;
        private final Socket upstream;
        private int ended;

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        synchronized void ended(Socket to, boolean cleanly) {
            ended++;
            if (cleanly && ended < 2) {
                try {
                    to.shutdownOutput();
                    return;
                } catch (IOException e) {
                    // fall through and close
                }
            }
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void pipe(Connection connection, Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            boolean cleanly = false;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        holdIfItContainsTheText(buffer, read);
                    }
                    awaitPassage();
                    out.write(buffer, 0, read);
                    out.flush();
                }
                cleanly = true;
            } catch (IOException e) {
                // a side is gone: the connection ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                connection.ended(to, cleanly);
            }
        }, "holding-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private void holdIfItContainsTheText(byte[] buffer, int length) {
        byte[] text = holdOnClientText.get();
        if (text != null && contains(buffer, length, text) && holdOnClientText.compareAndSet(text, null)) {
            hold();
        }
    }

    private void awaitPassage() throws InterruptedException {
        synchronized (gate) {
            while (held) {
                gate.wait();
            }
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] text) {
        outer:
        for (int start = 0; start + text.length <= length; start++) {
            for (int i = 0; i < text.length; i++) {
                if (buffer[start + i] != text[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
        sockets.forEach(HoldingTcpProxy::closeQuietly);
    }
}
