package org.reach.organisations;

/** One tile out of an organisation's PMTiles file, with what a browser needs to show and cache it. */
public record MapTile(byte[] bytes, String contentType, boolean gzipped, String etag) {
}
