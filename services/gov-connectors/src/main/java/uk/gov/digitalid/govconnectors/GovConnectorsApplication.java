package uk.gov.digitalid.govconnectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one place that talks to government APIs: HMRC individual matching and DVLA driver and vehicle data. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovConnectorsApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovConnectorsApplication.class, args);
    }
}
