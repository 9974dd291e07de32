package uk.gov.digitalid.govconnectors.hmrc;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.govconnectors.cache.AnswerCache;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamGuards;

@Configuration(proxyBeanMethods = false)
class HmrcConfiguration {

    static final String UPSTREAM = "hmrc";

    @Bean
    IndividualMatching individualMatching(HmrcProperties properties, UpstreamGuards guards, RestClient.Builder builder,
                                          AnswerCache cache, ObjectProvider<Clock> clock) {
        RestClient http = guards.client(UPSTREAM, builder, properties.baseUrl());
        HmrcAccessTokens tokens = new HmrcAccessTokens(http, properties, clock.getIfAvailable(Clock::systemUTC));
        return new IndividualMatching(new IndividualsMatchingClient(http, tokens), guards.guard(UPSTREAM), cache);
    }
}
