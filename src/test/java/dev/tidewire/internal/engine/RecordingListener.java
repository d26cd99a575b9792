package dev.tidewire.internal.engine;

import java.util.ArrayList;
import java.util.List;

/** A {@link SessionListener} that records what it hears. */
final class RecordingListener implements SessionListener {
    final List<String> messages = new ArrayList<>();
    final List<byte[]> binaries = new ArrayList<>();
    final List<CloseReason> closes = new ArrayList<>();
    final List<String> upgradings = new ArrayList<>();
    final List<String> upgrades = new ArrayList<>();
    /** Runs as each text message is heard, before it is recorded. */
    Runnable whenMessage = () -> { };

    @Override
    public void onMessage(EngineSession session, String text) {
        whenMessage.run();
        messages.add(text);
    }

    @Override
    public void onBinaryMessage(EngineSession session, byte[] data) {
        binaries.add(data);
    }

    @Override
    public void onClose(EngineSession session, CloseReason reason) {
        closes.add(reason);
    }

    @Override
    public void onUpgrading(EngineSession session, String transport) {
        upgradings.add(transport);
    }

    @Override
    public void onUpgrade(EngineSession session, String transport) {
        upgrades.add(transport);
    }
}
