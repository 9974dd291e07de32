package uk.gov.digitalid.govconnectors.dvla;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import uk.gov.digitalid.govconnectors.cache.AnswerCache;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamGuard;

/** Vehicle details by registration, after DVLA's Vehicle Enquiry Service; found vehicles are cached. */
public class VehicleLookups {

    /** The Vehicle Enquiry Service's fields that this API passes on (absent ones are null). */
    public record VehicleDetails(String registrationNumber, String make, String colour, String fuelType, Integer yearOfManufacture,
                                 Integer engineCapacity, Integer co2Emissions, String taxStatus, String taxDueDate, String motStatus,
                                 String motExpiryDate, Boolean markedForExport, String monthOfFirstRegistration) {

        static VehicleDetails of(JsonNode vehicle) {
            return new VehicleDetails(text(vehicle, "registrationNumber"), text(vehicle, "make"), text(vehicle, "colour"),
                    text(vehicle, "fuelType"), number(vehicle, "yearOfManufacture"), number(vehicle, "engineCapacity"),
                    number(vehicle, "co2Emissions"), text(vehicle, "taxStatus"), text(vehicle, "taxDueDate"), text(vehicle, "motStatus"),
                    text(vehicle, "motExpiryDate"), vehicle.hasNonNull("markedForExport") ? vehicle.get("markedForExport").asBoolean() : null,
                    text(vehicle, "monthOfFirstRegistration"));
        }

        private static String text(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asString() : null;
        }

        private static Integer number(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asInt() : null;
        }
    }

    private final VehicleEnquiryClient client;
    private final UpstreamGuard guard;
    private final AnswerCache cache;

    public VehicleLookups(VehicleEnquiryClient client, UpstreamGuard guard, AnswerCache cache) {
        this.client = client;
        this.guard = guard;
        this.cache = cache;
    }

    public Optional<VehicleDetails> find(String registrationNumber) {
        var cached = cache.get("dvla-vehicle", VehicleDetails.class, registrationNumber);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<VehicleDetails> found = guard.read(() -> client.vehicle(registrationNumber)).map(VehicleDetails::of);
        found.ifPresent(details -> cache.putPositive("dvla-vehicle", details, registrationNumber));
        return found;
    }
}
