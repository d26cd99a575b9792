package dev.tidewire.server;

/** Room lifecycle events of an {@link Adapter}, as the reference adapter emits them. */
public interface AdapterListener {
    default void onCreateRoom(String room) {
    }

    default void onDeleteRoom(String room) {
    }

    default void onJoinRoom(String room, String socketId) {
    }

    default void onLeaveRoom(String room, String socketId) {
    }
}
