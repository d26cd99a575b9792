/**
 * CDI events about sockets, for observers anywhere in the application: {@link SocketConnected},
 * {@link SocketDisconnected}, {@link RoomJoined} and {@link RoomLeft}, or all four as {@link SocketEvent}. Only the
 * kinds the deployment observes are fired; the threading is described on {@link SocketEvent}.
 */
package dev.tidewire.jakarta.events;
