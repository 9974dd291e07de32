package uk.gov.digitalid.govconnectors.hmrc;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Names as HMRC's matching API takes them: letters a to z, spaces, hyphens, apostrophes, at most 35
 * characters. Accents are dropped (Zoë → Zoe, Łukasz → Lukasz) rather than refused, since HMRC
 * compares only a name's first letters; a name with nothing left (a non-Latin script) cannot be sent.
 */
final class HmrcNames {

    private HmrcNames() {
    }

    static Optional<String> of(String name) {
        String latin = Normalizer.normalize(name.replace('Ł', 'L').replace('ł', 'l').replace('Ø', 'O').replace('ø', 'o')
                .replace('Đ', 'D').replace('đ', 'd').replace('ß', 's'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^a-zA-Z `\\-'^]", "")
                .replaceAll(" {2,}", " ")
                .trim();
        if (latin.isEmpty() || !Character.isLetter(latin.charAt(0))) {
            return Optional.empty();
        }
        return Optional.of(latin.length() > 35 ? latin.substring(0, 35).trim() : latin);
    }
}
