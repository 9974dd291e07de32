package uk.gov.digitalid.govconnectors.dvla;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.validation.VehicleRegistration;

/** {@code POST /v1/dvla/vehicles}: a vehicle's details by registration number (spaces and case ignored). */
@RestController
class VehiclesController {

    record VehicleRequest(@NotBlank @Size(max = 10) String registrationNumber) {

        String normalised() {
            return registrationNumber.replace(" ", "").toUpperCase(Locale.ROOT);
        }
    }

    record Normalised(@VehicleRegistration String registrationNumber) {
    }

    private final VehicleLookups vehicles;
    private final Validator validator;

    VehiclesController(VehicleLookups vehicles, Validator validator) {
        this.vehicles = vehicles;
        this.validator = validator;
    }

    @PostMapping("/v1/dvla/vehicles")
    VehicleLookups.VehicleDetails vehicle(@Valid @RequestBody VehicleRequest request) {
        Normalised normalised = new Normalised(request.normalised());
        var violations = validator.validate(normalised);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return vehicles.find(normalised.registrationNumber()).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "DVLA holds no vehicle with that registration number."), null));
    }
}
