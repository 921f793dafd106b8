package org.reach.platform;

/**
 * A record that does not exist or that the person may not know exists: both answer the same, so a
 * foreign organisation's records cannot be discovered by probing identifiers.
 */
public class NotFound extends RuntimeException {

    private final String entity;

    public NotFound(String entity, Object id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
