package dev.tidewire.server;

/**
 * Room lifecycle events of a namespace on this node, as the reference's adapter emits them ({@code create-room},
 * {@code delete-room}, {@code join-room}, {@code leave-room}). Called on the thread that joined or left, under the
 * socket's membership lock: a listener must be quick and must not block.
 */
public interface RoomListener {
    default void onCreateRoom(String room) {
    }

    default void onDeleteRoom(String room) {
    }

    default void onJoinRoom(String room, String socketId) {
    }

    default void onLeaveRoom(String room, String socketId) {
    }
}
