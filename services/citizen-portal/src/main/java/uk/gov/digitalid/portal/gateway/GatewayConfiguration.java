package uk.gov.digitalid.portal.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.portal.PortalProperties;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    GatewayClient gatewayClient(RestClient.Builder http, PortalProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        return new GatewayClient(http.clone().baseUrl(properties.gatewayUrl().toString()).requestFactory(requests).build());
    }
}
