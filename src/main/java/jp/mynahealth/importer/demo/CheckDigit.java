package jp.mynahealth.importer.demo;

/**
 * The check digit that ends insurer numbers (検証番号) and medical institution codes: from the
 * right, digits are weighted 2, 1, 2, 1…, the digits of the products are summed, and the check
 * digit brings the sum up to a multiple of ten (the Luhn scheme).
 */
final class CheckDigit {

    private CheckDigit() {
    }

    static String append(String digits) {
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("Not a digit string: " + digits);
            }
            int product = doubled ? digit * 2 : digit;
            sum += product / 10 + product % 10;
            doubled = !doubled;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
