package dev.tidewire.internal.engine;

/**
 * How packets travel as frames on one WebSocket: one packet per frame, the binary form per protocol revision and
 * client ({@link EngineProtocol#webSocketFrames}).
 */
interface WebSocketFrames {
    /** v4: text frames carry the type digit, binary frames the raw bytes of a message. */
    WebSocketFrames V4 = new WebSocketFrames() {
        @Override
        public Packet decodeText(String text) throws PacketParseException {
            return PacketCodec.decodeText(text);
        }

        @Override
        public Packet decodeBinary(byte[] data) {
            return PacketCodec.decodeBinary(data);
        }

        @Override
        public void send(WebSocketConnection conn, Packet packet, WebSocketConnection.SendCallback done) {
            if (packet.isBinary()) conn.sendBinary(packet.binary(), done);
            else conn.sendText(packet.encodedText(), done);
        }
    };

    Packet decodeText(String text) throws PacketParseException;

    Packet decodeBinary(byte[] data) throws PacketParseException;

    void send(WebSocketConnection conn, Packet packet, WebSocketConnection.SendCallback done);
}
