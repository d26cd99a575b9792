package dev.tidewire.server;

import dev.tidewire.server.cluster.ClusterAdapter;
import dev.tidewire.server.cluster.ClusterAdapterWithHeartbeat;
import dev.tidewire.server.cluster.ClusterMessage;
import dev.tidewire.server.cluster.ClusterOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cluster transport inside one JVM, for the adapter's cluster semantics without Redis: each node's
 * {@link ClusterAdapter} publishes to the other nodes' adapters of the same namespace, at once, on the publishing
 * thread. Every message is copied on the way, and the copy refuses anything a wire format could not carry (only JSON
 * values and {@code byte[]} pass), so a node can never hand another one its own objects.
 */
final class InMemoryBus {
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    /** While false, responses are lost (a node that receives requests but whose answers never arrive). */
    volatile boolean responsesArrive = true;

    private final java.util.concurrent.atomic.AtomicLong offsets = new java.util.concurrent.atomic.AtomicLong();
    /**
     * While set, a counting node's publish answers only when the test completes its stage here (in any order, or
     * exceptionally, as a transport whose writes fail or answer out of order).
     */
    volatile boolean holdPublishAnswers;
    final List<CompletableFuture<String>> heldPublishAnswers = new CopyOnWriteArrayList<>();

    /** Nodes that count each other with heartbeats. */
    AdapterFactory factory() {
        return local -> new Node(local, this);
    }

    /**
     * Nodes without heartbeats, as the reference's base {@code ClusterAdapter}: the bus counts them (as Redis counts
     * the subscribers of a channel) and gives each published message an offset in its log, as a Redis stream does.
     */
    AdapterFactory countingFactory() {
        return local -> new CountingNode(local, this);
    }

    private final List<CountingNode> counted = new CopyOnWriteArrayList<>();

    static final class CountingNode extends ClusterAdapter {
        private final InMemoryBus bus;

        CountingNode(LocalNamespace local, InMemoryBus bus) {
            super(local, ClusterOptions.DEFAULTS);
            this.bus = bus;
            bus.counted.add(this);
        }

        @Override
        public CompletionStage<Integer> serverCount() {
            return CompletableFuture.completedFuture(
                    (int) bus.counted.stream().filter(n -> n.local.name().equals(local.name())).count());
        }

        @Override
        protected CompletionStage<String> doPublish(ClusterMessage message) {
            String offset = System.currentTimeMillis() + "-" + bus.offsets.incrementAndGet();
            for (CountingNode other : bus.counted) {
                if (other != this) other.onMessage(copy(message), offset);
            }
            if (bus.holdPublishAnswers) {
                CompletableFuture<String> answer = new CompletableFuture<>();
                bus.heldPublishAnswers.add(answer);
                return answer;
            }
            return CompletableFuture.completedFuture(offset);
        }

        @Override
        protected CompletionStage<Void> doPublishResponse(String requesterUid, ClusterMessage response) {
            if (bus.responsesArrive) {
                for (CountingNode other : bus.counted) {
                    if (other.uid().equals(requesterUid)) other.onMessage(copy(response), null);
                }
            }
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The adapters of a namespace, one per server, in creation order. */
    List<Node> nodesOf(String nsp) {
        return nodes.stream().filter(n -> n.namespace().equals(nsp)).toList();
    }

    static final class Node extends ClusterAdapterWithHeartbeat {
        private final InMemoryBus bus;
        private volatile boolean connected = true;

        Node(LocalNamespace local, InMemoryBus bus) {
            super(local, ClusterOptions.DEFAULTS);
            this.bus = bus;
            bus.nodes.add(this);
        }

        String namespace() {
            return local.name();
        }

        /** Cuts this node off the bus: what it sends is lost, and it hears nothing. */
        void disconnect() {
            connected = false;
        }

        @Override
        protected CompletionStage<String> doPublish(ClusterMessage message) {
            if (connected) {
                for (Node other : bus.nodes) {
                    if (other != this && other.connected) other.onMessage(copy(message), null);
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        protected CompletionStage<Void> doPublishResponse(String requesterUid, ClusterMessage response) {
            if (connected && bus.responsesArrive) {
                for (Node other : bus.nodes) {
                    if (other.uid().equals(requesterUid) && other.connected) other.onMessage(copy(response), null);
                }
            }
            return CompletableFuture.completedFuture(null);
        }
    }

    @SuppressWarnings("unchecked")
    static ClusterMessage copy(ClusterMessage m) {
        return new ClusterMessage(m.uid(), m.nsp(), m.type(), (Map<String, Object>) copy(m.data()));
    }

    private static Object copy(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) return value;
        if (value instanceof byte[] b) return b.clone();
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) throw new AssertionError("a non-string key on the wire: " + k);
                out.put(key, copy(v));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object v : list) out.add(copy(v));
            return out;
        }
        throw new AssertionError("a " + value.getClass().getName() + " cannot go on the wire: " + value);
    }
}
