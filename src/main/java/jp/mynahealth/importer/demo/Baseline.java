package jp.mynahealth.importer.demo;

import static jp.mynahealth.importer.demo.DemoDataGenerator.normal;

import java.util.Set;
import java.util.SplittableRandom;

/** A person's values at the first checkup in the window. */
record Baseline(boolean male, double height, double weight, double waist, double systolic, double diastolic,
        double triglycerides, double hdl, double ldl, double ast, double alt, double ggt, double glucose,
        double hba1c, double creatinine, boolean smoker) {

    static Baseline random(SplittableRandom r, boolean male, Set<Condition> conditions) {
        double height = male ? normal(r, 170, 6) : normal(r, 157, 5.5);
        double bmi = normal(r, male ? 23.8 : 22.2, 3);
        double weight = bmi * Math.pow(height / 100, 2);
        double waist = (male ? 84 : 80) + (bmi - 23) * 2.6 + normal(r, 0, 3);
        boolean hypertension = conditions.contains(Condition.HYPERTENSION);
        boolean lipids = conditions.contains(Condition.DYSLIPIDEMIA);
        boolean diabetes = conditions.contains(Condition.DIABETES);
        return new Baseline(male, height, weight, waist,
                normal(r, hypertension ? 136 : 121, 10), normal(r, hypertension ? 86 : 75, 7),
                Math.max(35, normal(r, lipids ? 170 : 105, 45)), Math.max(28, normal(r, male ? 55 : 66, 12)),
                Math.max(60, normal(r, lipids ? 140 : 118, 22)), Math.max(12, normal(r, 23, 6)),
                Math.max(8, normal(r, male ? 25 : 17, 9)), Math.max(10, normal(r, male ? 40 : 22, 20)),
                Math.max(72, normal(r, diabetes ? 135 : 94, diabetes ? 18 : 8)),
                Math.max(4.6, normal(r, diabetes ? 7.0 : 5.5, diabetes ? 0.6 : 0.25)),
                Math.max(0.4, normal(r, male ? 0.88 : 0.66, 0.1)), r.nextDouble() < (male ? 0.25 : 0.08));
    }
}
