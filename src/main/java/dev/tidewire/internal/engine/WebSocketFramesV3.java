package dev.tidewire.internal.engine;

/**
 * v3 frames: a binary frame starts with the packet's type byte; a client that sent {@code b64} gets binary as
 * {@code b4<base64>} text frames instead.
 */
final class WebSocketFramesV3 implements WebSocketFrames {
    static final WebSocketFramesV3 BINARY = new WebSocketFramesV3(true);
    static final WebSocketFramesV3 BASE64 = new WebSocketFramesV3(false);

    private final boolean binaryFrames;

    private WebSocketFramesV3(boolean binaryFrames) {
        this.binaryFrames = binaryFrames;
    }

    @Override
    public Packet decodeText(String text) throws PacketParseException {
        return PacketCodecV3.decodeText(text);
    }

    @Override
    public Packet decodeBinary(byte[] data) throws PacketParseException {
        return PacketCodecV3.decodeBinary(data);
    }

    @Override
    public void send(WebSocketConnection conn, Packet packet, WebSocketConnection.SendCallback done) {
        if (!packet.isBinary()) conn.sendText(packet.encodedText(), done);
        else if (binaryFrames) conn.sendBinary(packet.v3BinaryFrame(), done);
        else conn.sendText(packet.v3Base64Text(), done);
    }
}
