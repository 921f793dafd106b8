package org.reach.organisations;

import java.util.List;

public record OrganisationForm(String name, String countryCode, List<String> languages, Long programmeId) {

    public OrganisationForm {
        languages = languages == null ? List.of() : languages.stream().filter(l -> l != null && !l.isBlank()).toList();
    }

    public static OrganisationForm of(Organisation organisation) {
        return new OrganisationForm(organisation.name(), organisation.countryCode(), organisation.languages(),
                organisation.programmeId());
    }

    public static OrganisationForm empty() {
        return new OrganisationForm("", "", List.of("en"), null);
    }

    /** Languages as typed on the page: comma separated. */
    public String languageList() {
        return String.join(", ", languages);
    }
}
