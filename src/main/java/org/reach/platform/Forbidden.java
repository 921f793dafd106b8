package org.reach.platform;

import org.springframework.security.access.AccessDeniedException;

/** The person can see the record but their role does not allow this action on it. */
public class Forbidden extends AccessDeniedException {

    public Forbidden(String action) {
        super("Not allowed: " + action);
    }
}
