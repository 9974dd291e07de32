package uk.gov.digitalid.gateway.activity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.gateway.sessions.Session;
import uk.gov.digitalid.gateway.sessions.SessionAuthentication;

/**
 * {@code GET /api/v1/me/activity}: what happened on the citizen's account lately, newest first — each
 * sign-in (from which address, how it ended) and each identity check — so they can spot what was not them.
 */
@RestController
class ActivityController {

    record Activity(OffsetDateTime at, String kind, String detail) {
    }

    private static final int LIMIT = 20;

    private final JdbcClient jdbc;

    ActivityController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/me/activity")
    List<Activity> activity(@RequestAttribute(SessionAuthentication.ATTRIBUTE) Session session) {
        List<Activity> activity = new ArrayList<>(jdbc.sql("""
                        select created_at, client_ip, ended_at, end_reason from sessions
                        where user_id = :user order by created_at desc limit :limit""")
                .param("user", session.accountId()).param("limit", LIMIT)
                .query((rs, n) -> new Activity(rs.getObject("created_at", OffsetDateTime.class), "SIGNED_IN",
                        signInDetail(rs.getString("client_ip"), rs.getString("end_reason"))))
                .list());
        activity.addAll(jdbc.sql("""
                        select created_at, status, confidence from verifications
                        where user_id = :user order by created_at desc limit :limit""")
                .param("user", session.accountId()).param("limit", LIMIT)
                .query((rs, n) -> new Activity(rs.getObject("created_at", OffsetDateTime.class), "IDENTITY_CHECK",
                        "VERIFIED".equals(rs.getString("status")) ? "Identity proved (" + rs.getString("confidence") + ")" : "Identity not confirmed"))
                .list());
        activity.sort(Comparator.comparing(Activity::at).reversed());
        return activity.size() > LIMIT ? activity.subList(0, LIMIT) : activity;
    }

    private static String signInDetail(String clientIp, String endReason) {
        String from = "Signed in" + (clientIp == null ? "" : " from " + clientIp);
        if (endReason == null) {
            return from;
        }
        return from + switch (endReason) {
            case "SIGNED_OUT" -> ", signed out";
            case "ACCOUNT_LOCKED" -> ", ended when the account was locked";
            case "REVOKED" -> ", ended by the service";
            default -> ", expired";
        };
    }
}
