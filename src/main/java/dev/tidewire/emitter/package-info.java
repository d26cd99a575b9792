/**
 * Emitting to a Socket.IO cluster from a Java process that is no Socket.IO server (a batch job, another service),
 * through the Redis that the cluster's Redis adapter uses: Tidewire nodes and Node socket.io servers with
 * {@code @socket.io/redis-adapter} both receive what a {@link dev.tidewire.emitter.RedisEmitter} sends, since it
 * sends the messages of the reference's {@code @socket.io/redis-emitter} 5.1.
 * <p>
 * An emitter only publishes: it cannot receive acknowledgements, count the nodes or fetch sockets. A returned stage
 * completes once Redis has accepted the message (which says nothing of who received it). While Redis cannot be
 * reached, messages are kept (up to 10 000 or 16 MiB) and sent in order once it is back, as the reference's
 * node-redis keeps them; beyond that, or when the emitter closes first, the stage fails with the Redis adapter's
 * {@link dev.tidewire.internal.redis.RedisUnavailableException}. A bad call
 * (a reserved event name, an argument that is no JSON value) throws {@link IllegalArgumentException} at once. Stages complete on the emitter's own
 * threads: do not block in their callbacks.
 */
package dev.tidewire.emitter;
