package uk.gov.digitalid.platformctl.network;

/** Traffic from one endpoint to a named port of another. */
public record Flow(String from, String to, String port) implements Comparable<Flow> {

    @Override
    public int compareTo(Flow other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return from + " -> " + to + ":" + port;
    }
}
