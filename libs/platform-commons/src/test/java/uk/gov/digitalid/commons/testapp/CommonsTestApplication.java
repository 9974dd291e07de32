package uk.gov.digitalid.commons.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A stand-in service in its own package, so it scans only the test controllers; the library comes in by auto-configuration. */
@SpringBootApplication
public class CommonsTestApplication {
}
