package org.reach.platform;

import java.util.List;

/**
 * Origins besides Reach itself that one person's pages may load images from (the page policy's img-src), asked on
 * every page they open. A capability that lets an organisation name its own tile server answers that server's origin
 * for that organisation's people only; nobody else's pages may reach it.
 */
public interface ImageOrigins {

    /** Origins such as {@code https://tiles.example.org:8443}; empty for most people. */
    List<String> imageOrigins(ReachUser viewer);
}
