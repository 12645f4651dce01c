package nl.draagvlak.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 12, target 3: what the single audit writer spends per decision on the hash chain, before
 * and after the requester encodes the record's content. On the captured sample record
 * (audit-sample/, the typical decision as the service stores it, ~14 KB), interleaved in blocks so
 * that a busy machine slows every variant alike:
 * <ol>
 * <li>{@code writer before}: {@code ChainRecord.of(seq, record).hash(prev)}, all on the writer (as before);</li>
 * <li>{@code writer now}: {@code ChainRecord.chain(prev, seq, content)}, the digest only;</li>
 * <li>{@code requester now}: {@code ChainRecord.of(0, record).content()}, moved to the request thread.</li>
 * </ol>
 * Prints the median ns per record of each and the median of the per-round ratios now/before.
 *
 * <pre>java -cp target/bench/benchmarks.jar nl.draagvlak.audit.ChainHashCost [warm-up s] [rounds] [block ms]</pre>
 */
public final class ChainHashCost {

    private static volatile Object sink;

    private ChainHashCost() {
    }

    public static void main(String[] args) {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long blockNanos = (args.length > 2 ? Long.parseLong(args[2]) : 200) * 1_000_000;
        DecisionRecord record = new DecisionRecord("01a233b8-8540-752d-bd76-2f239180dcc1",
                Instant.parse("2026-12-01T22:27:40.480Z"), "sha256:" + "9e80".repeat(16), "NOT_READY", null,
                "ab".repeat(32), sample("request_body"), sample("response_body"), sample("trace"), sample("timings"),
                "bench", List.of());
        byte[] content = ChainRecord.of(0, record).content();
        String prev = "0".repeat(64);
        if (!ChainRecord.chain(prev, 7, content).equals(ChainRecord.of(7, record).hash(prev))) {
            throw new IllegalStateException("the two ways of hashing disagree");
        }
        Runnable before = () -> sink = ChainRecord.of(7, record).hash(prev);
        Runnable now = () -> sink = ChainRecord.chain(prev, 7, content);
        Runnable requester = () -> sink = ChainRecord.of(0, record).content();
        long warmUntil = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            block(before, 20_000_000);
            block(now, 20_000_000);
            block(requester, 20_000_000);
        }
        List<double[]> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            results.add(new double[] {block(before, blockNanos), block(now, blockNanos), block(requester, blockNanos)});
        }
        double[] ratios = results.stream().mapToDouble(r -> r[1] / r[0]).sorted().toArray();
        System.out.printf(Locale.ROOT, "# chain hash cost: record of %d content bytes, %d rounds of %d ms blocks after %d s%n",
                content.length, rounds, blockNanos / 1_000_000, warmupSeconds);
        System.out.printf(Locale.ROOT, "writer before (encode + digest)  %8.0f ns per record%n", median(results, 0));
        System.out.printf(Locale.ROOT, "writer now (digest only)         %8.0f ns per record%n", median(results, 1));
        System.out.printf(Locale.ROOT, "requester now (encode content)   %8.0f ns per record%n", median(results, 2));
        System.out.printf(Locale.ROOT, "writer now / before: median %.2fx (quartiles %.2f-%.2f)%n",
                ratios[ratios.length / 2], ratios[ratios.length / 4], ratios[3 * ratios.length / 4]);
    }

    /** Runs the work repeatedly for about {@code nanos}; returns ns per run. */
    private static double block(Runnable work, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long runs = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                work.run();
            }
            runs += 16;
            now = System.nanoTime();
        } while (now < end);
        return (double) (now - start) / runs;
    }

    private static double median(List<double[]> results, int column) {
        double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static String sample(String name) {
        try (InputStream in = ChainHashCost.class.getResourceAsStream("/audit-sample/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no audit-sample/" + name + ".json on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
