package uk.gov.digitalid.backing;

/** Where a backing server came from, in the order they are tried. */
public enum Source {
    /** A URL given in the environment: the server is someone else's and is never stopped here. */
    ENVIRONMENT,
    /** A container started through Testcontainers because a Docker engine answered. */
    TESTCONTAINERS,
    /** A real server binary started as a child process on loopback. */
    EMBEDDED
}
