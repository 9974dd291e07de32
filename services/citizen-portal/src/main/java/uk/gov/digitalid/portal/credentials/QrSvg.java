package uk.gov.digitalid.portal.credentials;

import io.nayuki.qrcodegen.QrCode;

/** A QR code as an SVG image (inline markup: no script, no external request). */
final class QrSvg {

    private QrSvg() {
    }

    static String of(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + label + "\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"480\" height=\"480\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#0b0c0c\"/></svg>";
    }
}
