package uk.gov.digitalid.govconnectors.dvla;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.govconnectors.cache.AnswerCache;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamGuards;

/** Two DVLA upstreams with their own breakers and bulkheads: driver data and vehicle enquiry fail independently. */
@Configuration(proxyBeanMethods = false)
class DvlaConfiguration {

    static final String DRIVERS = "dvla-drivers";
    static final String VEHICLES = "dvla-vehicles";

    @Bean
    LicenceChecks licenceChecks(DvlaProperties properties, UpstreamGuards guards, RestClient.Builder builder, AnswerCache cache,
                                ObjectProvider<Clock> clock) {
        RestClient http = guards.client(DRIVERS, builder, properties.baseUrl());
        DvlaIdTokens tokens = new DvlaIdTokens(http, properties, clock.getIfAvailable(Clock::systemUTC));
        return new LicenceChecks(new DriverDataClient(http, tokens, properties.apiKey()), guards.guard(DRIVERS), cache);
    }

    @Bean
    VehicleLookups vehicleLookups(DvlaProperties properties, UpstreamGuards guards, RestClient.Builder builder, AnswerCache cache) {
        RestClient http = guards.client(VEHICLES, builder, properties.baseUrl());
        return new VehicleLookups(new VehicleEnquiryClient(http, properties.vehicleEnquiryApiKey()), guards.guard(VEHICLES), cache);
    }
}
