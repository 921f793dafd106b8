package org.reach.services;

/**
 * One service of the catalogue. Built-in services have no organisation and take their name from the
 * message bundle ({@code service.<CODE>}); an organisation's own services carry their own name.
 */
public record ServiceDefinition(long id, Long organisationId, String code, ServiceCategory category, ServiceUnit unit,
                                String name, int sortOrder, boolean active) {

    public boolean builtIn() {
        return organisationId == null;
    }

    /** The bundle key of a built-in service's name; own services show {@link #name()} instead. */
    public String messageKey() {
        return "service." + code;
    }
}
