package uk.gov.digitalid.govsandbox.faults;

/** The simulated APIs whose behaviour the fault knobs change. Token endpoints are never faulted. */
public enum Upstream {
    HMRC_MATCHING("hmrc-matching"),
    DVLA_DRIVERS("dvla-drivers"),
    DVLA_VEHICLES("dvla-vehicles");

    private final String id;

    Upstream(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Upstream of(String id) {
        for (Upstream upstream : values()) {
            if (upstream.id.equals(id)) {
                return upstream;
            }
        }
        throw new IllegalArgumentException("unknown upstream " + id);
    }
}
