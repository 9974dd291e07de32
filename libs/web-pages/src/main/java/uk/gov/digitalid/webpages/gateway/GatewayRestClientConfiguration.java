package uk.gov.digitalid.webpages.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.webpages.WebPagesProperties;

/**
 * The HTTP client for the gateway, the only service the pages talk to: its base URL and timeouts from
 * {@code pages.*}, and every 4xx or 5xx answer thrown as a {@link GatewayProblem}.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRestClientConfiguration {

    @Bean
    RestClient gatewayRestClient(RestClient.Builder http, WebPagesProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        return http.clone().baseUrl(properties.gatewayUrl().toString()).requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw GatewayProblem.from(response);
                })
                .build();
    }
}
