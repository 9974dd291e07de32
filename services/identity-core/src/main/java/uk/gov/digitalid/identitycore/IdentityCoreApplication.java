package uk.gov.digitalid.identitycore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityCoreApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityCoreApplication.class, args);
    }
}
