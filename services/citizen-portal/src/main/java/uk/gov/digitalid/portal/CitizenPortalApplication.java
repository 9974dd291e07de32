package uk.gov.digitalid.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The citizens' web pages (GOV.UK Design System), talking only to the gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CitizenPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(CitizenPortalApplication.class, args);
    }
}
