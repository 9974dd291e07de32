package uk.gov.digitalid.govsandbox.dvla;

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
import uk.gov.digitalid.govsandbox.identities.TestIdentities.Driver;

/**
 * DVLA Access to Driver Data, {@code POST /full-driver-enquiry/v1/driving-licences/retrieve}: the
 * licence number in the body (never the URL), {@code X-API-Key} plus the Authentication API's ID token
 * in {@code Authorization}; answers the driver, licence and token (photocard) sections.
 */
@RestController
class DriverDataEndpoint {

    private final DvlaAuthenticationEndpoint authentication;
    private final Faults faults;

    DriverDataEndpoint(DvlaAuthenticationEndpoint authentication, Faults faults) {
        this.authentication = authentication;
        this.faults = faults;
    }

    @PostMapping("/full-driver-enquiry/v1/driving-licences/retrieve")
    ResponseEntity<Object> retrieve(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
                                    @RequestHeader(name = "Authorization", required = false) String authorization,
                                    @RequestBody(required = false) Map<String, Object> body) throws InterruptedException {
        if (!authentication.isApiKey(apiKey)) {
            return DvlaErrors.forStatus(403, null);
        }
        if (!authentication.isValid(authorization)) {
            return DvlaErrors.forStatus(401, null);
        }
        Optional<Integer> fault = faults.onCall(Upstream.DVLA_DRIVERS);
        if (fault.isPresent()) {
            return DvlaErrors.forStatus(fault.get(), "Record for supplied driving licence number cannot be found");
        }
        if (body == null || !(body.get("drivingLicenceNumber") instanceof String number) || !number.matches("^[A-Z0-9]{16}$")) {
            return DvlaErrors.error(400, "Bad Request", "drivingLicenceNumber must be 16 characters");
        }
        return TestIdentities.driver(number).<ResponseEntity<Object>>map(driver -> ResponseEntity.ok(view(driver)))
                .orElseGet(() -> DvlaErrors.forStatus(404, "Record for supplied driving licence number cannot be found"));
    }

    private static Map<String, Object> view(Driver driver) {
        Map<String, Object> licence = new LinkedHashMap<>();
        licence.put("type", "Full");
        licence.put("status", driver.status());
        if (driver.statusQualifier() != null) {
            licence.put("statusQualifier", driver.statusQualifier());
        }
        return Map.of(
                "driver", Map.of("drivingLicenceNumber", driver.licenceNumber(), "firstNames", driver.firstNames(),
                        "lastName", driver.lastName(), "gender", driver.gender(), "dateOfBirth", driver.dateOfBirth().toString(),
                        "address", Map.of("unstructuredAddress", Map.of("line1", "1 TEST DATA DO NOT DELIVER", "line5", "SWANSEA", "postcode", "SA6 7JL"))),
                "licence", licence,
                "token", Map.of("validFromDate", driver.validTo().minusYears(10).plusDays(1).toString(), "validToDate", driver.validTo().toString(),
                        "issueNumber", "12"));
    }
}
