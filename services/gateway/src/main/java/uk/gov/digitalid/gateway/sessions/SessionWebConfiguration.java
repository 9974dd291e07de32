package uk.gov.digitalid.gateway.sessions;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The citizen's endpoints need a current session. */
@Configuration(proxyBeanMethods = false)
class SessionWebConfiguration implements WebMvcConfigurer {

    private final SessionStore sessions;

    SessionWebConfiguration(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SessionAuthentication(sessions))
                .addPathPatterns("/api/v1/me", "/api/v1/me/**", "/api/v1/sessions/current", "/api/v1/identity/**", "/api/v1/credentials", "/api/v1/credentials/**");
    }
}
