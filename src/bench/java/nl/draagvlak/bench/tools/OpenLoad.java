package nl.draagvlak.bench.tools;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load generator: request {@code i} is due at {@code start + i / rate}, whatever the
 * server does, and its latency is measured from that due time, not from when it was sent. A
 * server that stalls therefore shows its stall in every request that fell due meanwhile (no
 * coordinated omission), as wrk2 does.
 *
 * <p>Requests go over {@code --connections} persistent HTTP/1.1 connections (default 32), one
 * thread each, taking the due requests in order: when every connection is busy, the next request
 * waits, and its waiting counts in its latency. A plain blocking client keeps the generator's own
 * cost per request small (the JDK's HttpClient could not hold 5,000 req/s on one core here).
 *
 * <pre>java -cp target/bench/benchmarks.jar nl.draagvlak.bench.tools.OpenLoad \
 *     --url http://127.0.0.1:18080/api/v1/decisions --body typical.json --rate 2000 \
 *     --duration 30 --warmup 5 --label h2 --hgrm h2.hgrm --tsv load.tsv</pre>
 *
 * Without --body it sends GET, with it POST (application/json); --auth user:password signs in with HTTP Basic. Prints a summary; --tsv appends
 * one line (label, target and achieved rate, count, errors, percentiles in ms); --hgrm writes
 * the percentile distribution. Bounded: it stops after warm-up plus duration (requests still
 * unanswered 10 s after the last one fell due are counted as errors).
 */
public final class OpenLoad {

    private OpenLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI uri = URI.create(required(options, "url"));
        double rate = Double.parseDouble(required(options, "rate"));
        double duration = Double.parseDouble(options.getOrDefault("duration", "30"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
        String label = options.getOrDefault("label", uri.getPath());
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        byte[] body = options.containsKey("body") ? Files.readAllBytes(Path.of(options.get("body"))) : null;
        String authorization = options.containsKey("auth") ? "Authorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString(options.get("auth").getBytes(StandardCharsets.UTF_8)) + "\r\n" : "";

        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String head = (body == null ? "GET " : "POST ") + (uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n" + authorization
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        byte[] requestBytes = concat(head.getBytes(StandardCharsets.US_ASCII), body == null ? new byte[0] : body);

        long interval = Math.round(1e9 / rate);
        long warmupCount = Math.round(warmup * rate);
        long total = warmupCount + Math.round(duration * rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long deadline = start + total * interval + TimeUnit.SECONDS.toNanos(10);

        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong maxLateness = new AtomicLong();
        AtomicLong lastSent = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            Thread worker = new Thread(() -> {
                Connection connection = new Connection(host, port);
                try {
                    while (true) {
                        long i = next.getAndIncrement();
                        if (i >= total) {
                            return;
                        }
                        long due = start + i * interval;
                        long now;
                        while ((now = System.nanoTime()) < due) {
                            LockSupport.parkNanos(due - now);
                        }
                        if (now > deadline) {
                            errors.incrementAndGet();
                            continue;
                        }
                        long late = now - due;
                        maxLateness.accumulateAndGet(late, Math::max);
                        lastSent.accumulateAndGet(now, Math::max);
                        int status = connection.exchange(requestBytes);
                        long latency = System.nanoTime() - due;
                        if (i >= warmupCount) {
                            if (status < 200 || status >= 300) {
                                errors.incrementAndGet();
                            }
                            recorder.recordValue(Math.min(latency, TimeUnit.SECONDS.toNanos(60)));
                        }
                    }
                } finally {
                    connection.close();
                }
            }, "open-load-" + w);
            worker.setDaemon(true);
            workers.add(worker);
        }
        recorder.reset();
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        long stillRunning = workers.stream().filter(Thread::isAlive).count();
        if (stillRunning > 0) {
            System.err.println("open-load: " + stillRunning + " requests still unanswered 10 s after the last was due");
            errors.addAndGet(stillRunning);
        }
        Histogram histogram = recorder.getIntervalHistogram();
        long measureStart = start + warmupCount * interval;
        double achieved = (total - warmupCount) / Math.max((lastSent.get() - measureStart) / 1e9, 1e-9);
        report(System.out, label, rate, Math.min(achieved, rate * 1.001), histogram, errors.get(), maxLateness.get());
        if (options.containsKey("tsv")) {
            Path tsv = Path.of(options.get("tsv"));
            boolean fresh = !Files.exists(tsv);
            try (PrintStream out = new PrintStream(Files.newOutputStream(tsv, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND))) {
                if (fresh) {
                    out.println("label\ttarget_rps\tachieved_rps\tcount\terrors\tp50_ms\tp90_ms\tp99_ms\tp999_ms\tmax_ms\tmean_ms");
                }
                out.printf(Locale.ROOT, "%s\t%.0f\t%.0f\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f%n", label, rate,
                        Math.min(achieved, rate * 1.001), histogram.getTotalCount(), errors.get(),
                        ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                        ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                        ms(histogram.getMaxValue()), histogram.getMean() / 1e6);
            }
        }
        if (options.containsKey("hgrm")) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(options.get("hgrm"))))) {
                histogram.outputPercentileDistribution(out, 1e6);
            }
        }
        System.exit(0);
    }

    /** One persistent HTTP/1.1 connection; reconnects after an error or a "Connection: close". */
    private static final class Connection {
        private final String host;
        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;
        private final byte[] skip = new byte[16 * 1024];

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** Sends the request and reads the whole response; its status, or -1 when the exchange failed. */
        int exchange(byte[] request) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(host, port), 5000);
                        socket.setSoTimeout(30_000);
                        out = socket.getOutputStream();
                        in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
                    }
                    out.write(request);
                    out.flush();
                    return readResponse();
                } catch (IOException e) {
                    close();
                }
            }
            return -1;
        }

        private int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    discard(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                discard(length);
            }
            if (closeAfter) {
                close();
            }
            return status;
        }

        private void discard(long count) throws IOException {
            long left = count;
            while (left > 0) {
                int read = in.read(skip, 0, (int) Math.min(skip.length, left));
                if (read < 0) {
                    throw new IOException("connection closed in the body");
                }
                left -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static void report(PrintStream out, String label, double rate, double achieved, Histogram h, long errors,
                               long maxLateness) {
        out.printf(Locale.ROOT, "%s: target %.0f req/s, sent %.0f req/s, %d responses, %d errors%n", label, rate,
                achieved, h.getTotalCount(), errors);
        out.printf(Locale.ROOT, "  latency from due time (ms): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  mean %.3f%n",
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getMean() / 1e6);
        out.printf(Locale.ROOT, "  a request was sent at most %.3f ms after it fell due (waiting for a free connection included)%n",
                maxLateness / 1e6);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs; got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
