package org.reach.organisations;

public record ProgrammeForm(String name, String description) {

    public static ProgrammeForm of(Programme programme) {
        return new ProgrammeForm(programme.name(), programme.description());
    }

    public static ProgrammeForm empty() {
        return new ProgrammeForm("", "");
    }
}
