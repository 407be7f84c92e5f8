package jp.mynahealth.records;

/** The read store's link from a card certificate to a citizen, and whether the link is still active. */
public record CardLink(PersonId person, boolean active) {
}
