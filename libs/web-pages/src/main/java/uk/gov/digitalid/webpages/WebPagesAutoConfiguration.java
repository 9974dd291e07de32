package uk.gov.digitalid.webpages;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import uk.gov.digitalid.webpages.errors.ErrorPageController;
import uk.gov.digitalid.webpages.errors.PageErrors;
import uk.gov.digitalid.webpages.gateway.GatewayRestClientConfiguration;
import uk.gov.digitalid.webpages.security.PageSecurityConfiguration;
import uk.gov.digitalid.webpages.security.SessionCookie;

/**
 * A web application made of GOV.UK pages in front of the gateway: its security filter chain (before
 * Spring Boot's default one), the session cookie, the gateway's HTTP client and the friendly error
 * pages (before Spring Boot's whitelabel ones).
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@EnableConfigurationProperties(WebPagesProperties.class)
@Import({PageSecurityConfiguration.class, SessionCookie.class, GatewayRestClientConfiguration.class, ErrorPageController.class, PageErrors.class})
public class WebPagesAutoConfiguration {
}
