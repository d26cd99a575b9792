/**
 * A Socket.IO wire format of your own, as the reference server's {@code parser} option takes any object with an
 * {@code Encoder} and a {@code Decoder}: implement {@link dev.tidewire.server.parser.SocketIoParser} and choose it with
 * {@code tidewire.parser=<its class name>} or {@code SocketIoOptions.withParser(...)}. Every client must be built with
 * the matching parser ({@code io(url, { parser })}).
 *
 * <h2>Values</h2>
 * A packet's data is a plain tree: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Long} or {@code Double}, {@code Boolean}, {@code null}, and {@code byte[]} for binary, in
 * place. The server hands an encoder nothing else: application values (records, beans, dates, ...) are first turned
 * into this tree through the server's JSON-B, as the default parser would write them. A decoder must return the same
 * kind of tree (any {@code Number} is accepted, and read as a JavaScript number: integral values become {@code Long});
 * anything else is a protocol violation.
 *
 * <h2>What the server checks</h2>
 * A decoded packet is held to the rules the built-in parsers apply: its data fits its type (see
 * {@link dev.tidewire.server.parser.SocketIoPacket}), an event name is not a reserved one, the ack id is within
 * {@code tidewire.maxAckId}, the data nests at most {@code tidewire.maxJsonDepth} levels. A message reaches the decoder
 * only within {@code tidewire.maxHttpBufferSize}. An exception thrown by the decoder, a refused packet, or a value
 * outside the tree closes that client's connection with one log line naming the parser (logger
 * {@code tidewire.socketio.parser}); the other clients are not affected.
 */
package dev.tidewire.server.parser;
