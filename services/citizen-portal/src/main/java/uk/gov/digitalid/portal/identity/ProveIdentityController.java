package uk.gov.digitalid.portal.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.digitalid.commons.validation.DrivingLicenceNumber;
import uk.gov.digitalid.commons.validation.DrivingLicenceNumbers;
import uk.gov.digitalid.commons.validation.NationalInsuranceNumber;
import uk.gov.digitalid.portal.gateway.GatewayClient;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;
import uk.gov.digitalid.webpages.security.SessionCookie;
import uk.gov.digitalid.webpages.forms.FormErrors;

/**
 * Prove your identity: National Insurance details, and a driving licence number if the citizen has
 * one (a stronger check), sent through the gateway to HMRC and DVLA; then the outcome.
 */
@Controller
class ProveIdentityController {

    private final GatewayClient gateway;
    private final SessionCookie cookie;

    ProveIdentityController(GatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @GetMapping("/prove-identity")
    String form(HttpServletRequest request, Model model) {
        Map<String, Object> me = gateway.me(cookie.required(request));
        model.addAttribute("form", Map.of("givenName", me.get("givenName"), "familyName", me.get("familyName")));
        return "identity/prove";
    }

    @PostMapping("/prove-identity")
    String prove(@RequestParam(defaultValue = "") String nino, @RequestParam(defaultValue = "") String givenName,
                 @RequestParam(defaultValue = "") String familyName, @RequestParam(name = "dateOfBirth-day", defaultValue = "") String day,
                 @RequestParam(name = "dateOfBirth-month", defaultValue = "") String month,
                 @RequestParam(name = "dateOfBirth-year", defaultValue = "") String year,
                 @RequestParam(defaultValue = "") String licenceNumber, HttpServletRequest request, Model model) {
        String token = cookie.required(request);
        String normalisedNino = nino.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        String normalisedLicence = licenceNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        LocalDate birthDate = date(day, month, year);
        FormErrors errors = new FormErrors()
                .require("nino", nino, "Enter your National Insurance number")
                .check("nino", nino.isBlank() || normalisedNino.matches(NationalInsuranceNumber.PATTERN),
                        "Enter a National Insurance number in the correct format, like QQ 12 34 56 C")
                .require("givenName", givenName, "Enter your first name")
                .require("familyName", familyName, "Enter your last name")
                .check("dateOfBirth-day", !(day + month + year).isBlank(), "Enter your date of birth")
                .check("dateOfBirth-day", birthDate != null || (day + month + year).isBlank(), "Date of birth must be a real date")
                .check("dateOfBirth-day", birthDate == null || birthDate.isBefore(LocalDate.now()), "Date of birth must be in the past")
                .check("licenceNumber", normalisedLicence.isEmpty() || normalisedLicence.matches(DrivingLicenceNumber.PATTERN),
                        "Enter a driving licence number in the correct format, like MORGA753116SM9IJ");
        if (errors.isEmpty() && !normalisedLicence.isEmpty()) {
            errors.check("licenceNumber", DrivingLicenceNumbers.matchesSurname(normalisedLicence, familyName)
                    && DrivingLicenceNumbers.matchesBirthDate(normalisedLicence, birthDate),
                    "This driving licence number is not for the last name and date of birth you entered");
        }
        if (errors.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("hmrc", Map.of("nino", normalisedNino, "givenName", givenName.trim(), "familyName", familyName.trim(),
                    "dateOfBirth", birthDate.toString()));
            if (!normalisedLicence.isEmpty()) {
                details.put("drivingLicence", Map.of("licenceNumber", normalisedLicence, "surname", familyName.trim(), "dateOfBirth", birthDate.toString()));
            }
            try {
                model.addAttribute("verification", gateway.proveIdentity(token, details));
                return "identity/result";
            } catch (GatewayProblem problem) {
                if (problem.status() == 503) {
                    errors.check("nino", false, "We cannot check your details at the moment. Try again in a few minutes");
                } else {
                    errors.fromGateway(problem, "nino");
                }
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("nino", nino.trim());
        form.put("givenName", givenName.trim());
        form.put("familyName", familyName.trim());
        form.put("dateOfBirth-day", day.trim());
        form.put("dateOfBirth-month", month.trim());
        form.put("dateOfBirth-year", year.trim());
        form.put("licenceNumber", licenceNumber.trim());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        return "identity/prove";
    }

    private static LocalDate date(String day, String month, String year) {
        try {
            int y = Integer.parseInt(year.trim());
            return y < 1900 ? null : LocalDate.of(y, Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
