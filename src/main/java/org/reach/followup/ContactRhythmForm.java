package org.reach.followup;

/** An organisation manager's change to the contact rhythm: whole days, 1 to 365 each. */
public record ContactRhythmForm(Integer injectingDays, Integer otherDays) {

    public static ContactRhythmForm of(ContactRhythm rhythm) {
        return new ContactRhythmForm(rhythm.injectingDays(), rhythm.otherDays());
    }
}
