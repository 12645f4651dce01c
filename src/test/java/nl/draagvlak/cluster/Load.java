package nl.draagvlak.cluster;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.draagvlak.support.Requests;

/**
 * A client that spreads decisions over the nodes in turn, from several threads, and keeps every
 * answer with the node, when it was sent and answered (the machine's clock, which the nodes share),
 * and the ruleset version it carries.
 */
final class Load implements AutoCloseable {

    /** One request: status -1 when the node did not answer at all. */
    record Sent(String node, long sentAt, long answeredAt, int status, String version, String decisionId) {
    }

    private final List<Node> nodes;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong turn = new AtomicLong();
    private final ExecutorService threads;

    Load(List<Node> nodes, int threadCount) {
        this.nodes = new CopyOnWriteArrayList<>(nodes);
        this.threads = Executors.newFixedThreadPool(threadCount);
        for (int i = 0; i < threadCount; i++) {
            threads.submit(this::run);
        }
    }

    /** From now on no request is sent to this node (one that was killed, say). */
    void leaveOut(Node node) {
        nodes.remove(node);
    }

    private void run() {
        while (running.get()) {
            Node node = nodes.get((int) (turn.getAndIncrement() % nodes.size()));
            long sentAt = System.currentTimeMillis();
            try {
                Node.Answer answer = node.decide(Requests.PLAN);
                String version = answer.status() == 201 ? answer.body().get("ruleset").get("version").asText() : null;
                String id = answer.status() == 201 ? answer.body().get("decisionId").asText() : null;
                sent.add(new Sent(node.name, sentAt, System.currentTimeMillis(), answer.status(), version, id));
            } catch (RuntimeException noAnswer) {
                sent.add(new Sent(node.name, sentAt, System.currentTimeMillis(), -1, null, null));
            }
        }
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }
}
