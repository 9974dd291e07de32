package uk.gov.digitalid.govsandbox.dvla;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.govsandbox.faults.Faults;
import uk.gov.digitalid.govsandbox.faults.Upstream;
import uk.gov.digitalid.govsandbox.identities.TestIdentities;
import uk.gov.digitalid.govsandbox.identities.TestIdentities.Vehicle;

/**
 * DVLA Vehicle Enquiry Service, {@code POST /vehicle-enquiry/v1/vehicles} {@code {registrationNumber}}
 * with {@code x-api-key}, including DVLA's documented test registrations that answer errors
 * (ER19BAD 400, ER19NFD 404, ER19THR 429, ER19ERR 500, ER19MNT 503).
 */
@RestController
class VehicleEnquiryEndpoint {

    private final DvlaAuthenticationEndpoint authentication;
    private final Faults faults;

    VehicleEnquiryEndpoint(DvlaAuthenticationEndpoint authentication, Faults faults) {
        this.authentication = authentication;
        this.faults = faults;
    }

    @PostMapping("/vehicle-enquiry/v1/vehicles")
    ResponseEntity<Object> vehicle(@RequestHeader(name = "x-api-key", required = false) String apiKey,
                                   @RequestBody(required = false) Map<String, Object> body) throws InterruptedException {
        if (!authentication.isApiKey(apiKey)) {
            return DvlaErrors.forStatus(403, null);
        }
        Optional<Integer> fault = faults.onCall(Upstream.DVLA_VEHICLES);
        if (fault.isPresent()) {
            return DvlaErrors.forStatus(fault.get(), "Record for vehicle not found");
        }
        if (body == null || !(body.get("registrationNumber") instanceof String registration) || registration.isBlank() || registration.length() > 8) {
            return DvlaErrors.error(400, "Bad Request", "Invalid format for field - vehicle registration number");
        }
        Integer error = TestIdentities.VEHICLE_ERRORS.get(registration);
        if (error != null) {
            return error == 404 ? DvlaErrors.error(404, "Vehicle Not Found", "Record for vehicle not found")
                    : DvlaErrors.forStatus(error, null);
        }
        return TestIdentities.vehicle(registration).<ResponseEntity<Object>>map(vehicle -> ResponseEntity.ok(view(vehicle)))
                .orElseGet(() -> DvlaErrors.error(404, "Vehicle Not Found", "Record for vehicle not found"));
    }

    private static Map<String, Object> view(Vehicle vehicle) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("registrationNumber", vehicle.registrationNumber());
        view.put("taxStatus", vehicle.taxStatus());
        view.put("taxDueDate", LocalDate.now().plusYears(1).toString());
        view.put("motStatus", vehicle.motStatus());
        view.put("make", vehicle.make());
        view.put("yearOfManufacture", vehicle.yearOfManufacture());
        if (vehicle.engineCapacity() != null) {
            view.put("engineCapacity", vehicle.engineCapacity());
        }
        view.put("co2Emissions", vehicle.co2Emissions());
        view.put("fuelType", vehicle.fuelType());
        view.put("markedForExport", false);
        view.put("colour", vehicle.colour());
        view.put("typeApproval", "M1");
        view.put("wheelplan", "2 AXLE RIGID BODY");
        view.put("monthOfFirstRegistration", vehicle.monthOfFirstRegistration());
        return view;
    }
}
