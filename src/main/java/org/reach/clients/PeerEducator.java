package org.reach.clients;

/** A staff account of the organisation that may be named as a client's peer educator. */
public record PeerEducator(long id, String name) {
}
