package uk.gov.digitalid.govsandbox.identities;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sandbox's fixed test data, documented in the README's gov-sandbox table. Keep the two in step.
 */
public final class TestIdentities {

    /** What HMRC answers for a NINO, whatever else is sent. */
    public enum HmrcBehaviour { MATCH_WHEN_DETAILS_AGREE, THROTTLED, SERVER_ERROR }

    public record Individual(String nino, String firstName, String lastName, LocalDate dateOfBirth, HmrcBehaviour behaviour) {
    }

    public record Driver(String licenceNumber, String firstNames, String lastName, String gender, LocalDate dateOfBirth,
                         String status, String statusQualifier, LocalDate validTo) {
    }

    public record Vehicle(String registrationNumber, String make, String colour, String fuelType, int yearOfManufacture,
                          Integer engineCapacity, int co2Emissions, String taxStatus, String motStatus, String monthOfFirstRegistration) {
    }

    /** DVLA's documented test registrations that answer with an error instead of a vehicle. */
    public static final Map<String, Integer> VEHICLE_ERRORS = Map.of(
            "ER19BAD", 400, "ER19NFD", 404, "ER19THR", 429, "ER19ERR", 500, "ER19MNT", 503);

    private static final List<Individual> INDIVIDUALS = List.of(
            new Individual("AB123456C", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), HmrcBehaviour.MATCH_WHEN_DETAILS_AGREE),
            // HMRC's own documented example individual.
            new Individual("NA000799C", "Amanda", "Joseph", LocalDate.of(1960, 1, 15), HmrcBehaviour.MATCH_WHEN_DETAILS_AGREE),
            new Individual("CE123456D", "Charles", "Babbage", LocalDate.of(1971, 12, 26), HmrcBehaviour.MATCH_WHEN_DETAILS_AGREE),
            new Individual("JG103759A", "Throttled", "Tester", LocalDate.of(1990, 1, 1), HmrcBehaviour.THROTTLED),
            new Individual("JG103760A", "Failing", "Tester", LocalDate.of(1990, 1, 1), HmrcBehaviour.SERVER_ERROR));

    private static final List<Driver> DRIVERS = List.of(
            new Driver("LOVEL812105A99AB", "ADA", "LOVELACE", "Female", LocalDate.of(1985, 12, 10), "Valid", null, LocalDate.of(2033, 12, 9)),
            new Driver("BABBA712261C99CB", "CHARLES", "BABBAGE", "Male", LocalDate.of(1971, 12, 26), "Valid", null, LocalDate.of(2031, 12, 25)),
            // DVLA's documented examples.
            new Driver("TCAEU610267NO9EK", "NPBPG OYOT", "TCAEUCJ", "Male", LocalDate.of(1967, 10, 26), "Valid", null, LocalDate.of(2037, 10, 25)),
            new Driver("LQZVJ603206B99ZY", "BKNTPL", "LQZVJMTJ", "Male", LocalDate.of(1966, 3, 20), "Disqualified", "For life", LocalDate.of(2036, 3, 19)),
            new Driver("REVOK710010AB9CD", "ALAN", "REVOKED", "Male", LocalDate.of(1970, 10, 1), "Revoked", null, LocalDate.of(2030, 9, 30)),
            new Driver("EXPIR555055JD9XY", "JANE", "EXPIRED", "Female", LocalDate.of(1955, 5, 5), "Expired", null, LocalDate.of(2020, 5, 4)));

    private static final List<Vehicle> VEHICLES = List.of(
            new Vehicle("AA19AAA", "FORD", "RED", "PETROL", 2019, 2000, 300, "Taxed", "No details held by DVLA", "2019-03"),
            new Vehicle("AA19EEE", "FORD", "RED", "ELECTRICITY", 2019, null, 200, "Taxed", "No results returned", "2019-03"),
            new Vehicle("AA19MOT", "FORD", "BLUE", "DIESEL", 2019, 1600, 120, "Taxed", "Valid", "2019-03"),
            new Vehicle("L2WPS", "ROLLS ROYCE", "SILVER", "PETROL", 1985, 6750, 0, "SORN", "Not valid", "1985-06"));

    private static final Map<String, Individual> BY_NINO = index(INDIVIDUALS, Individual::nino);
    private static final Map<String, Driver> BY_LICENCE = index(DRIVERS, Driver::licenceNumber);
    private static final Map<String, Vehicle> BY_REGISTRATION = index(VEHICLES, Vehicle::registrationNumber);

    private TestIdentities() {
    }

    public static Optional<Individual> individual(String nino) {
        return Optional.ofNullable(BY_NINO.get(nino));
    }

    public static Optional<Driver> driver(String licenceNumber) {
        return Optional.ofNullable(BY_LICENCE.get(licenceNumber));
    }

    public static Optional<Vehicle> vehicle(String registrationNumber) {
        return Optional.ofNullable(BY_REGISTRATION.get(registrationNumber));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }
}
