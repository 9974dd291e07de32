package uk.gov.digitalid.gateway.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lockoutThreshold failed sign-ins to one account (within the window) that lock it
 * @param lockoutDuration  how long such a lock lasts
 * @param freeFailures     failures before each further attempt has to wait 2^(failures - free) seconds
 * @param maxDelay         the longest such wait
 * @param failureWindow    how long failures are remembered
 * @param perIpThreshold   failed sign-ins from one address (within the window) before it must wait out the window
 */
@ConfigurationProperties("gateway.sign-in")
public record SignInProperties(int lockoutThreshold, Duration lockoutDuration, int freeFailures, Duration maxDelay,
                               Duration failureWindow, int perIpThreshold) {
}
