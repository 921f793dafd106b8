package org.reach.services;

/** An organisation's own service. */
public record ServiceForm(String code, String name, ServiceCategory category, ServiceUnit unit) {

    public static ServiceForm blank() {
        return new ServiceForm("", "", ServiceCategory.PREVENTION, ServiceUnit.COUNT);
    }
}
