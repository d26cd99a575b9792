/**
 * The Socket.IO server: namespaces, sockets, rooms, broadcasts, acknowledgements.
 *
 * <h2>Threading contract</h2>
 * Every rule here has a test; a change that breaks one is a bug.
 * <ol>
 *   <li><b>One client, one order.</b> Every user callback about a client runs in that client's serial order, one
 *       at a time, on the handler executor: event handlers, ack callbacks, connection listeners, disconnecting
 *       and disconnect listeners, and the listeners of {@code socket.conn()}, which share the bound. This holds
 *       whatever thread starts the close: a reading thread (a flood past {@code maxPendingEvents}, a protocol
 *       violation), a timer, or the undeploy thread. A close runs after the handler in flight. Events not started yet
 *       are dropped; a connection's close listeners still run, last. ({@code SerialOrderTest},
 *       {@code ConnectionViewTest})</li>
 *   <li><b>Packets in the order sent.</b> Packets reach this layer in the order the client sent them: across
 *       polling POSTs, because a POST is answered only once its packets are delivered, and across the upgrade.
 *       ({@code PollingTest})</li>
 *   <li><b>Membership per socket is atomic.</b> A socket's joins, leaves and final leave-all happen one at a time,
 *       and so does the join of its own and its user's room when its connection is accepted. After a disconnect the
 *       socket is in no room, and no later join can add it back. ({@code RoomsTest}, {@code UserRoomConcurrencyTest})</li>
 *   <li><b>Register, then arm.</b> A timer is armed only after the entry it guards is registered. A timeout
 *       that fires at once still finds its pending ack. ({@code AckTest}, {@code BroadcastAckTest})</li>
 *   <li><b>No blocking on I/O threads.</b> Only handlers declared non-blocking run on the reading thread, and
 *       they keep rule 1. ({@code InlineHandlerTest})</li>
 *   <li><b>Cluster stages end on the handler executor.</b> The stage of an operation that waits for other nodes
 *       ({@code fetchSockets}, {@code serverSideEmitWithAck}, {@code serverCount}, a broadcast's
 *       {@code emitWithAck}) completes there, so what the application chains to it may block, even on another
 *       cluster operation, without holding up the messages of the cluster. A stage that is complete when it is
 *       returned (one node, {@code local()}) runs what is chained on the caller's thread. ({@code ClusterStagesTest},
 *       and the cluster ITs' {@code fetch-then-ping})</li>
 * </ol>
 * Outgoing listeners ({@code Socket.onAnyOutgoing}) are not callbacks about the client's events but hooks of the
 * emitter: they run synchronously on the thread that emits, as in the reference, and must not block.
 * ({@code AnyOutgoingTest})
 */
package dev.tidewire.server;
