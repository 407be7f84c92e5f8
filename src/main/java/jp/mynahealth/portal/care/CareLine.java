package jp.mynahealth.portal.care;

/**
 * One 診療行為 of a visit month as the list prints it: its name, the heading it comes under, the
 * days it was done and how many times in all.
 */
public record CareLine(String name, String careClass, String days, String times) {
}
