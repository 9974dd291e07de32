package uk.gov.digitalid.identitycore.statuslist;

/** A credential's place in a status list: which list, which bit. */
public record StatusEntry(long listId, int index) {
}
