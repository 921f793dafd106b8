package org.reach.platform;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where the current request came from, for the audit log. Work outside a request reports "system". */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    public static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "system";
    }
}
