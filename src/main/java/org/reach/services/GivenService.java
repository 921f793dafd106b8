package org.reach.services;

/** A service as stored with an encounter. */
public record GivenService(long serviceId, String code, String name, ServiceUnit unit, int quantity, TestResult result,
                           Boolean linked) {

    public String messageKey() {
        return "service." + code;
    }
}
